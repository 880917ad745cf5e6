/**
 * Splitting Ink's events into keys, and completing an escape sequence whose ESC came alone.
 * The events are Ink's own: each chunk is parsed by Ink 8 in a rendered probe, then split.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createElement} from 'react';
import {useInput, type Key} from 'ink';
import {completeEscape, keyOf, splitInput, type KeyPress} from '../../source/hooks/key-events.js';
import {renderApp} from '../helpers/ink.js';

/** Ink's events for `chunks`, each written on its own. */
async function inkEvents(...chunks: string[]): Promise<Array<{input: string; key: Key}>> {
  const events: Array<{input: string; key: Key}> = [];
  function Probe() {
    useInput((input, key) => {
      events.push({input, key});
    });
    return null;
  }
  const instance = renderApp(createElement(Probe));
  await new Promise((resolve) => setImmediate(resolve));
  for (const chunk of chunks) {
    instance.stdin.write(chunk);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // Ink holds an ESC that could start a sequence for 20 ms before it lets it go.
  await new Promise((resolve) => setTimeout(resolve, 40));
  instance.unmount();
  return events;
}

/** A readable name for a key, to compare sequences. */
function nameOf({input, key}: KeyPress): string {
  const flags = (['return', 'tab', 'escape', 'backspace', 'delete', 'upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end'] as const).filter(
    (flag) => key[flag],
  );
  const mods = [key.ctrl ? 'C-' : '', key.meta ? 'M-' : '', key.shift && flags.length > 0 ? 'S-' : ''].join('');
  return `${mods}${flags.length > 0 ? flags.join('+') : input}`;
}

async function keysOf(...chunks: string[]): Promise<string[]> {
  return (await inkEvents(...chunks)).flatMap(({input, key}) => splitInput(input, key)).map(nameOf);
}

describe('splitInput', () => {
  test('a typed-ahead login is one key per character, Tab and Enter at their places', async () => {
    assert.deepEqual(await keysOf('admin\tsecret\r'), ['a', 'd', 'm', 'i', 'n', 'tab', 's', 'e', 'c', 'r', 'e', 't', 'return']);
  });

  test('control keys inside a run: Ctrl-U, Ctrl-W, Backspace, a line feed as Enter; other controls dropped', async () => {
    assert.deepEqual(await keysOf('ab\u0015c\u0017d\u007fe\n\u0000\u001cf'), ['a', 'b', 'C-u', 'c', 'C-w', 'd', 'backspace', 'e', 'return', 'f']);
  });

  test('escape sequences between runs keep their place, with their modifiers', async () => {
    assert.deepEqual(await keysOf('jj\u001b[Bk\u001b[1;5A\u001bOB\u001b[6~x'), ['j', 'j', 'downArrow', 'k', 'C-upArrow', 'downArrow', 'pageDown', 'x']);
  });

  test('wide characters and emoji stay whole; capitals carry shift as Ink says', () => {
    const keys = splitInput('é😀G', keyOf('').key);
    assert.deepEqual(keys.map((press) => press.input), ['é', '😀', 'G']);
    assert.equal(keys[2]?.key.shift, true);
  });

  test('two Escapes read together (Ink says Meta+Escape) are two presses of Escape', async () => {
    assert.deepEqual(await keysOf('\u001b\u001b'), ['escape', 'escape']);
  });

  test('Escape and the next key read together (Ink says Alt+key) are Escape, then the key', async () => {
    assert.deepEqual(await keysOf('\u001bq'), ['escape', 'q']);
    assert.deepEqual(await keysOf('\u001bQ'), ['escape', 'Q']);
    assert.deepEqual(await keysOf('\u001b[1;3A'), ['M-upArrow'], 'a modified arrow key stays one key');
  });

  test('an event Ink already parsed as one key passes through', () => {
    const down = keyOf('', {downArrow: true});
    assert.deepEqual(splitInput(down.input, down.key), [down]);
    assert.deepEqual(splitInput('\n', keyOf('').key).map(nameOf), ['return']);
  });
});

describe('completeEscape', () => {
  test('the rest of a CSI or SS3 key, with modifiers and what follows', () => {
    const cases: Array<[string, string, string]> = [
      ['[B', 'downArrow', ''],
      ['[Ajj', 'upArrow', 'jj'],
      ['[1;5C', 'C-rightArrow', ''],
      ['[1;2D', 'S-leftArrow', ''],
      ['[6~', 'pageDown', ''],
      ['[5;3~', 'M-pageUp', ''],
      ['[H', 'home', ''],
      ['[4~', 'end', ''],
      ['[Z', 'S-tab', ''],
      ['OB', 'downArrow', ''],
      ['O5A', 'C-upArrow', ''],
    ];
    for (const [text, name, rest] of cases) {
      const done = completeEscape(text);
      assert.ok(done, text);
      assert.equal(nameOf(done.press), name, text);
      assert.equal(done.rest, rest, text);
    }
  });

  test('text that does not continue a sequence is left alone', () => {
    for (const text of ['', 'j', '[', '[x', '[9~', 'Ox', 'hello']) assert.equal(completeEscape(text), undefined, text);
  });
});
