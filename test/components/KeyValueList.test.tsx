import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {KeyValueList, keyValueLines, lineOfKey, type KeyValueGroup} from '../../source/components/KeyValueList.js';
import {assertFits, frameLines, renderApp, type Rendered} from '../helpers/ink.js';

const groups: KeyValueGroup[] = [
  {
    title: 'User',
    rows: [
      {key: 'firstname', label: 'First name', value: 'Zoë'},
      {key: 'lastname', label: 'Last name', value: '日本語'},
      {key: 'email', label: 'Email', value: null},
      {key: 'note', label: 'Note', value: 'Evil\u001b[31mRed\u202Egnp.exe'},
    ],
  },
  {
    title: 'Lines',
    rows: [
      {key: 'line:1', label: 'Line 1', value: '1001@default (SIP)', link: true},
      {key: 'line:2', label: 'Line 2', value: '1002@default (SIP)', link: true},
    ],
  },
];

let instance: Rendered | undefined;
afterEach(() => instance?.unmount());

describe('KeyValueList', () => {
  it('shows group titles and aligned, sanitised values in exactly `height` lines', () => {
    instance = renderApp(<KeyValueList groups={groups} width={60} height={12} offset={0} />);
    const lines = frameLines(instance);
    assert.equal(lines.length, 12);
    assert.deepEqual(lines.slice(0, 9), [
      'User',
      '  First name  Zoë',
      '  Last name   日本語',
      '  Email',
      '  Note        Evil␛[31mRed⟪RLO⟫gnp.exe',
      '',
      'Lines',
      '  Line 1      1001@default (SIP)',
      '  Line 2      1002@default (SIP)',
    ]);
    assert.deepEqual(lines.slice(9), ['', '', '']);
  });

  it('marks the selected relation row', () => {
    instance = renderApp(<KeyValueList groups={groups} width={60} height={9} offset={0} selectedKey="line:2" />);
    const lines = frameLines(instance);
    assert.equal(lines[8], '› Line 2      1002@default (SIP)');
    assert.equal(lines.filter((line) => line.startsWith('›')).length, 1);
  });

  it('scrolls from the offset, never past the end', () => {
    instance = renderApp(<KeyValueList groups={groups} width={60} height={3} offset={6} />);
    assert.deepEqual(frameLines(instance), ['Lines', '  Line 1      1001@default (SIP)', '  Line 2      1002@default (SIP)']);
    instance.unmount();
    instance = renderApp(<KeyValueList groups={groups} width={60} height={3} offset={50} />);
    assert.equal(frameLines(instance)[0], 'Lines');
  });

  it('cuts long values and labels to the width', () => {
    const long: KeyValueGroup[] = [{title: 'T', rows: [{key: 'k', label: 'A label that is far too long', value: 'x'.repeat(100)}]}];
    instance = renderApp(<KeyValueList groups={long} width={30} height={2} offset={0} />);
    const lines = frameLines(instance);
    assertFits(lines.join('\n'), 30);
    assert.equal(lines[1], '  A label t…  xxxxxxxxxxxxxxx…');
  });

  it('tells where a row is, for scrolling it into view', () => {
    assert.equal(keyValueLines(groups).length, 9);
    assert.equal(lineOfKey(groups, 'line:1'), 7);
    assert.equal(lineOfKey(groups, 'firstname'), 1);
    assert.equal(lineOfKey(groups, 'nope'), -1);
  });
});
