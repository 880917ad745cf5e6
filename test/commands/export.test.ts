/**
 * `wazo-tui COLLECTION --all` and `wazo-tui get`, each a real process against the demo server:
 * an export is every row the server has, fetched in pages of 500 and written as they come (one
 * JSON document, NDJSON or TSV); a reader that hangs up stops it with exit 0; a failure mid-way
 * exits non-zero and says how many rows were written; an answer over its ceiling is a sentence.
 */
import {after, afterEach, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {startDemoServer, type DemoServer, type RecordedRequest} from '../../source/demo/server.js';
import {toSafeJson} from '../../source/output/json.js';
import {descriptorFor} from '../../source/resources/registry.js';
import {sanitize} from '../../source/text/sanitize.js';
import {confdAnswer, requestsDuring} from '../helpers/demo.js';
import {runCli, spawnCli, tempDir, type CliResult} from './cli.js';

const AUTH = '/api/auth/0.1';
const CONFD = '/api/confd/1.1';

interface Page {
  total: number;
  items: Array<{id: number}>;
}

let root = '';
let trusted = '';
let server: DemoServer;

async function run(args: string[]): Promise<CliResult> {
  return runCli([...args, '--username', 'admin', '--password-stdin', '--config-dir', trusted], {input: 'secret\n', timeoutMs: 60_000});
}

/** The whole answer for a query, asked directly in one request. */
const direct = (path: string): Promise<Page> => confdAnswer(server, path) as Promise<Page>;

const during = <T>(work: () => Promise<T>) => requestsDuring(server, work);

/** The `limit`/`offset` of each list request to a collection. */
function pagesAsked(requests: RecordedRequest[], collection: string): string[] {
  return requests
    .filter((request) => request.url.startsWith(`${CONFD}/${collection}?`))
    .map((request) => {
      const params = new URL(request.url, server.url).searchParams;
      return `${params.get('limit')}@${params.get('offset')}`;
    });
}

before(async () => {
  root = tempDir();
  trusted = tempDir(root);
  server = await startDemoServer({users: 1400, lines: 700});
  const pinned = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', trusted]);
  assert.equal(pinned.code, 0, pinned.stderr);
});
afterEach(() => server.setFault({kind: 'none'}));
after(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

describe('--all', () => {
  it('--json writes one document, the whole collection as JSON.stringify prints it, from pages of 500', async () => {
    const {result, requests} = await during(() => run(['users', server.hostPort, '--all', '--json', '--order', 'id']));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '', 'in a pipe a complete export says nothing');
    const whole = await direct('/users?order=id&limit=100000');
    assert.ok(whole.total > 1000, `${whole.total} users`);
    const document = JSON.parse(result.stdout) as Page;
    assert.deepEqual(document, {total: whole.total, items: whole.items});
    assert.equal(result.stdout, `${toSafeJson(document)}\n`, 'written piece by piece, laid out as JSON.stringify lays out the whole');
    const pages = Math.ceil(whole.total / 500);
    assert.deepEqual(pagesAsked(requests, 'users'), Array.from({length: pages}, (_, i) => `500@${i * 500}`));
    assert.equal(requests.at(-1)?.method, 'DELETE', 'the token is revoked at the end');
  });

  it('--json of an empty result is the document JSON.stringify prints', async () => {
    const result = await run(['lines', server.hostPort, '--all', '--json', '--search', 'no-such-line-anywhere']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${toSafeJson({total: 0, items: []})}\n`);
  });

  it('--ndjson writes one object a line, every row once, with a search and a direction', async () => {
    const result = await run(['users', server.hostPort, '--all', '--ndjson', '--search', 'a', '--order', 'id', '--direction', 'desc', '--recurse']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines.pop(), '', 'the last line ends with a line break');
    const whole = await direct('/users?search=a&order=id&direction=desc&recurse=true&limit=100000');
    assert.ok(whole.total > 500, `${whole.total} matches, more than one page`);
    assert.deepEqual(lines.map((line) => JSON.parse(line) as unknown), whole.items);
    assert.ok(lines.every((line) => !line.includes('\u001b')), 'control characters stay escaped');
  });

  it('in a pipe writes TSV: one header, then one line per row of every page', async () => {
    const result = await run(['extensions', server.hostPort, '--all']);
    assert.equal(result.code, 0, result.stderr);
    const [header, ...rows] = result.stdout.slice(0, -1).split('\n');
    const columns = descriptorFor('extensions').columns as ReadonlyArray<{title: string; value: (item: never) => unknown}>;
    assert.equal(header, columns.map((column) => column.title).join('\t'));
    const whole = await direct('/extensions?limit=100000');
    assert.ok(whole.total > 500);
    assert.deepEqual(rows, whole.items.map((item) => columns.map((column) => sanitize(column.value(item as never))).join('\t')));
  });

  it('a reader that hangs up (| head) ends the export: exit 0, no error, no page asked for after, the token revoked', async () => {
    const start = server.requests.length;
    const child = spawnCli(['users', server.hostPort, '--all', '--json', '--recurse', '-u', 'admin', '--password-stdin', '--config-dir', trusted]);
    child.stdin.end('secret\n');
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const requests = server.requests.slice(start);
    const total = (await direct('/users?recurse=true&limit=1')).total;
    assert.ok(pagesAsked(requests, 'users').length < Math.ceil(total / 500), `asked ${pagesAsked(requests, 'users').join(' ')} of ${total}`);
    assert.equal(requests.at(-1)?.method, 'DELETE');
    assert.equal(requests.at(-1)?.url, `${AUTH}/token/${String(requests[1]?.headers['x-auth-token'])}`);
  });

  it('a failure mid-way exits 1 and says how many rows were written; the document is left unclosed on purpose', async () => {
    const total = (await direct('/users?limit=1')).total;
    await server.setFaults([{fault: {kind: 'status', status: 502}, match: /^\/api\/confd\/1\.1\/users\?/, after: 2}]);
    const {result, requests} = await during(() => run(['users', server.hostPort, '--all', '--ndjson']));
    assert.equal(result.code, 1);
    assert.equal(result.stdout.split('\n').length - 1, 1000, 'two pages were written');
    assert.match(result.stderr, new RegExp(`^wazo-tui: the export stopped after 1000 of ${total} users were written: .*502`));
    assert.equal(requests.at(-1)?.method, 'DELETE', 'the token is still revoked');

    await server.setFaults([{fault: {kind: 'reset'}, match: /^\/api\/confd\/1\.1\/users\?/, after: 1}]);
    const json = await run(['users', server.hostPort, '--all', '--json']);
    assert.equal(json.code, 1);
    assert.match(json.stderr, /stopped after 500 of \d+ users were written/);
    assert.throws(() => JSON.parse(json.stdout), SyntaxError, 'a cut export never parses as a whole one');
  });
});

describe('answers over their ceiling', () => {
  it('a 50 MB page is a sentence and exit 1, never a crash; the token is revoked', async () => {
    await server.setFault({kind: 'huge'}, /^\/api\/confd\//);
    const {result, requests} = await during(() => run(['users', server.hostPort, '--limit', '5']));
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^wazo-tui: The answer of 127\.0\.0\.1:\d+ to GET \/users was 50 MB, over the 1 MB wazo-tui reads for a page; nothing of it was kept\n.*--all/);
    assert.equal(requests.at(-1)?.method, 'DELETE');
  });

  it('mid-export, a 50 MB page stops the export with the count written', async () => {
    await server.setFaults([{fault: {kind: 'huge', chunked: true}, match: /^\/api\/confd\/1\.1\/users\?/, after: 1}]);
    const result = await run(['users', server.hostPort, '--all', '--ndjson']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^wazo-tui: the export stopped after 500 of \d+ users were written: The answer .* was over the 7\.8 MB wazo-tui reads for a page/);
  });
});

describe('get COLLECTION ID', () => {
  it('prints the record as JSON, as confd sends it, by id or uuid', async () => {
    const expected = (await direct('/users?limit=1&offset=7')).items[0] as {id: number; uuid: string} | undefined;
    assert.ok(expected);
    for (const id of [String(expected.id), expected.uuid]) {
      const result = await run(['get', 'users', id, server.hostPort]);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), expected);
      assert.equal(result.stdout, `${toSafeJson(JSON.parse(result.stdout))}\n`);
      assert.equal(result.stderr, '');
    }
  });

  it('an unknown id exits 1 with confd’s sentence; the token is revoked', async () => {
    const {result, requests} = await during(() => run(['get', 'lines', '987654', server.hostPort]));
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^wazo-tui: Not found \(GET \/lines\/987654\)/);
    assert.equal(requests.at(-1)?.method, 'DELETE');
  });
});
