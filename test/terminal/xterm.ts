/**
 * A second terminal emulator for the tests: xterm.js (the engine of VS Code's terminal) without
 * a browser, with the Unicode 11 widths VS Code turns on. Replays bytes, reads the screen back.
 */
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';

/** An emulator of `cols` x `rows`. */
export interface Emulator {
  write(bytes: string | Uint8Array): Promise<void>;
  /** Every row as text, trailing blanks trimmed. */
  lines(): string[];
  cursorX(): number;
  /** For rows `from`..`to` (exclusive), the column of the last cell that is not blank (-1 for none). */
  lastColumns(from: number, to: number): number[];
  resize(cols: number, rows: number): void;
  dispose(): void;
}

export function createEmulator(cols: number, initialRows: number): Emulator {
  let rows = initialRows;
  const terminal = new xterm.Terminal({cols, rows: initialRows, allowProposedApi: true, scrollback: 0});
  terminal.loadAddon(new unicode11.Unicode11Addon());
  terminal.unicode.activeVersion = '11';
  return {
    write: (bytes) => new Promise((resolve) => terminal.write(bytes, resolve)),
    lines() {
      const buffer = terminal.buffer.active;
      return Array.from({length: rows}, (_, row) => (buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '').trimEnd());
    },
    cursorX: () => terminal.buffer.active.cursorX,
    lastColumns(from, to) {
      const buffer = terminal.buffer.active;
      return Array.from({length: to - from}, (_, index) => {
        const line = buffer.getLine(buffer.viewportY + from + index);
        let last = -1;
        for (let col = 0; line && col < terminal.cols; col++) {
          const chars = line.getCell(col)?.getChars() ?? '';
          if (chars !== '' && chars !== ' ') last = col;
        }
        return last;
      });
    },
    resize(newCols, newRows) {
      terminal.resize(newCols, newRows);
      rows = newRows;
    },
    dispose: () => terminal.dispose(),
  };
}
