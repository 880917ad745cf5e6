import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Footer} from '../../source/components/Footer.js';
import {assertFits, frameLines, renderApp, type Rendered} from '../helpers/ink.js';

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

describe('Footer', () => {
  it('shows the hints of the scope, help first', () => {
    instance = renderApp(<Footer scope="table" width={100} />);
    const [line = ''] = frameLines(instance);
    assert.match(line, /^\? help {2}↑↓ move {2}PgUp\/PgDn page {2}Enter open {2}\/ search/);
    assert.ok(!line.includes('follow'));
  });

  it('follows the scope', () => {
    instance = renderApp(<Footer scope="detail" width={100} />);
    const [line = ''] = frameLines(instance);
    assert.ok(line.includes('Enter follow') && line.includes('Esc back') && line.includes('y raw'));
    assert.ok(!line.includes('search'));
  });

  it('drops whole hints that do not fit', () => {
    for (const width of [5, 12, 30, 60]) {
      instance = renderApp(<Footer scope="table" width={width} />);
      const frame = instance.lastFrame() ?? '';
      assertFits(frame, width);
      assert.ok(!frame.includes('…'), `no hint is cut at ${width}: ${frame}`);
      assert.equal(frameLines(instance).length, 1);
      instance.unmount();
    }
    instance = renderApp(<Footer scope="table" width={30} />);
    assert.equal(frameLines(instance)[0], '? help  ↑↓ move');
  });

  it('takes a screen’s own hints', () => {
    instance = renderApp(<Footer scope="global" width={60} hints={[{keys: 'Tab', label: 'next field'}, {keys: 'Enter', label: 'log in'}]} />);
    assert.equal(frameLines(instance)[0], 'Tab next field  Enter log in');
  });
});
