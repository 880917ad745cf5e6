import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {frameUpdate, type Geometry} from '../../source/terminal/frame-update.js';
import {createEmulator} from './xterm.js';

const COLS = 80;
const ROWS = 24;
const geometry: Geometry = {rows: ROWS, cols: COLS, scrolling: true};
const INVERSE = (text: string) => `\u001B[7m${text}\u001B[27m`;
const AUTOWRAP_OFF = '\u001B[?7l';

/** A dashboard-like frame: header, a window of table rows with one selected, a footer. */
function tableFrame(start: number, selected: number, title = `rows ${start + 1}–${start + 20} of 500`): string {
  const lines = ['wazo-tui demo · admin', `Users  ${title}`];
  for (let row = start; row < start + 20; row++) {
    const text = `  user ${String(row).padStart(3, '0')}  ${'x'.repeat(row % 37)}`;
    lines.push(row === selected ? INVERSE(`›${text.slice(1)}`.padEnd(COLS)) : text);
  }
  lines.push('', '? help  ↑↓ move');
  return lines.join('\n');
}

/** What the frame's text looks like on screen: SGR removed, each line trimmed. */
function plain(frame: string): string[] {
  const lines = frame.split('\n').map((line) => line.replace(/\u001B\[[\d;]*m/g, '').trimEnd());
  while (lines.length < ROWS) lines.push('');
  return lines;
}

/** Play `frames` through frameUpdate into xterm.js; check the screen after each; return the bytes of each. */
async function play(frames: string[]): Promise<string[]> {
  const emulator = createEmulator(COLS, ROWS);
  await emulator.write(AUTOWRAP_OFF);
  const sent: string[] = [];
  let shown: string[] | undefined;
  try {
    for (const [index, frame] of frames.entries()) {
      const update = frameUpdate(shown, frame, geometry);
      shown = update.shown;
      sent.push(update.bytes);
      await emulator.write(update.bytes);
      assert.deepEqual(emulator.lines(), plain(frame), `screen after frame ${index}`);
    }
  } finally {
    emulator.dispose();
  }
  return sent;
}

describe('frameUpdate', () => {
  it('draws the first frame whole and a frame that changed nothing as no byte', async () => {
    const [first, again] = await play([tableFrame(0, 0), tableFrame(0, 0)]);
    assert.ok(first?.startsWith('\u001B[H\u001B[2J'));
    assert.equal(again, '');
  });

  it('moves the selection by rewriting the two rows concerned only', async () => {
    const [, move] = await play([tableFrame(0, 3), tableFrame(0, 4)]);
    assert.ok(move !== undefined && move.length < 2 * COLS + 40, `${move?.length} bytes`);
    assert.doesNotMatch(move ?? '', /\u001B\[\d+;\d+r/, 'no scroll region for a move inside the window');
  });

  it('scrolls a window that moved by one row with a scroll region, then draws the changed rows', async () => {
    const [, scroll] = await play([tableFrame(0, 19), tableFrame(1, 20)]);
    assert.match(scroll ?? '', /^\u001B\[\d+;\d+r\u001B\[S\u001B\[r/, 'DECSTBM over the table rows, SU 1, reset');
    // The scroll, the row that lost the selection, the new selected row, the title's digits.
    assert.ok(scroll !== undefined && scroll.length < 2 * COLS + 80, `${scroll?.length} bytes`);
  });

  it('scrolls down for a window that moved up', async () => {
    const [, scroll] = await play([tableFrame(5, 5), tableFrame(4, 4)]);
    assert.match(scroll ?? '', /^\u001B\[\d+;\d+r\u001B\[T\u001B\[r/);
  });

  it('stays correct through pages, jumps, overlays and blank frames', async () => {
    const overlay = (frame: string) =>
      frame
        .split('\n')
        .map((line, row) => (row >= 6 && row < 12 ? `      │ help ${row} │`.padEnd(40, ' ') + line.slice(40) : line))
        .join('\n');
    await play([
      tableFrame(0, 0),
      tableFrame(20, 20),
      overlay(tableFrame(20, 21)),
      tableFrame(20, 21),
      tableFrame(21, 40),
      tableFrame(480, 499, 'rows 481–500 of 500'),
      '',
      tableFrame(3, 9),
      tableFrame(2, 9),
      tableFrame(7, 26),
    ]);
  });

  it('keeps wide characters, emoji and styles in place when a row is patched in the middle', async () => {
    const row = (name: string, id: string) => `  ${name}  \u001B[36m${id}\u001B[39m  tail`;
    await play([
      [row('山田太郎', '1001'), row('😀 Zoë', '1002'), row('क्षत्रिय', '1003')].join('\n'),
      [row('山田花子', '1001'), row('😀 Zoé', '2002'), row('किताब', '1003')].join('\n'),
      [row('山田', '1001'), row('😀', '2002'), row('किताब', '1003x')].join('\n'),
    ]);
  });

  it('keeps a row wider than the screen from touching the next one (autowrap off, absolute rows)', async () => {
    const wide = `${'W'.repeat(COLS + 30)}`;
    const emulator = createEmulator(COLS, ROWS);
    try {
      await emulator.write(AUTOWRAP_OFF);
      const first = frameUpdate(undefined, ['header', wide, 'next row', 'last'].join('\n'), geometry);
      await emulator.write(first.bytes);
      const lines = emulator.lines();
      assert.equal(lines[1], 'W'.repeat(COLS));
      assert.deepEqual([lines[0], lines[2], lines[3]], ['header', 'next row', 'last']);
    } finally {
      emulator.dispose();
    }
  });

  it('redraws everything when the previous screen has another height', () => {
    const shown = frameUpdate(undefined, 'a\nb', geometry).shown;
    const update = frameUpdate(shown.slice(0, 10), 'a\nb', geometry);
    assert.ok(update.bytes.startsWith('\u001B[H\u001B[2J'));
  });

  it('never scrolls without scroll regions (TERM=dumb and the like)', () => {
    const shown = frameUpdate(undefined, tableFrame(0, 19), geometry).shown;
    const update = frameUpdate(shown, tableFrame(1, 20), {...geometry, scrolling: false});
    assert.doesNotMatch(update.bytes, /\u001B\[\d+;\d+r/);
  });
});
