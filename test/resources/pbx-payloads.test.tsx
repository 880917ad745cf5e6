/**
 * Any answer confd.yml allows must be handled: for every collection of the registry (users, lines,
 * extensions, groups, queues, trunks, devices, SIP endpoints…), schema-valid list and item payloads generated from the spec (nulls,
 * empty lists, missing optional fields, unexpected extra fields, hostile strings) parse with the
 * client's schemas, render in the Table and in the detail and raw views without throwing, and never
 * show a secret.
 */
import {describe, test} from 'node:test';
import type {z} from 'zod';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {collections} from '../../source/api/collections.js';
import type {ConfdCollection} from '../../source/api/contract.js';
import {listSchema} from '../../source/api/schemas.js';
import {decodeAnswer} from '../../source/api/validate.js';
import {Table} from '../../source/components/Table.js';
import {isSecretPath, redactSecrets} from '../../source/resources/detail.js';
import {descriptorFor} from '../../source/resources/registry.js';
import {HIDDEN, type AnyResourceDescriptor} from '../../source/resources/types.js';
import {detailLines, rawLines} from '../../source/screens/detail-lines.js';
import {sanitize} from '../../source/text/sanitize.js';
import {SERVED} from '../contract/confd-paths.js';
import {generateFromSchema, generatePayload, responseSchema} from '../contract/generate.js';
import {SPEC_SKIP} from '../contract/spec.js';

const skip = SPEC_SKIP ?? false;
const SEEDS = Array.from({length: 20}, (_, index) => index + 1);

/** SERVED leaves out the first three collections (the demo's own tests cover them); their spec definitions. */
const CORE: ReadonlyArray<{path: string; item: string}> = [
  {path: 'users', item: 'User'},
  {path: 'lines', item: 'LineView'},
  {path: 'extensions', item: 'Extension'},
];
const COVERED = [...CORE, ...SERVED];

/** The registry's collection served at each confd path. */
function collectionAt(path: string): ConfdCollection {
  const entry = Object.entries(collections).find(([, definition]) => definition.path === path);
  assert.ok(entry, `no collection of the registry is served at /${path}`);
  return entry[0] as ConfdCollection;
}

function renderTable(descriptor: AnyResourceDescriptor, items: unknown[], width: number): string {
  const rows = items.map((item) => ({key: descriptor.key(item as never), cells: descriptor.columns.map((column) => sanitize(column.value(item as never)))}));
  const app = render(<Table columns={descriptor.columns as AnyResourceDescriptor['columns']} rows={rows} selected={0} width={width} height={12} />);
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
}

/**
 * Gives every secret of a payload (a string under a secret key, or in a PJSIP `[key, value]` pair) a
 * value of its own, so that finding it on screen means it leaked; returns them.
 */
function markSecrets(value: unknown, found: string[] = []): string[] {
  const mark = () => {
    const secret = `s3cret-${found.length}-value`;
    found.push(secret);
    return secret;
  };
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'string' && isSecretPath(value[0]) && typeof value[1] === 'string') value[1] = mark();
    for (const entry of value) markSecrets(entry, found);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const [key, entry] of Object.entries(record)) {
      if (isSecretPath(key) && typeof entry === 'string') record[key] = mark();
      else markSecrets(entry, found);
    }
  }
  return found;
}

describe('every collection handles any answer confd.yml allows', () => {
  for (const served of COVERED) {
    test(`/${served.path}: lists and items parse, render in the table, the detail and the raw view`, {skip}, () => {
      const name = collectionAt(served.path);
      const descriptor = descriptorFor(name) as AnyResourceDescriptor;
      const definition = collections[name];
      const label = `GET /${served.path}`;
      for (const seed of SEEDS) {
        const list = generateFromSchema(responseSchema(`/${served.path}`), seed);
        // The spec requires neither `total` nor `items` (switchboards document `{items}` alone).
        const page = decodeAnswer(listSchema(definition.schema), JSON.stringify(list), {service: 'confd', label});
        // The table lists the collection's lighter view when it has one (users: `view=summary`, whose
        // answer confd.yml describes with the same UserItems).
        const views = definition.views as Record<string, z.ZodType>;
        const listed = descriptor.listView ? decodeAnswer(listSchema(views[descriptor.listView] ?? assert.fail(`no ${descriptor.listView} view`)), JSON.stringify(list), {service: 'confd', label}) : page;
        // Narrow and wide terminals, by turns (rendering is the slow part of this test).
        renderTable(descriptor, listed.items ?? [], seed % 2 === 0 ? 60 : 200);
        for (const row of listed.items ?? []) assert.notEqual(descriptor.key(row as never), '', `${name} seed ${seed}: a row has a key`);

        const item = generatePayload(served.item, seed, {missing: 0.2, extras: 0.3});
        const secrets = markSecrets(item);
        const parsed = decodeAnswer(definition.schema, JSON.stringify(item), {service: 'confd', label: `${label}/1`});
        const lines = detailLines(descriptor, parsed);
        const raw = rawLines(redactSecrets(parsed));
        const shown = [...lines.map((line) => ('text' in line ? line.text : 'value' in line ? `${line.label} ${line.value}` : '')), ...raw.map((line) => ('text' in line ? line.text : ''))].join('\n');
        for (const secret of secrets) assert.ok(!shown.includes(sanitize(secret)), `${name} seed ${seed} shows the secret ${JSON.stringify(secret)}`);
        for (const line of lines) {
          if (line.kind === 'field' && isSecretPath(String(line.label)) && line.value !== '—' && line.value !== 'yes' && line.value !== 'no') {
            assert.equal(line.value, HIDDEN, `${name} seed ${seed}: ${line.label}`);
          }
        }
        for (const relation of descriptor.relations(parsed as never)) {
          assert.ok(typeof relation.id === 'number' || (typeof relation.id === 'string' && relation.id !== ''), `${name}: ${relation.label} has an id`);
          assert.doesNotThrow(() => descriptorFor(relation.collection), `${name}: ${relation.label} leads to a known collection`);
        }
      }
    });
  }

  test('every collection of the registry is covered', {skip}, () => {
    const covered = new Set(COVERED.map((served) => collectionAt(served.path)));
    const missing = Object.keys(collections).filter((name) => !covered.has(name as ConfdCollection));
    assert.deepEqual(missing, []);
  });
});
