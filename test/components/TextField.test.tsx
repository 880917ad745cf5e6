import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {useState} from 'react';
import {Box, Text} from 'ink';
import {TextField} from '../../source/components/TextField.js';
import {KEYS, assertFits, eventually, frameLines, press, renderWithKeys, waitForText, type Rendered} from '../helpers/ink.js';

interface Log {
  submitted: string[];
  cancelled: number;
}

function Field({initial = '', mask = false, focus = true, width = 30, log, placeholder}: {initial?: string; mask?: boolean; focus?: boolean; width?: number; log: Log; placeholder?: string}) {
  const [value, setValue] = useState(initial);
  return (
    <Box flexDirection="column">
      <TextField
        value={value}
        onChange={setValue}
        onSubmit={(submitted) => log.submitted.push(submitted)}
        onCancel={() => {
          log.cancelled += 1;
        }}
        mask={mask}
        focus={focus}
        width={width}
        placeholder={placeholder}
      />
      {/* The real value, shown only by the test, to check what the field holds. */}
      <Text>[{mask ? value.length : value}]</Text>
    </Box>
  );
}

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

function start(props: Omit<Parameters<typeof Field>[0], 'log'> = {}): Log {
  const log: Log = {submitted: [], cancelled: 0};
  instance = renderWithKeys(<Field log={log} {...props} />);
  return log;
}

describe('TextField', () => {
  it('appends typed text and submits it with Enter', async () => {
    const log = start();
    await press(instance!, 'a', 'b', 'c');
    await waitForText(instance!, '[abc]');
    assert.match(frameLines(instance!)[0] ?? '', /^abc/);
    await press(instance!, KEYS.enter);
    assert.deepEqual(log.submitted, ['abc']);
  });

  it('deletes with Backspace, clears with Ctrl-U and deletes a word with Ctrl-W', async () => {
    start({initial: 'hello big world'});
    await press(instance!, KEYS.backspace);
    await waitForText(instance!, '[hello big worl]');
    await press(instance!, KEYS.ctrlW);
    await waitForText(instance!, '[hello big ]');
    await press(instance!, KEYS.ctrlW);
    await waitForText(instance!, '[hello ]');
    await press(instance!, KEYS.ctrlU);
    await waitForText(instance!, '[]');
  });

  it('deletes a whole grapheme with Backspace', async () => {
    start({initial: 'ok🇫🇷'});
    await press(instance!, KEYS.backspace);
    await waitForText(instance!, '[ok]');
  });

  it('edits the latest value when several keys arrive in one chunk', async () => {
    start({initial: 'x'});
    await press(instance!, `ab${KEYS.backspace}c`);
    await waitForText(instance!, '[xac]');
  });

  it('cancels with Esc', async () => {
    const log = start({initial: 'abc'});
    await press(instance!, KEYS.escape);
    assert.equal(log.cancelled, 1);
    assert.deepEqual(log.submitted, []);
  });

  it('accepts pasted text (bracketed paste), without its trailing line break or controls', async () => {
    const log = start();
    await press(instance!, '\u001b[200~pass\u001b[31mword\n\u001b[201~');
    await waitForText(instance!, '[pass[31mword]');
    assert.deepEqual(log.submitted, []);
  });

  it('enters a multi-line paste as one line of text: no submit, no keys, inner breaks become spaces', async () => {
    const log = start();
    // After the paste, Enter is a key again: it submits what the paste entered.
    await press(instance!, '\u001b[200~first line\r\nsecond\tline\nq\r\n\u001b[201~\r');
    await eventually(() => assert.deepEqual(log.submitted, ['first line secondline q']));
    assert.equal(log.cancelled, 0);
  });

  it('submits a pasted line that arrives as typed text', async () => {
    const log = start();
    await press(instance!, 'secret\r');
    await waitForText(instance!, '[secret]');
    await eventually(() => assert.deepEqual(log.submitted, ['secret']));
  });

  it('masks the value and never echoes it in any frame', async () => {
    const log = start({mask: true});
    await press(instance!, 's', 'e', 'c', 'r', 'e', 't');
    await waitForText(instance!, '[6]');
    assert.match(frameLines(instance!)[0] ?? '', /^••••••/);
    await press(instance!, KEYS.backspace);
    await waitForText(instance!, '[5]');
    assert.match(frameLines(instance!)[0] ?? '', /^•••••(?!•)/);
    await press(instance!, KEYS.enter);
    assert.deepEqual(log.submitted, ['secre']);
    for (const frame of instance!.frames) assert.ok(!/s|e|c|r|t/.test(frame.split('\n')[0] ?? ''), frame);
  });

  it('ignores keys when not focused', async () => {
    const log = start({initial: 'keep', focus: false});
    await press(instance!, 'x', KEYS.backspace, KEYS.enter);
    assert.equal(frameLines(instance!)[1], '[keep]');
    assert.deepEqual(log.submitted, []);
  });

  it('shows the placeholder while empty', async () => {
    start({placeholder: 'username'});
    assert.match(frameLines(instance!)[0] ?? '', /^ username$/);
    await press(instance!, 'a');
    await waitForText(instance!, '[a]');
    assert.ok(!(instance!.lastFrame() ?? '').includes('username'));
  });

  it('shows the end of a value longer than its width', async () => {
    start({initial: 'https://pbx.example.com/api/auth/0.1', width: 12});
    const [line = ''] = frameLines(instance!);
    assertFits(line, 12);
    assert.equal(line, '…i/auth/0.1');
  });
});
