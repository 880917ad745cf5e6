/**
 * What the bundle leaves unloaded until it is used (scripts/builtin-require.mjs and
 * scripts/resident-patches.mjs): a script that logs in and lists users over uncompressed HTTPS
 * loads neither http2 nor zlib and makes no Intl.ListFormat, which got and its dependencies ask for
 * when they load. A preload records what the process loaded when it exits.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {runCli, tempDir} from '../commands/cli.js';

const PRELOAD = `import {writeFileSync} from 'node:fs';
let listFormats = 0;
const ListFormat = Intl.ListFormat;
Intl.ListFormat = class extends ListFormat { constructor(...args) { super(...args); listFormats += 1; } };
process.on('exit', () => writeFileSync(process.env.LOADED_FILE, JSON.stringify({modules: process.moduleLoadList, listFormats})));
`;

let root = '';
let server: DemoServer;

before(async () => {
  root = tempDir();
  server = await startDemoServer({users: 50});
});
after(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

describe('built-ins and ICU data loaded on first use', () => {
  it('listing users loads neither http2 nor zlib, and makes no Intl.ListFormat', async () => {
    const configDir = tempDir(root);
    const preload = join(root, 'record-loaded.mjs');
    const loadedFile = join(root, 'loaded.json');
    writeFileSync(preload, PRELOAD);
    const trusted = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(trusted.code, 0, trusted.stderr);
    const listed = await runCli(['users', server.hostPort, '-u', 'admin', '--password-stdin', '--json', '--limit', '3', '--config-dir', configDir], {
      input: 'secret\n',
      env: {NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`, LOADED_FILE: loadedFile},
    });
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal((JSON.parse(listed.stdout) as {items: unknown[]}).items.length, 3);
    const loaded = JSON.parse(readFileSync(loadedFile, 'utf8')) as {modules: string[]; listFormats: number};
    assert.ok(loaded.modules.includes('NativeModule https'), 'the record is of the process that made the requests');
    for (const name of ['http2', 'zlib']) {
      assert.ok(!loaded.modules.includes(`NativeModule ${name}`), `${name} was loaded`);
    }
    assert.equal(loaded.listFormats, 0);
  });
});
