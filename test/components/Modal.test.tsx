import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Text} from 'ink';
import {Frame} from '../../source/components/Frame.js';
import {Modal, modalContentWidth} from '../../source/components/Modal.js';
import {assertFits, frameLines, renderApp, type Rendered} from '../helpers/ink.js';

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

function Screen({width, height, maxWidth, title = 'Password'}: {width: number; height: number; maxWidth?: number; title?: string}) {
  return (
    <Frame width={width} height={height}>
      {Array.from({length: height}, (_, index) => (
        <Text key={index}>{'x'.repeat(width)}</Text>
      ))}
      <Modal width={width} height={height} title={title} maxWidth={maxWidth}>
        <Text>hello</Text>
      </Modal>
    </Frame>
  );
}

describe('Modal', () => {
  it('draws a bordered box in the centre that hides what is under it', () => {
    instance = renderApp(<Screen width={60} height={11} maxWidth={30} />);
    const lines = frameLines(instance);
    assert.equal(lines.length, 11);
    assert.equal(lines[0], 'x'.repeat(60));
    assert.equal(lines[3], 'x'.repeat(60));
    assert.equal(lines[4], `${'x'.repeat(15)}╭${'─'.repeat(28)}╮${'x'.repeat(15)}`);
    assert.equal(lines[5], `${'x'.repeat(15)}│ Password${' '.repeat(19)}│${'x'.repeat(15)}`);
    assert.equal(lines[6], `${'x'.repeat(15)}│ hello${' '.repeat(22)}│${'x'.repeat(15)}`);
    assert.equal(lines[7], `${'x'.repeat(15)}╰${'─'.repeat(28)}╯${'x'.repeat(15)}`);
    assert.equal(lines[8], 'x'.repeat(60));
  });

  it('is never wider than the screen, and cuts a long title', () => {
    instance = renderApp(<Screen width={24} height={6} title={'A very long title from the server \u001b[31m'} />);
    const lines = frameLines(instance);
    assertFits(lines.join('\n'), 24);
    assert.ok(lines.includes('│ A very long title f… │'), lines.join('\n'));
    assert.equal(modalContentWidth(24), 20);
    assert.equal(modalContentWidth(200), 68);
    assert.equal(modalContentWidth(200, 40), 36);
  });
});
