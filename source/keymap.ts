/**
 * The keymap file (`keymap.yaml` in the config directory): per action, the keys that replace
 * its defaults in the one key table. It is read once at start-up; an unknown action, a key
 * name that means nothing, or two actions on one key where both are active stop wazo-tui with
 * the line and the fix, before the terminal is taken over.
 *
 *     # action: a key, or a list of keys (wazo-tui --help-keys lists the actions)
 *     nav.down: [Down, j, n]
 *     collection.search: f
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {isMap, isScalar, LineCounter, parseDocument, type Node} from 'yaml';
import {ConfigFileError} from './config/errors.js';
import {keymapFileName} from './config/paths.js';
import {installKeyTable, keyTable, namedKeys, type ActionId, type KeyBinding, type Scope} from './keys.js';

export function keymapPath(configDir: string): string {
  return join(configDir, keymapFileName);
}

export class KeymapError extends ConfigFileError {
  override name = 'KeymapError';
}

/** The key table with the overrides of `text` (the content of `file`) applied; throws {@link KeymapError}. */
export function applyKeymap(text: string, file: string): KeyBinding[] {
  const fail = (line: number | undefined, problem: string) =>
    new KeymapError(`The keymap ${file}${line === undefined ? '' : `, line ${line}`}: ${problem}. Fix it or move it away; wazo-tui --help-keys checks it.`);
  const lines = new LineCounter();
  const document = parseDocument(text, {lineCounter: lines, prettyErrors: true, uniqueKeys: true});
  const [syntax] = document.errors;
  if (syntax) throw fail(syntax.linePos?.[0].line, `not valid YAML (${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`);
  const lineAt = (node: unknown) => {
    const offset = (node as Node | null | undefined)?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
  const contents = document.contents;
  if (contents === null) return [...keyTable];
  if (!isMap(contents)) throw fail(lineAt(contents), 'it maps action names to keys (action: key, or action: [key, key])');

  const overrides = new Map<ActionId, {keys: string[]; line?: number}>();
  for (const pair of contents.items) {
    const action = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineAt(pair.key);
    const binding = keyTable.find((each) => each.id === action);
    if (!binding) throw fail(line, `"${action}" is not an action (wazo-tui --help-keys lists them, as nav.down or app.quit)`);
    const value: unknown = isScalar(pair.value) ? pair.value.value : (pair.value as {toJSON?: () => unknown} | null)?.toJSON?.();
    const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
    if (!names || names.length === 0 || names.some((name) => typeof name !== 'string')) {
      throw fail(line, `${action} takes a key or a list of keys, as ${action}: [${binding.keys.join(', ')}]`);
    }
    const keys = [...new Set((names as string[]).map((name) => normalize(name, (problem) => fail(line, `${action}: ${problem}`))))];
    if (keys.includes('Ctrl-c') && binding.id !== 'app.quit') throw fail(line, `${action}: Ctrl-c always quits, it cannot be given to another action`);
    overrides.set(binding.id, {keys, line});
  }

  const table = keyTable.map((binding): KeyBinding => {
    const override = overrides.get(binding.id);
    const depicted = binding.footerKeyOf?.some((id) => overrides.has(id));
    const {footerKey: _dropped, ...rest} = binding;
    return {...(depicted ? rest : binding), ...(override ? {keys: override.keys} : {})};
  });
  // Two actions on one key where both are active: the first would always win, silently.
  for (const [i, a] of table.entries()) {
    for (const b of table.slice(i + 1)) {
      const shared = a.keys.find((key) => b.keys.includes(key));
      if (shared === undefined || !overlap(a.scopes, b.scopes)) continue;
      if (!overrides.has(a.id) && !overrides.has(b.id)) continue;
      const line = overrides.get(b.id)?.line ?? overrides.get(a.id)?.line;
      throw fail(line, `${shared} would be both ${a.id} ("${a.help}") and ${b.id} ("${b.help}"); give one of them another key`);
    }
  }
  return table;
}

/** The keymap of `configDir` applied to the defaults, or undefined when there is no keymap file. */
export function readKeymap(configDir: string): KeyBinding[] | undefined {
  const file = keymapPath(configDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeymapError(`Cannot read the keymap ${file}: ${(error as Error).message}`);
  }
  return applyKeymap(text, file);
}

/** Put the keymap of `configDir` in force (before the first screen is drawn); throws {@link KeymapError}. */
export function installKeymap(configDir: string): void {
  const table = readKeymap(configDir);
  if (table) installKeyTable(table);
}

/** A key name as the table writes it (`pgdn` → `PgDn`, `ctrl-F` → `Ctrl-f`), or a sentence on what is allowed. */
function normalize(name: string, fail: (problem: string) => Error): string {
  const named = Object.keys(namedKeys).find((each) => each.toLowerCase() === name.toLowerCase());
  if (named) return named;
  const ctrl = /^ctrl-([a-z])$/i.exec(name);
  if (ctrl) return `Ctrl-${ctrl[1]!.toLowerCase()}`;
  if ([...name].length === 1 && /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(name)) return name;
  throw fail(`"${name}" is not a key: use one character, Ctrl-<letter>, or one of ${Object.keys(namedKeys).join(', ')}`);
}

function overlap(a: readonly Scope[], b: readonly Scope[]): boolean {
  return a.includes('global') || b.includes('global') || a.some((scope) => b.includes(scope));
}
