/**
 * Rewrites the README's generated tables (keys, collections) from the key table and the registry:
 * `node --import tsx scripts/readme-tables.ts`. test/readme.test.ts fails until they agree.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {keyTableMarkdown} from '../source/keys.js';
import {collectionTableMarkdown} from '../source/resources/registry.js';

const path = new URL('../README.md', import.meta.url);
const tables: ReadonlyArray<[string, () => string]> = [
  ['keys', keyTableMarkdown],
  ['collections', collectionTableMarkdown],
];
let text = readFileSync(path, 'utf8');
for (const [name, table] of tables) {
  const section = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!section.test(text)) throw new Error(`README.md has no ${name}:start / ${name}:end section`);
  text = text.replace(section, (_match, start: string, end: string) => start + table() + end);
}
writeFileSync(path, text);
