import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Text} from 'ink';
import {Frame} from '../../source/components/Frame.js';
import {MIN_HEIGHT, MIN_WIDTH} from '../../source/components/layout.js';
import {TooSmall, isTooSmall} from '../../source/components/TooSmall.js';
import {assertFits, frameLines, renderApp, type Rendered} from '../helpers/ink.js';

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

describe('TooSmall', () => {
  it('says what size is needed and what there is, centred', () => {
    instance = renderApp(<TooSmall width={50} height={9} />);
    const lines = frameLines(instance);
    assert.equal(lines.length, 9);
    assertFits(lines.join('\n'), 50);
    const need = `need at least ${MIN_WIDTH}×${MIN_HEIGHT} (now 50×9)`;
    const row = lines.findIndex((line) => line.includes(need));
    assert.ok(row >= 3 && row <= 5, `vertically centred: ${lines.join('\n')}`);
    assert.equal(lines[row - 1]?.trim(), 'terminal too small:');
    const indent = (lines[row] ?? '').indexOf('need');
    assert.ok(Math.abs(indent - (50 - need.length) / 2) <= 1, `horizontally centred: ${indent}`);
  });

  it('still fits a tiny terminal', () => {
    instance = renderApp(<TooSmall width={20} height={5} />);
    const lines = frameLines(instance);
    assert.ok(lines.length <= 5);
    assertFits(lines.join('\n'), 20);
    assert.ok(lines.join(' ').includes('too small'));
  });

  it('decides from the minimum size', () => {
    assert.equal(isTooSmall(MIN_WIDTH, MIN_HEIGHT), false);
    assert.equal(isTooSmall(MIN_WIDTH - 1, MIN_HEIGHT), true);
    assert.equal(isTooSmall(MIN_WIDTH, MIN_HEIGHT - 1), true);
    assert.equal(isTooSmall(30, 8, 30, 8), false);
  });
});

describe('Frame', () => {
  it('has exactly its height and clips what does not fit', () => {
    instance = renderApp(
      <Frame width={20} height={3}>
        <Text>one</Text>
        <Text>two</Text>
        <Text>three</Text>
        <Text>four</Text>
      </Frame>,
    );
    assert.deepEqual(frameLines(instance), ['one', 'two', 'three']);
    instance.unmount();
    instance = renderApp(
      <Frame width={20} height={3}>
        <Text>one</Text>
      </Frame>,
    );
    assert.equal(frameLines(instance).length, 3);
  });
});
