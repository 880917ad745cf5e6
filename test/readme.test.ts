/**
 * The README's key list is generated from the key table: this keeps the two equal, so the
 * documentation cannot drift from what the keys do.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {keyTableMarkdown} from '../source/keys.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README key table is the key table', () => {
  const match = /<!-- keys:start -->\n([\s\S]*?)<!-- keys:end -->/.exec(readme);
  assert.ok(match, 'the README has a keys:start / keys:end section');
  assert.equal(match[1], keyTableMarkdown());
});

test('the README opens with the install-and-run and the test commands', () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  assert.match(firstBlock, /^npm ci && npx wazo-tui --demo/m);
  assert.match(firstBlock, /^npm ci && npm test/m);
});
