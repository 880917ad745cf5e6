/**
 * Issue "Own the terminal output", end to end: the built binary in tmux at 80x24 and 100x30 over
 * users named with every kind of hostile and exotic Unicode (a proxy in front of the demo server
 * renames them). After every step of paging, every row must sit on its own line, the header and
 * footer where they belong; the bytes the app wrote, replayed into xterm.js, must give tmux's
 * screen, with every column aligned. And tmux itself must draw each shaped name at the width we count.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sanitize} from '../../source/text/sanitize.js';
import {displayWidth} from '../../source/text/width.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';
import {startHostileServer} from '../terminal/hostile-server.js';
import {HOSTILE_SAMPLES} from '../terminal/hostile-text.js';
import {createEmulator, type Emulator} from '../terminal/xterm.js';

const TITLE = /^Users\s+rows (\d+)–(\d+) of (\d+)/;

describe('hostile Unicode in tmux', () => {
  it('tmux draws every sanitised sample at the width displayWidth counts', () => {
    const socket = `wazo-tui-width-${randomBytes(4).toString('hex')}`;
    const tmux = (...words: string[]) => execFileSync('tmux', ['-L', socket, ...words], {encoding: 'utf8'}).trim();
    tmux('new-session', '-d', '-x', '1000', '-y', '5', 'sleep 60');
    try {
      for (const [index, {name, text}] of HOSTILE_SAMPLES.entries()) {
        const shown = sanitize(text);
        const window = `w${index}`;
        tmux('new-window', '-d', '-n', window, '-e', `SAMPLE=${shown}`, '-e', 'LANG=C.UTF-8', `printf '\\033[H%s\\033[?25l' "$SAMPLE"; sleep 60`);
        let x = '';
        // The pane's shell needs a moment; the hidden cursor says printf is done.
        for (let attempt = 0; attempt < 100; attempt++) {
          if (tmux('display', '-p', '-t', window, '#{cursor_flag}') === '0') {
            x = tmux('display', '-p', '-t', window, '#{cursor_x}');
            break;
          }
          execFileSync('sleep', ['0.05']);
        }
        assert.equal(Number(x), displayWidth(shown), `${name}: ${JSON.stringify(shown)}`);
      }
    } finally {
      execFileSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore'});
    }
  });

  for (const [columns, rows] of [
    [80, 24],
    [100, 30],
  ] as const) {
    it(`pages through hostile names at ${columns}x${rows}: every row on its line, xterm.js shows the same screen`, async () => {
      const work = mkdtempSync(join(tmpdir(), 'wazo-tui-unicode-'));
      const record = join(work, 'bytes');
      const server = await startHostileServer(300);
      const terminal = await startTerminal([server.hostPort, '--config-dir', work, '--username', 'admin'], {columns, rows, record});
      const emulator = createEmulator(columns, rows);
      const replayed = {bytes: 0};
      try {
        await terminal.waitFor('SHA-256 fingerprint', 20_000);
        await terminal.press('o');
        await terminal.waitFor('Password');
        await terminal.type(server.password);
        await terminal.press('Enter');
        await terminal.waitFor(TITLE_ANYWHERE, 20_000);
        // Once the screen is still: the header's lines (the full-access warning) come in after the title.
        const layout = layoutOf(await settled(terminal), rows);

        const steps: Array<[string, () => Promise<void>]> = [
          ['the first page', async () => {}],
          ['three rows down', () => terminal.press('Down', 'Down', 'Down')],
          ['down past the window', () => terminal.press(...Array<string>(layout.visible).fill('Down'))],
          ['a page down', () => terminal.press('PageDown')],
          ['another page down', () => terminal.press('PageDown')],
          ['one row up', () => terminal.press('Up')],
          ['the help overlay', () => terminal.press('?')],
          ['the help closed', () => terminal.press('?')],
          ['the end', () => terminal.press('End')],
          ['a page up', () => terminal.press('PageUp')],
          ['the start', () => terminal.press('Home')],
        ];
        for (const [step, act] of steps) {
          await act();
          const screen = await settled(terminal);
          checkLayout(screen, layout, rows, step);
          await checkReplay(terminal, emulator, record, replayed, layout, step);
        }

        // A resize redraws everything: tmux and the replay must follow it too.
        await terminal.resize(columns - 10, rows - 2);
        emulator.resize(columns - 10, rows - 2);
        await terminal.press('PageDown');
        const resized = await settled(terminal);
        const resizedLayout = layoutOf(resized, rows - 2);
        checkLayout(resized, resizedLayout, rows - 2, 'a resize and a page down');
        await checkReplay(terminal, emulator, record, replayed, resizedLayout, 'a resize and a page down');
        await terminal.press('q');
        assert.equal(await terminal.waitForExit(), 0);
      } finally {
        emulator.dispose();
        await terminal.close();
        await server.close();
        rmSync(work, {recursive: true, force: true});
      }
    });
  }
});

const TITLE_ANYWHERE = /^Users\s+rows \d+–\d+ of \d+/m;

/** Where the table is on the first screen: every later screen must have it in the same place. */
interface Layout {
  titleRow: number;
  visible: number;
}

function layoutOf(screen: string, rows: number): Layout {
  const lines = screen.split('\n').slice(0, rows);
  const titleRow = lines.findIndex((line) => TITLE.test(line));
  const [, start, end] = TITLE.exec(lines[titleRow] ?? '') ?? [];
  return {titleRow, visible: Number(end) - Number(start) + 1};
}

/**
 * The screen once the app has drawn the step: the footer is on the last line (after a resize the
 * app redraws for the new size), nothing is loading, and three captures in a row agree.
 */
async function settled(terminal: Terminal): Promise<string> {
  const ready = (screen: string) => /^\? help/.test(screen.trimEnd().split('\n').at(-1) ?? '') && !/^[ ›] …$/m.test(screen);
  let previous = '';
  let agreeing = 0;
  for (let attempt = 0; attempt < 100 && agreeing < 2; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const screen = await terminal.screen();
    agreeing = ready(screen) && screen === previous ? agreeing + 1 : 0;
    previous = screen;
  }
  return previous;
}

function checkLayout(screen: string, layout: Layout, rows: number, step: string): void {
  const lines = screen.split('\n').slice(0, rows);
  const context = `${step}:\n${screen}`;
  assert.equal(lines.length, rows, context);
  assert.match(lines[0] ?? '', /^wazo-tui /, `header on the first line after ${context}`);
  assert.match(lines.at(-1) ?? '', /^\? help/, `footer on the last line after ${context}`);
  if (step === 'the help overlay') return;
  const title = TITLE.exec(lines[layout.titleRow] ?? '');
  assert.ok(title, `title on line ${layout.titleRow} after ${context}`);
  assert.match(lines[layout.titleRow + 1] ?? '', /^ {2}Name/, `column titles under the title after ${context}`);
  const shown = Number(title[2]) - Number(title[1]) + 1;
  const body = lines.slice(layout.titleRow + 2, layout.titleRow + 2 + shown);
  for (const line of body) assert.match(line, /^[ ›] \S.*\d$/u, `a row of its own, ending with its id, after ${context}`);
  assert.equal(body.filter((line) => line.startsWith('›')).length, 1, `one selected row after ${context}`);
}

/** Feed the recorded bytes written since the last step into xterm.js and compare with tmux. */
async function checkReplay(terminal: Terminal, emulator: Emulator, record: string, replayed: {bytes: number}, layout: Layout, step: string): Promise<void> {
  let tmuxLines: string[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = await terminal.screen();
    const bytes = readFileSync(record);
    await emulator.write(bytes.subarray(replayed.bytes));
    replayed.bytes = bytes.length;
    const after = await terminal.screen();
    tmuxLines = after.split('\n').slice(0, emulator.lines().length).map((line) => line.trimEnd());
    // The countdown ticks between two reads now and then: read again.
    if (before === after && sameLines(tmuxLines, emulator.lines())) break;
  }
  assert.deepEqual(emulator.lines(), tmuxLines, `xterm.js and tmux disagree after ${step}`);
  if (step !== 'the help overlay') checkAligned(emulator, layout, step);
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}

/** In xterm.js, every body row's last character is in the same column as the header's: no row mis-measured. */
function checkAligned(emulator: Emulator, layout: Layout, step: string): void {
  const [, start, end] = TITLE.exec(emulator.lines()[layout.titleRow] ?? '') ?? [];
  const shown = Number(end) - Number(start) + 1;
  assert.ok(shown > 0, `a title in xterm.js after ${step}`);
  const ends = emulator.lastColumns(layout.titleRow + 1, layout.titleRow + 2 + shown);
  const header = ends[0];
  ends.forEach((end, index) => assert.equal(end, header, `row ${layout.titleRow + 1 + index} ends at column ${end}, not ${header}, after ${step}`));
}
