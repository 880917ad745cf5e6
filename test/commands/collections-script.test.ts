/**
 * Script mode for every collection of the registry, each a real process against the demo server:
 * `--json` prints exactly the page wazo-confd answers for the same parameters (valid JSON, every
 * row and field, links included), and the TSV has the descriptor's columns and one line per row.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {collections} from '../../source/api/collections.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {resourceDescriptors} from '../../source/resources/registry.js';
import {confdGet, demoRequest, login} from '../helpers/demo.js';
import {runCli, tempDir} from './cli.js';

const PASSWORD = 'scr1pt-every-collection';

let root = '';
let trusted = '';
let server: DemoServer;
let token = '';

before(async () => {
  root = tempDir();
  server = await startDemoServer({users: 40, lines: 50, password: PASSWORD});
  trusted = tempDir(root);
  const pinned = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', trusted]);
  assert.equal(pinned.code, 0, pinned.stderr);
  token = await login(server);
});

after(async () => {
  await demoRequest(server, {method: 'DELETE', path: `/api/auth/0.1/token/${token}`});
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

function run(args: string[]) {
  return runCli([...args, '--username', 'admin', '--password-stdin', '--config-dir', trusted], {input: `${PASSWORD}\n`});
}

describe('script mode for every collection', () => {
  for (const descriptor of resourceDescriptors) {
    it(`wazo-tui ${descriptor.name}: --json is the page confd answers; the TSV has the columns`, async () => {
      const order = descriptor.sortColumns.at(-1) ?? descriptor.defaultOrder;
      const json = await run([descriptor.name, server.hostPort, '--json', '--limit', '500', '--order', order, '--direction', 'desc']);
      assert.equal(json.code, 0, json.stderr);
      const page = JSON.parse(json.stdout) as {total: number; items: unknown[]};
      const path = collections[descriptor.name].path;
      const expected = await confdGet(server, token, `/${path}?limit=500&order=${order}&direction=desc`);
      assert.equal(expected.status, 200, expected.text);
      assert.deepEqual(page, expected.json, `${descriptor.name}: the JSON is confd's answer, complete`);
      assert.ok(page.total > 0 && page.items.length === Math.min(page.total, 500));

      const tsv = await run([descriptor.name, server.hostPort, '--limit', '500']);
      assert.equal(tsv.code, 0, tsv.stderr);
      const lines = tsv.stdout.replace(/\n$/, '').split('\n');
      assert.deepEqual(lines[0]?.split('\t'), descriptor.columns.map((column) => column.title));
      assert.equal(lines.length - 1, page.items.length);
    });
  }
});
