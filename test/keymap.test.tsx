import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, it} from 'node:test';
import type {Key} from 'ink';
import {render} from 'ink-testing-library';
import {Footer} from '../source/components/Footer.js';
import {activeKeyTable, footerHints, helpSections, installKeyTable, keyTable, matchKey} from '../source/keys.js';
import {applyKeymap, installKeymap, KeymapError} from '../source/keymap.js';
import {runCli} from './commands/cli.js';

const plain: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

const keysOf = (table: ReturnType<typeof applyKeymap>, id: string) => table.find((binding) => binding.id === id)?.keys;
const refused = (text: string, message: RegExp) =>
  assert.throws(() => applyKeymap(text, '/cfg/keymap.yaml'), (error) => error instanceof KeymapError && message.test(error.message) && error.message.includes('/cfg/keymap.yaml'));

afterEach(() => installKeyTable(keyTable));

describe('applyKeymap', () => {
  it('replaces the keys of the actions it names and leaves the others as they were', () => {
    const table = applyKeymap('# mine\nnav.down: [Down, n]\ncollection.search: f\n', 'keymap.yaml');
    assert.deepEqual(keysOf(table, 'nav.down'), ['Down', 'n']);
    assert.deepEqual(keysOf(table, 'collection.search'), ['f']);
    assert.deepEqual(keysOf(table, 'nav.up'), ['Up', 'k']);
    assert.equal(table.length, keyTable.length);
  });

  it('writes key names as the table does, whatever their case', () => {
    const table = applyKeymap('page.next: [pgdn, CTRL-F]\n', 'k');
    assert.deepEqual(keysOf(table, 'page.next'), ['PgDn', 'Ctrl-f']);
  });

  it('an empty file is the default table; the defaults have no conflict even when all are given', () => {
    assert.deepEqual(applyKeymap('', 'k'), [...keyTable]);
    const everything = keyTable.map((binding) => `${binding.id}: [${binding.keys.map((key) => JSON.stringify(key)).join(', ')}]`).join('\n');
    assert.equal(applyKeymap(everything, 'k').length, keyTable.length);
  });

  it('refuses an unknown action, naming it and its line', () => refused('nav.down: n\nnav.sideways: x\n', /line 2: "nav\.sideways" is not an action/));
  it('refuses a key name that means nothing', () => refused('nav.down: F5\n', /line 1: nav\.down: "F5" is not a key: use one character, Ctrl-<letter>, or one of Up, Down/));
  it('refuses a value that is not a key or a list of keys', () => refused('nav.down: {a: 1}\n', /nav\.down takes a key or a list of keys, as nav\.down: \[Down, j\]/));
  it('refuses an empty list', () => refused('nav.down: []\n', /nav\.down takes a key or a list of keys/));
  it('refuses two actions on one key where both are active', () => refused('detail.raw: j\n', /line 1: j would be both nav\.down \("Move down"\) and detail\.raw \("Show the raw JSON"\)/));
  it('refuses a global key taken by a scoped action', () => refused('collection.refresh: q\n', /q would be both collection\.refresh .* and app\.quit/));
  it('refuses Ctrl-c for anything but quitting', () => refused('app.help: Ctrl-c\n', /Ctrl-c always quits/));
  it('refuses broken YAML with its line', () => refused('nav.down: [n\nnav.up: k\n', /line \d: not valid YAML/));
  it('refuses a file that is not a map', () => refused('- nav.down\n', /maps action names to keys/));
  it('refuses an action given twice', () => refused('nav.down: n\nnav.down: m\n', /not valid YAML/));

  it('a key freed by one action can go to another in the same scope', () => {
    const table = applyKeymap('nav.down: [Down, n]\ndetail.raw: j\n', 'k');
    assert.deepEqual(keysOf(table, 'detail.raw'), ['j']);
  });
});

describe('the keymap in force', () => {
  it('drives matching, the footer and the help overlay', () => {
    installKeyTable(applyKeymap('nav.down: [Down, n]\nnav.up: [Up, e]\ncollection.search: f\n', 'k'));
    assert.equal(matchKey('n', plain, 'table'), 'nav.down');
    assert.equal(matchKey('j', plain, 'table'), undefined, 'the old key is free');
    assert.equal(matchKey('f', plain, 'table'), 'collection.search');
    const footer = footerHints('table');
    assert.ok(footer.some((hint) => hint.keys === 'f' && hint.label === 'search'), JSON.stringify(footer));
    assert.ok(footer.some((hint) => hint.keys === 'Up' && hint.label === 'move'), 'the ↑↓ picture is dropped once its keys changed');
    const help = helpSections('table').flatMap((section) => section.entries);
    assert.ok(help.some((entry) => entry.keys === 'Down, n' && entry.help === 'Move down'));
    const frame = render(<Footer scope="table" width={120} />).lastFrame() ?? '';
    assert.match(frame, /f search/);
  });

  it('installKeymap reads keymap.yaml of the config directory, and nothing when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wazo-tui-keymap-'));
    try {
      installKeymap(dir);
      assert.equal(activeKeyTable(), keyTable);
      writeFileSync(join(dir, 'keymap.yaml'), 'app.quit: [x, Ctrl-c]\n');
      installKeymap(dir);
      assert.equal(matchKey('x', plain, 'detail'), 'app.quit');
      assert.equal(matchKey('q', plain, 'detail'), undefined);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('wazo-tui --help-keys', () => {
  it('lists every action with its keys, marks what the keymap changed, and fails on a broken keymap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wazo-tui-keymap-'));
    try {
      const plainRun = await runCli(['--help-keys', '--config-dir', dir]);
      assert.equal(plainRun.code, 0);
      for (const binding of keyTable) assert.match(plainRun.stdout, new RegExp(`^${binding.id.replace('.', '\\.')} +${binding.keys.join(', ').replace(/[?+]/g, '\\$&')} `, 'm'));
      assert.match(plainRun.stdout, /The default keys: no keymap file/);

      writeFileSync(join(dir, 'keymap.yaml'), 'collection.search: f\n');
      const mapped = await runCli(['--help-keys', '--config-dir', dir]);
      assert.match(mapped.stdout, /^collection\.search +f +table, admin +Search \(on the server\) +\(keymap\)$/m);
      assert.match(mapped.stdout, /1 action changed/);

      writeFileSync(join(dir, 'keymap.yaml'), 'collection.search: q\n');
      const broken = await runCli(['--help-keys', '--config-dir', dir]);
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, /keymap\.yaml, line 1: q would be both/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
