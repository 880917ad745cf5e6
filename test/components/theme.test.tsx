import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Text} from 'ink';
import {Header} from '../../source/components/Header.js';
import {StatusLine} from '../../source/components/StatusLine.js';
import {ThemeContext, colorEnabled, makeTheme, useTheme} from '../../source/theme.js';
import {frameLines, renderApp, type Rendered} from '../helpers/ink.js';
import {sanitize} from '../../source/text/sanitize.js';

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

describe('colorEnabled', () => {
  it('is on by default', () => {
    assert.equal(colorEnabled({}), true);
    assert.equal(colorEnabled({TERM: 'xterm-256color'}), true);
  });

  it('honours NO_COLOR only when it is not empty', () => {
    assert.equal(colorEnabled({NO_COLOR: '1'}), false);
    assert.equal(colorEnabled({NO_COLOR: ''}), true);
  });

  it('turns off for TERM=dumb, FORCE_COLOR=0 and --no-color', () => {
    assert.equal(colorEnabled({TERM: 'dumb'}), false);
    assert.equal(colorEnabled({FORCE_COLOR: '0'}), false);
    assert.equal(colorEnabled({}, {noColor: true}), false);
  });

  it('lets --no-color beat FORCE_COLOR, and FORCE_COLOR beat NO_COLOR and TERM', () => {
    assert.equal(colorEnabled({FORCE_COLOR: '1'}, {noColor: true}), false);
    assert.equal(colorEnabled({NO_COLOR: '1', FORCE_COLOR: '1'}), true);
    assert.equal(colorEnabled({TERM: 'dumb', FORCE_COLOR: '2'}), true);
    assert.equal(colorEnabled({FORCE_COLOR: 'false'}), false);
  });
});

describe('theme', () => {
  it('gives no colour props when colour is off', () => {
    const off = makeTheme(false);
    assert.deepEqual([off.accent, off.warn, off.danger, off.dim], [{}, {}, {}, {}]);
    const on = makeTheme(true);
    assert.equal(on.danger.color, 'red');
    assert.equal(on.accent.color, 'cyan');
  });

  it('reaches components through the context', () => {
    function Probe() {
      return <Text>{useTheme().color ? 'colour' : 'plain'}</Text>;
    }
    instance = renderApp(<Probe />);
    assert.equal(frameLines(instance)[0], 'colour');
    instance.unmount();
    instance = renderApp(
      <ThemeContext.Provider value={makeTheme(false)}>
        <Probe />
      </ThemeContext.Provider>,
    );
    assert.equal(frameLines(instance)[0], 'plain');
  });

  it('keeps warnings readable without colour: words and markers, not colour alone', () => {
    instance = renderApp(
      <ThemeContext.Provider value={makeTheme(false)}>
        <Header width={80} server={sanitize('pbx')} expiresText="0:42" expiresLevel="critical" fullAccess />
        <StatusLine width={80} status={{level: 'error', text: sanitize('Connection refused'), hint: sanitize('r: retry')}} />
      </ThemeContext.Provider>,
    );
    const lines = frameLines(instance);
    assert.match(lines[0] ?? '', /expires in 0:42 !!$/);
    assert.equal(lines[1], '⚠ token grants full access (#)');
    assert.equal(lines[2], '✗ Connection refused — r: retry');
  });
});
