/**
 * The README's key list and collection table are generated from the key table and the registry:
 * this keeps them equal, so the documentation cannot drift from what the program does.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {usage, collectionList} from '../source/cli/usage.js';
import {keyTableMarkdown} from '../source/keys.js';
import {collectionNames, collectionTableMarkdown} from '../source/resources/registry.js';

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

test('the README collection table is the registry', () => {
  const match = /<!-- collections:start -->\n([\s\S]*?)<!-- collections:end -->/.exec(readme);
  assert.ok(match, 'the README has a collections:start / collections:end section');
  assert.equal(match[1], collectionTableMarkdown());
});

test('the README names every collection the command line takes, as --help does', () => {
  const line = `wazo-tui COLLECTION [SERVER] --username U --password-stdin`;
  assert.ok(readme.includes(line), `the README's usage block has: ${line}`);
  assert.ok(usage.includes(line), `--help has: ${line}`);
  assert.ok(readme.includes(collectionList), `the README's usage block lists the collections as --help does:\n${collectionList}`);
  assert.ok(usage.includes(collectionList));
  const listed = collectionList.replace('COLLECTION:', '').split(/[\s,]+/).filter((word) => word !== '');
  assert.deepEqual(listed, [...collectionNames]);
});
