/**
 * The floors of the house (README, "Architecture"): a module may import its own floor and the
 * floors below, never one above. Screens and components may take plain-data types from the api,
 * config and session floors, but no value: whatever they can do arrives through their props.
 * `demo` is a room apart: only app, commands and the entry point start it, and it borrows
 * nothing but api types, text and util.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Low to high; a module sits on the floor of its folder (or of its own name at the top of source/). */
const floors: readonly (readonly string[])[] = [
  ['text', 'util', 'version.ts', 'theme.ts'],
  ['terminal'],
  ['api'],
  ['config', 'connection.ts'],
  ['session'],
  ['resources', 'output'],
  ['keys.ts', 'keymap.ts', 'hooks'],
  ['components'],
  ['screens'],
  ['cli'],
  ['app'],
  ['commands'],
  ['cli.tsx'],
];
const valuesFenced = new Set(['api', 'config', 'session']);
const demoMayImport = new Set(['text', 'util']);
const demoImportedBy = new Set(['cli', 'app', 'commands', 'cli.tsx']);

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** The room a module lives in: the first folder under source/, or the file name at the top. */
function roomOf(file: string): string {
  const path = relative(root, file);
  if (!path.startsWith('source/')) return path;
  // Imports name the compiled `.js`; the files at the top of source/ are `.ts`.
  return (path.slice('source/'.length).split('/')[0] ?? path).replace(/\.js$/, '.ts');
}

function floorOf(room: string): number {
  const floor = floors.findIndex((names) => names.includes(room));
  assert.notEqual(floor, -1, `${room} has no floor: add it to the floors (and to the README)`);
  return floor;
}

function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports of one file: static, re-exports and dynamic `import()`. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const statement = /^(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+'(\.[^']+)'/gms;
  for (const match of text.matchAll(statement)) {
    const clause = match[3] ?? '';
    // `import {type A, type B}` is type-only as well: every name carries `type`.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]?.split(',').map((name) => name.trim()).filter(Boolean);
    const typeOnly = match[2] !== undefined || (names !== undefined && names.length > 0 && names.every((name) => name.startsWith('type ')));
    found.push({from: file, to: resolve(dirname(file), match[4] ?? ''), typeOnly});
  }
  for (const match of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) {
    found.push({from: file, to: resolve(dirname(file), match[1] ?? ''), typeOnly: false});
  }
  return found;
}

/** Every import in source/ and cli.tsx that breaks a rule, as `from → to: why`. */
function violations(): string[] {
  const files = [...sources(join(root, 'source')), join(root, 'cli.tsx')];
  const problems: string[] = [];
  for (const {from, to, typeOnly} of files.flatMap(importsOf)) {
    const a = roomOf(from);
    const b = roomOf(to);
    const where = `${relative(root, from)} → ${relative(root, to)}`;
    if (a === b) continue;
    if (b === 'demo') {
      if (!demoImportedBy.has(a)) problems.push(`${where}: only cli, app, commands and cli.tsx may reach the demo`);
      continue;
    }
    if (a === 'demo') {
      if (!(demoMayImport.has(b) || (b === 'api' && typeOnly))) problems.push(`${where}: demo imports only api types, text and util`);
      continue;
    }
    if (floorOf(b) > floorOf(a)) problems.push(`${where}: ${b} is above ${a}`);
    if ((a === 'screens' || a === 'components') && valuesFenced.has(b) && !typeOnly) {
      problems.push(`${where}: ${a} may take types from ${b}, not values (pass them in props)`);
    }
  }
  return problems;
}

test('no module imports from a higher floor, and screens take no api/config/session value', () => {
  assert.deepEqual(violations(), []);
});

test('the check sees the kinds of import it judges', () => {
  const graph = sources(join(root, 'source')).flatMap(importsOf);
  // If the parser went blind, the rule above would pass on nothing.
  assert.ok(graph.length > 200, `only ${graph.length} imports found`);
  assert.ok(graph.some((each) => each.typeOnly) && graph.some((each) => !each.typeOnly));
  assert.ok(importsOf(join(root, 'cli.tsx')).some((each) => roomOf(each.to) === 'commands'), 'dynamic imports are seen');
});
