/**
 * The one key table. Screens map Ink key events to action ids with `matchKey`; the footer, the
 * `?` help overlay and the README's key table are all generated from the same entries, so a
 * binding cannot be documented in one place and behave differently in another.
 */
import type {Key} from 'ink';
import {defaultTabCycle} from './resources/registry.js';

/**
 * Where a binding is active. `global` bindings are active in every scope; `help` is the help
 * overlay; `picker` is a list overlay (ACL list, tenant picker); `admin` is the `:accounts` and
 * `:sessions` pages.
 */
export type Scope = 'global' | 'table' | 'detail' | 'help' | 'picker' | 'admin';

/** Section of the help overlay. */
export type KeyGroup = 'Navigation' | 'Collection' | 'Detail' | 'Accounts' | 'App';

/** Every action a key can trigger. */
export type ActionId =
  | 'nav.up'
  | 'nav.down'
  | 'page.prev'
  | 'page.next'
  | 'nav.first'
  | 'nav.last'
  | 'collection.search'
  | 'collection.clearSearch'
  | 'collection.sortNext'
  | 'collection.sortReverse'
  | 'collection.switch'
  | 'collection.users'
  | 'collection.lines'
  | 'collection.recurse'
  | 'collection.refresh'
  | 'detail.open'
  | 'detail.follow'
  | 'detail.raw'
  | 'picker.choose'
  | 'admin.create'
  | 'admin.delete'
  | 'app.command'
  | 'app.back'
  | 'app.help'
  | 'app.acl'
  | 'app.logout'
  | 'app.quit';

/** One row of the key table. */
export interface KeyBinding {
  id: ActionId;
  /**
   * Display names, each also a matcher: `Up`, `Down`, `PgUp`, `PgDn`, `Home`, `End`, `Enter`,
   * `Esc`, `Tab`, `Ctrl-<letter>`, or one character.
   */
  keys: readonly string[];
  help: string;
  group: KeyGroup;
  scopes: readonly Scope[];
  /** Short label for the footer; bindings without one are only in the help overlay. */
  footer?: string;
  /** Key text shown in the footer instead of the first key (e.g. `↑↓` for a pair of bindings). */
  footerKey?: string;
  /** The actions whose keys `footerKey` depicts: a keymap that changes one of them drops it. */
  footerKeyOf?: readonly ActionId[];
}

const lists: readonly Scope[] = ['table', 'detail', 'help', 'picker', 'admin'];
const views: readonly Scope[] = ['table', 'detail'];

/** All bindings, in help order. */
export const keyTable: readonly KeyBinding[] = [
  {id: 'nav.up', keys: ['Up', 'k'], help: 'Move up', group: 'Navigation', scopes: lists, footer: 'move', footerKey: '↑↓', footerKeyOf: ['nav.up', 'nav.down']},
  {id: 'nav.down', keys: ['Down', 'j'], help: 'Move down', group: 'Navigation', scopes: lists},
  {id: 'page.prev', keys: ['PgUp', 'Ctrl-b'], help: 'Previous page', group: 'Navigation', scopes: lists},
  {id: 'page.next', keys: ['PgDn', 'Ctrl-f'], help: 'Next page', group: 'Navigation', scopes: lists, footer: 'page', footerKey: 'PgUp/PgDn', footerKeyOf: ['page.prev', 'page.next']},
  {id: 'nav.first', keys: ['g', 'Home'], help: 'First row', group: 'Navigation', scopes: lists},
  {id: 'nav.last', keys: ['G', 'End'], help: 'Last row', group: 'Navigation', scopes: lists},
  {id: 'detail.open', keys: ['Enter'], help: 'Open the selected record', group: 'Collection', scopes: ['table', 'admin'], footer: 'open'},
  {id: 'collection.search', keys: ['/'], help: 'Search (on the server)', group: 'Collection', scopes: ['table', 'admin'], footer: 'search'},
  {id: 'collection.clearSearch', keys: ['Esc'], help: 'Clear the search', group: 'Collection', scopes: ['table']},
  {id: 'collection.sortNext', keys: ['s'], help: 'Sort by the next column', group: 'Collection', scopes: ['table'], footer: 'sort'},
  {id: 'collection.sortReverse', keys: ['S'], help: 'Reverse the sort direction', group: 'Collection', scopes: ['table']},
  {id: 'collection.switch', keys: ['Tab'], help: `Cycle ${defaultTabCycle.join(' → ')}`, group: 'Collection', scopes: ['table'], footer: 'switch'},
  {id: 'collection.users', keys: ['1'], help: 'Show users', group: 'Collection', scopes: views},
  {id: 'collection.lines', keys: ['2'], help: 'Show lines', group: 'Collection', scopes: views},
  {id: 'collection.recurse', keys: ['R'], help: 'Include sub-tenants (recurse) on/off', group: 'Collection', scopes: ['table']},
  {id: 'collection.refresh', keys: ['r'], help: 'Refresh from the server', group: 'Collection', scopes: [...views, 'admin']},
  {id: 'detail.follow', keys: ['Enter'], help: 'Follow the selected relation (user → group → member…)', group: 'Detail', scopes: ['detail'], footer: 'follow'},
  {id: 'detail.raw', keys: ['y'], help: 'Show the raw JSON', group: 'Detail', scopes: ['detail'], footer: 'raw'},
  {id: 'admin.create', keys: ['c'], help: 'Create an API account (:accounts)', group: 'Accounts', scopes: ['admin'], footer: 'create'},
  {
    id: 'admin.delete',
    keys: ['d'],
    help: 'Delete the selected account, or revoke the selected session or refresh token',
    group: 'Accounts',
    scopes: ['admin'],
    footer: 'delete',
  },
  {id: 'picker.choose', keys: ['Enter'], help: 'Choose the selected item', group: 'App', scopes: ['picker'], footer: 'choose'},
  {id: 'app.back', keys: ['Esc'], help: 'Back / close', group: 'App', scopes: ['detail', 'help', 'picker', 'admin'], footer: 'back'},
  {id: 'app.command', keys: [':'], help: 'Command line (:groups…, Tab completes, :accounts, :ctx, :q)', group: 'App', scopes: [...views, 'admin'], footer: 'command'},
  {id: 'app.acl', keys: ['a'], help: "Show the token's ACL", group: 'App', scopes: views},
  {id: 'app.logout', keys: ['L'], help: 'Log out (revokes the token)', group: 'App', scopes: views},
  {id: 'app.help', keys: ['?'], help: 'Help on/off', group: 'App', scopes: ['global'], footer: 'help'},
  {id: 'app.quit', keys: ['q', 'Ctrl-c'], help: 'Quit (revokes the token)', group: 'App', scopes: ['global'], footer: 'quit'},
];

/**
 * The table in force: the defaults above, or what the keymap file made of them (keymap.ts),
 * installed once at start-up before anything is drawn. The footer, `?` and `--help-keys` read it.
 */
let active: readonly KeyBinding[] = keyTable;

export function installKeyTable(table: readonly KeyBinding[]): void {
  active = table;
}

export function activeKeyTable(): readonly KeyBinding[] {
  return active;
}

const groups: readonly KeyGroup[] = ['Navigation', 'Collection', 'Detail', 'Accounts', 'App'];

function activeIn(binding: KeyBinding, scope: Scope): boolean {
  return binding.scopes.includes('global') || binding.scopes.includes(scope);
}

export const namedKeys: Readonly<Record<string, (key: Key) => boolean>> = {
  Up: (key) => key.upArrow,
  Down: (key) => key.downArrow,
  PgUp: (key) => key.pageUp,
  PgDn: (key) => key.pageDown,
  Home: (key) => key.home,
  End: (key) => key.end,
  Enter: (key) => key.return,
  Esc: (key) => key.escape,
  Tab: (key) => key.tab && !key.shift,
};

function matches(name: string, input: string, key: Key): boolean {
  if (key.meta) return false;
  const named = namedKeys[name];
  if (named !== undefined) return !key.ctrl && named(key);
  if (name.startsWith('Ctrl-')) return key.ctrl && input.toLowerCase() === name.slice(5).toLowerCase();
  // With the kitty protocol a shifted letter can arrive as its lower case plus `shift`.
  const char = key.shift && /^[a-z]$/.test(input) ? input.toUpperCase() : input;
  return !key.ctrl && char === name;
}

/** The action bound to one Ink key event in `scope`, if any. */
export function matchKey(input: string, key: Key, scope: Scope): ActionId | undefined {
  if (key.eventType === 'release') return undefined;
  for (const binding of active) {
    if (activeIn(binding, scope) && binding.keys.some((name) => matches(name, input, key))) return binding.id;
  }
  return undefined;
}

/** One footer hint: the key text and a short label. */
export interface FooterHint {
  keys: string;
  label: string;
}

/** The footer hints for `scope`: help first (it leads to everything else), then table order. */
export function footerHints(scope: Scope): FooterHint[] {
  const hints = active
    .filter((binding) => binding.footer !== undefined && activeIn(binding, scope))
    .map((binding) => ({id: binding.id, keys: binding.footerKey ?? binding.keys[0] ?? '', label: binding.footer ?? ''}));
  hints.sort((a, b) => Number(b.id === 'app.help') - Number(a.id === 'app.help'));
  return hints.map(({keys, label}) => ({keys, label}));
}

/** One section of the help overlay. */
export interface HelpSection {
  group: KeyGroup;
  entries: Array<{keys: string; help: string}>;
}

/** The help overlay's content for `scope`: the bindings active there, by group. */
export function helpSections(scope: Scope): HelpSection[] {
  return groups
    .map((group) => ({
      group,
      entries: active
        .filter((binding) => binding.group === group && activeIn(binding, scope))
        .map((binding) => ({keys: binding.keys.join(', '), help: binding.help})),
    }))
    .filter((section) => section.entries.length > 0);
}

/** The default key table as a Markdown table, for the README. */
export function keyTableMarkdown(): string {
  const rows = keyTable.map((binding) => {
    const keys = binding.keys.map((name) => `\`${name}\``).join(', ');
    const where = binding.scopes.includes('global') ? 'everywhere' : binding.scopes.join(', ');
    return `| ${keys} | ${binding.help} | ${where} |`;
  });
  return ['| Keys | Action | Where |', '|---|---|---|', ...rows].join('\n') + '\n';
}
