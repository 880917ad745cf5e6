import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {Box, render, Text, useWindowSize} from 'ink';
import {useState} from 'react';
import {InkOutput} from '../../source/terminal/ink-output.js';
import {TerminalWriter} from '../../source/terminal/writer.js';
import {createEmulator} from './xterm.js';

/** A terminal that records what it is sent and can be resized. */
class FakeTerminal extends EventEmitter {
  written = '';
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(data: string): boolean {
    this.written += data;
    return true;
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
/** React and Ink schedule their work on timers: give them a moment, then the writer its tick. */
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 30));
  await tick();
};

describe('TerminalWriter', () => {
  it('draws the splash at once and a frame that comes before the diff is loaded once it is', async () => {
    const terminal = new FakeTerminal(80, 24);
    const writer = new TerminalWriter(terminal);
    writer.start();
    writer.show('\n  wazo-tui');
    assert.ok(terminal.written.endsWith('\u001B[H\u001B[2J\u001B[2H  wazo-tui\u001B[m'));
    writer.frame('\n  wazo-tui\n  ready');
    await writer.ready();
    await tick();
    assert.ok(terminal.written.endsWith('\u001B[3;3Hready\u001B[K'), JSON.stringify(terminal.written.slice(-30)));
    writer.stop();
  });

  it('takes the screen with autowrap off and gives it back as it was', () => {
    const terminal = new FakeTerminal(80, 24);
    const writer = new TerminalWriter(terminal);
    writer.start();
    assert.ok(terminal.written.includes('\u001B[?1049h') && terminal.written.includes('\u001B[?7l') && terminal.written.includes('\u001B[?25l'));
    writer.stop();
    assert.ok(terminal.written.endsWith('\u001B[r\u001B[m\u001B[?7h\u001B[?25h\u001B[?1049l'));
    const before = terminal.written;
    writer.stop();
    writer.frame('late');
    assert.equal(terminal.written, before, 'nothing after stop');
  });

  it('draws frames that arrive together once, the last one', async () => {
    const terminal = new FakeTerminal(80, 24);
    const writer = new TerminalWriter(terminal);
    writer.start();
    await writer.ready();
    const start = terminal.written.length;
    writer.frame('one');
    writer.frame('two');
    writer.frame('three');
    await tick();
    const drawn = terminal.written.slice(start);
    assert.ok(drawn.includes('three') && !drawn.includes('one') && !drawn.includes('two'));
  });

  it('tells afterFrame of each frame that wrote something, not of one that changed nothing', async () => {
    const terminal = new FakeTerminal(80, 24);
    let frames = 0;
    const writer = new TerminalWriter(terminal, {afterFrame: () => (frames += 1)});
    writer.start();
    await writer.ready();
    writer.frame('a\nb');
    await tick();
    assert.equal(frames, 1);
    writer.frame('a\nb');
    await tick();
    assert.equal(frames, 1, 'the same frame again wrote nothing');
    writer.frame('a\nc');
    await tick();
    assert.equal(frames, 2);
    writer.stop();
  });

  it('redraws the whole screen after invalidate (a resize)', async () => {
    const terminal = new FakeTerminal(80, 24);
    const writer = new TerminalWriter(terminal);
    writer.start();
    await writer.ready();
    writer.frame('a\nb');
    await tick();
    const mark = terminal.written.length;
    writer.frame('a\nb');
    await tick();
    assert.equal(terminal.written.length, mark, 'the same frame again costs nothing');
    writer.invalidate();
    writer.frame('a\nb');
    await tick();
    assert.ok(terminal.written.slice(mark).includes('\u001B[H\u001B[2J'));
  });

  it('sends whole frames without scroll regions or row patches to TERM=dumb', async () => {
    const terminal = new FakeTerminal(80, 24);
    const writer = new TerminalWriter(terminal, {term: 'dumb'});
    writer.start();
    await writer.ready();
    const frames = ['row 1\nrow 2\nrow 3', 'row 2\nrow 3\nrow 4'];
    for (const frame of frames) {
      writer.frame(frame);
      await tick();
    }
    const mark = terminal.written.lastIndexOf('\u001B[H');
    assert.equal(terminal.written.slice(mark), '\u001B[H\u001B[2Jrow 2\r\nrow 3\r\nrow 4' + '\r\n'.repeat(21));
    assert.doesNotMatch(terminal.written, /\u001B\[\d+;\d+r/);
  });
});

describe('InkOutput: Ink renders into the writer', () => {
  it('shows what Ink renders, follows updates and resizes, and passes bracketed paste through', async () => {
    const terminal = new FakeTerminal(40, 10);
    const writer = new TerminalWriter(terminal);
    const output = new InkOutput(terminal, writer);
    let setCount: (count: number) => void = () => {};
    function Counter() {
      const [count, set] = useState(0);
      const {columns, rows} = useWindowSize();
      setCount = set;
      return (
        <Box flexDirection="column" width={columns} height={rows}>
          <Text>header</Text>
          <Text inverse>count {count}</Text>
          <Text>footer at {columns}x{rows}</Text>
        </Box>
      );
    }
    writer.start();
    const instance = render(<Counter />, {stdout: output, debug: true, interactive: true, patchConsole: false, exitOnCtrlC: false});
    const emulator = createEmulator(40, 10);
    try {
      await settle();
      await emulator.write(terminal.written);
      assert.deepEqual(emulator.lines().slice(0, 3), ['header', 'count 0', 'footer at 40x10']);

      let mark = terminal.written.length;
      setCount(7);
      await settle();
      await emulator.write(terminal.written.slice(mark));
      assert.deepEqual(emulator.lines().slice(0, 3), ['header', 'count 7', 'footer at 40x10']);
      assert.ok(terminal.written.length - mark < 40, `an update of one row: ${terminal.written.length - mark} bytes`);

      output.write('\u001B[?2004h');
      assert.ok(terminal.written.endsWith('\u001B[?2004h'), 'a mode switch goes straight through');

      mark = terminal.written.length;
      terminal.resize(30, 8);
      await settle();
      const redraw = terminal.written.slice(mark);
      assert.ok(redraw.includes('\u001B[H\u001B[2J'), 'a resize redraws everything');
      const resized = createEmulator(30, 8);
      await resized.write(redraw);
      assert.deepEqual(resized.lines().slice(0, 3), ['header', 'count 7', 'footer at 30x8']);
      resized.dispose();
    } finally {
      instance.unmount();
      writer.stop();
      output.detach();
      emulator.dispose();
    }
    assert.equal(terminal.listenerCount('resize'), 0);
  });
});
