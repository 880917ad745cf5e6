import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createElement} from 'react';
import {useInput, type Key} from 'ink';
import {
  footerHints,
  helpSections,
  keyTable,
  keyTableMarkdown,
  matchKey,
  matchKeys,
  type ActionId,
  type Scope,
} from '../source/keys.js';
import {KEYS, press, renderApp, type Rendered} from './helpers/ink.js';

const scopes: readonly Scope[] = ['global', 'table', 'detail', 'help', 'picker'];

interface Event {
  input: string;
  key: Key;
}

/** Renders a component that records every Ink input event: the real parser, not a guess of it. */
function recorder(): {instance: Rendered; events: Event[]} {
  const events: Event[] = [];
  function Probe() {
    useInput((input, key) => {
      events.push({input, key});
    });
    return null;
  }
  return {instance: renderApp(createElement(Probe)), events};
}

/** Terminal bytes for a display name of the key table. */
function bytesOf(name: string): string {
  const named: Record<string, string> = {
    Up: KEYS.up,
    Down: KEYS.down,
    PgUp: KEYS.pageUp,
    PgDn: KEYS.pageDown,
    Home: KEYS.home,
    End: KEYS.end,
    Enter: KEYS.enter,
    Esc: KEYS.escape,
    Tab: KEYS.tab,
  };
  const bytes = named[name];
  if (bytes !== undefined) return bytes;
  if (name.startsWith('Ctrl-')) return String.fromCharCode(name.charCodeAt(5) - 96);
  assert.equal([...name].length, 1, `unknown key name ${name}`);
  return name;
}

const plain: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

const rendered: Rendered[] = [];
after(() => {
  for (const instance of rendered) instance.unmount();
});

describe('KEYS (test helper) against the Ink 8 parser', () => {
  it('each constant arrives as the key it is named after', async () => {
    const {instance, events} = recorder();
    rendered.push(instance);
    const expected: Array<[keyof typeof KEYS, (event: Event) => boolean]> = [
      ['up', (e) => e.key.upArrow],
      ['down', (e) => e.key.downArrow],
      ['pageDown', (e) => e.key.pageDown],
      ['pageUp', (e) => e.key.pageUp],
      ['home', (e) => e.key.home],
      ['end', (e) => e.key.end],
      ['enter', (e) => e.key.return],
      ['escape', (e) => e.key.escape && e.input === ''],
      ['tab', (e) => e.key.tab && e.input === ''],
      ['ctrlC', (e) => e.key.ctrl && e.input === 'c'],
      ['ctrlF', (e) => e.key.ctrl && e.input === 'f'],
      ['ctrlB', (e) => e.key.ctrl && e.input === 'b'],
      ['ctrlU', (e) => e.key.ctrl && e.input === 'u'],
      ['ctrlW', (e) => e.key.ctrl && e.input === 'w'],
      ['backspace', (e) => e.key.backspace],
    ];
    await press(instance, ...expected.map(([name]) => KEYS[name]));
    assert.equal(events.length, expected.length);
    for (const [index, [name, check]] of expected.entries()) {
      const event = events[index];
      assert.ok(event !== undefined && check(event), `${name}: ${JSON.stringify(event)}`);
    }
  });
});

describe('matchKey', () => {
  it('maps every binding in every scope where it is active, through the real parser', async () => {
    const {instance, events} = recorder();
    rendered.push(instance);
    const cases = keyTable.flatMap((binding) => binding.keys.map((name) => ({binding, name})));
    await press(instance, ...cases.map(({name}) => bytesOf(name)));
    assert.equal(events.length, cases.length);
    for (const [index, {binding, name}] of cases.entries()) {
      const event = events[index];
      assert.ok(event !== undefined);
      const active = binding.scopes.includes('global') ? scopes : binding.scopes;
      for (const scope of active) assert.equal(matchKey(event.input, event.key, scope), binding.id, `${name} in ${scope}`);
    }
  });

  it('gives a different meaning to the same key in different scopes', () => {
    const enter = {...plain, return: true};
    assert.equal(matchKey('\r', enter, 'table'), 'detail.open');
    assert.equal(matchKey('\r', enter, 'detail'), 'detail.follow');
    assert.equal(matchKey('\r', enter, 'picker'), 'picker.choose');
    assert.equal(matchKey('\r', enter, 'help'), undefined);
    const escape = {...plain, escape: true};
    assert.equal(matchKey('', escape, 'table'), 'collection.clearSearch');
    assert.equal(matchKey('', escape, 'detail'), 'app.back');
    assert.equal(matchKey('', escape, 'help'), 'app.back');
  });

  it('keeps scope-only keys out of other scopes, and global keys everywhere', () => {
    assert.equal(matchKey('/', plain, 'detail'), undefined);
    assert.equal(matchKey('y', plain, 'table'), undefined);
    assert.equal(matchKey('s', plain, 'help'), undefined);
    for (const scope of scopes) {
      assert.equal(matchKey('?', plain, scope), 'app.help');
      assert.equal(matchKey('q', plain, scope), 'app.quit');
      assert.equal(matchKey('c', {...plain, ctrl: true}, scope), 'app.quit');
    }
  });

  it('does not confuse modified keys with plain ones', () => {
    assert.equal(matchKey('j', {...plain, meta: true}, 'table'), undefined);
    assert.equal(matchKey('j', {...plain, ctrl: true}, 'table'), undefined);
    assert.equal(matchKey('f', plain, 'table'), undefined);
    assert.equal(matchKey('', {...plain, upArrow: true, ctrl: true}, 'table'), undefined);
    assert.equal(matchKey('', {...plain, tab: true, shift: true}, 'table'), undefined);
    assert.equal(matchKey('x', plain, 'table'), undefined);
  });

  it('reads a kitty-protocol shifted letter as the capital', () => {
    assert.equal(matchKey('g', {...plain, shift: true}, 'table'), 'nav.last');
    assert.equal(matchKey('s', {...plain, shift: true}, 'table'), 'collection.sortReverse');
    assert.equal(matchKey('g', plain, 'table'), 'nav.first');
  });

  it('ignores key releases', () => {
    assert.equal(matchKey('q', {...plain, eventType: 'release'}, 'table'), undefined);
    assert.equal(matchKey('q', {...plain, eventType: 'press'}, 'table'), 'app.quit');
  });

  it('has no key bound twice in one scope', () => {
    for (const scope of scopes) {
      const seen = new Map<string, ActionId>();
      for (const binding of keyTable) {
        if (!binding.scopes.includes('global') && !binding.scopes.includes(scope)) continue;
        for (const name of binding.keys) {
          assert.equal(seen.get(name), undefined, `${name} bound to ${seen.get(name)} and ${binding.id} in ${scope}`);
          seen.set(name, binding.id);
        }
      }
    }
  });
});

describe('matchKeys', () => {
  it('splits a burst of typed keys delivered as one input', async () => {
    const {instance, events} = recorder();
    rendered.push(instance);
    await press(instance, 'jjGk');
    assert.equal(events.length, 1);
    const [event] = events;
    assert.ok(event !== undefined);
    assert.equal(matchKey(event.input, event.key, 'table'), undefined);
    assert.deepEqual(matchKeys(event.input, event.key, 'table'), ['nav.down', 'nav.down', 'nav.last', 'nav.up']);
  });

  it('returns the single action of a single key, and nothing for unbound text', () => {
    assert.deepEqual(matchKeys('', {...plain, downArrow: true}, 'table'), ['nav.down']);
    assert.deepEqual(matchKeys('xz', plain, 'table'), []);
    assert.deepEqual(matchKeys('jx\rk', plain, 'table'), ['nav.down', 'detail.open', 'nav.up']);
    assert.deepEqual(matchKeys('jj', {...plain, meta: true}, 'table'), []);
  });
});

describe('generated help', () => {
  it('footer hints start with help and follow the scope', () => {
    const table = footerHints('table');
    assert.deepEqual(table[0], {keys: '?', label: 'help'});
    assert.ok(table.some((hint) => hint.keys === 'Enter' && hint.label === 'open'));
    assert.ok(table.some((hint) => hint.keys === '↑↓' && hint.label === 'move'));
    assert.ok(!table.some((hint) => hint.label === 'follow' || hint.label === 'back'));
    const detail = footerHints('detail');
    assert.ok(detail.some((hint) => hint.keys === 'Enter' && hint.label === 'follow'));
    assert.ok(detail.some((hint) => hint.keys === 'Esc' && hint.label === 'back'));
    assert.ok(!detail.some((hint) => hint.label === 'search'));
  });

  it('help sections list exactly the bindings active in the scope, by group', () => {
    for (const scope of scopes) {
      const sections = helpSections(scope);
      const listed = sections.flatMap((section) => section.entries.map((entry) => entry.help));
      const active = keyTable.filter((b) => b.scopes.includes('global') || b.scopes.includes(scope)).map((b) => b.help);
      assert.deepEqual(new Set(listed), new Set(active), scope);
      assert.equal(listed.length, active.length);
    }
    const table = helpSections('table');
    assert.deepEqual(table.map((section) => section.group), ['Navigation', 'Collection', 'App']);
    assert.ok(table[0]?.entries.some((entry) => entry.keys === 'Down, j'));
  });

  it('renders the whole table as Markdown for the README', () => {
    const lines = keyTableMarkdown().trimEnd().split('\n');
    assert.equal(lines[0], '| Keys | Action | Where |');
    assert.equal(lines.length, keyTable.length + 2);
    assert.ok(lines.includes('| `PgDn`, `Ctrl-f` | Next page | table, detail, help, picker, admin |'));
    assert.ok(lines.includes('| `q`, `Ctrl-c` | Quit (revokes the token) | everywhere |'));
  });
});
