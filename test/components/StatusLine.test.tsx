import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Box, Text} from 'ink';
import {StatusLine} from '../../source/components/StatusLine.js';
import {assertFits, frameLines, renderApp, type Rendered} from '../helpers/ink.js';
import {sanitize} from '../../source/text/sanitize.js';

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

describe('StatusLine', () => {
  it('shows each level with a symbol', () => {
    const cases = [
      ['info', 'Loaded 20 of 1042 users', 'Loaded 20 of 1042 users'],
      ['progress', 'Loading users', '… Loading users'],
      ['warn', 'Token expires soon', '! Token expires soon'],
      ['error', 'Connection refused', '✗ Connection refused'],
    ] as const;
    for (const [level, text, expected] of cases) {
      instance = renderApp(<StatusLine width={80} status={{level, text: sanitize(text)}} />);
      assert.equal(frameLines(instance)[0], expected);
      instance.unmount();
    }
  });

  it('keeps the retry hint when the error text is cut', () => {
    instance = renderApp(
      <StatusLine width={50} status={{level: 'error', text: sanitize('The server pbx.example.com did not answer within 10 seconds'), hint: sanitize('r: retry')}} />,
    );
    const [line = ''] = frameLines(instance);
    assertFits(line, 50);
    assert.match(line, /^✗ The server .*… — r: retry$/);
  });

  it('sanitises server messages', () => {
    instance = renderApp(<StatusLine width={80} status={{level: 'error', text: sanitize('["Resource Not Found\u001b[2J"]')}} />);
    assert.equal(frameLines(instance)[0], '✗ ["Resource Not Found␛[2J"]');
  });

  it('keeps its line when there is nothing to say', () => {
    instance = renderApp(
      <Box flexDirection="column">
        <Text>above</Text>
        <StatusLine width={80} />
        <Text>below</Text>
      </Box>,
    );
    assert.deepEqual(frameLines(instance), ['above', '', 'below']);
  });
});
