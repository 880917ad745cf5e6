/**
 * `wazo-tui users|lines|extensions`, each a real process against the embedded demo server: the
 * page printed is the one wazo-confd answers for the same parameters, the token is revoked at the
 * end, the password goes nowhere but the login request, and trust is required before any credential.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {PinStore} from '../../source/config/pins.js';
import {pinnedHostPorts} from '../config/pins-on-disk.js';
import {ProfileStore} from '../../source/config/profiles.js';
import {generateCertificate} from '../../source/demo/certificate.js';
import {startDemoServer, type DemoServer, type RecordedRequest} from '../../source/demo/server.js';
import {descriptorFor} from '../../source/resources/registry.js';
import {sanitize} from '../../source/text/sanitize.js';
import {confdAnswer, demoRequest, requestsDuring} from '../helpers/demo.js';
import {childEnv, cliPath, filesBelow, runCli, spawnCli, tempDir, type CliResult} from './cli.js';

const PASSWORD = 'corr3ct horse ✓ battery';
const AUTH = '/api/auth/0.1';
const CONFD = '/api/confd/1.1';

interface Page {
  total: number;
  items: Array<{id: number}>;
}

let root = '';
let server: DemoServer;
/** A config dir where the demo server is pinned (through `wazo-tui trust`). */
let trusted = '';
/** Every output of every run, to prove the password never shows. */
const outputs: string[] = [];

/** Run a list command with the password on stdin, against the pinned config dir unless told otherwise. */
async function list(args: string[], options: {configDir?: string; password?: string; username?: string} = {}): Promise<CliResult> {
  const result = await runCli(
    [...args, '--username', options.username ?? 'admin', '--password-stdin', '--config-dir', options.configDir ?? trusted],
    {input: `${options.password ?? PASSWORD}\n`},
  );
  outputs.push(result.stdout, result.stderr);
  return result;
}

/** What the server answers to the same query, asked directly with a token of the test's own. */
const direct = (path: string, headers: Record<string, string> = {}): Promise<Page> => confdAnswer(server, path, headers) as Promise<Page>;

const during = <T>(work: () => Promise<T>) => requestsDuring(server, work);

function tsv(stdout: string): string[][] {
  assert.ok(stdout.endsWith('\n'), 'TSV ends with a line break');
  return stdout.slice(0, -1).split('\n').map((line) => line.split('\t'));
}

before(async () => {
  root = tempDir();
  server = await startDemoServer({users: 50, lines: 60, password: PASSWORD});
  trusted = tempDir(root);
  const pinned = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', trusted]);
  assert.equal(pinned.code, 0, pinned.stderr);
});

after(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

describe('listing a collection', () => {
  it('--json prints {total, items}: the page wazo-confd answers for the same search, order, direction, limit and offset', async () => {
    const {result, requests} = await during(() =>
      list(['users', server.hostPort, '--json', '--search', 'a', '--order', 'lastname', '--direction', 'desc', '--limit', '4', '--offset', '2']),
    );
    assert.equal(result.code, 0, result.stderr);
    const page = JSON.parse(result.stdout) as Page;
    assert.deepEqual(Object.keys(page), ['total', 'items']);
    // More rows remain: stderr says so (stdout stays pure JSON).
    assert.ok(page.total > 6);
    assert.equal(result.stderr, `rows 3–6 of ${page.total} (more with --offset 6, a larger --limit, or --all)\n`);
    const expected = await direct('/users?search=a&order=lastname&direction=desc&limit=4&offset=2');
    assert.equal(page.total, expected.total);
    assert.deepEqual(page.items, expected.items);
    assert.equal(page.items.length, 4);

    const query = requests.find((request) => request.url.startsWith(`${CONFD}/users?`));
    assert.ok(query, 'the list request reached confd');
    const params = new URL(query.url, server.url).searchParams;
    assert.equal(params.get('search'), 'a');
    assert.equal(params.get('order'), 'lastname');
    assert.equal(params.get('direction'), 'desc');
    assert.equal(params.get('limit'), '4');
    assert.equal(params.get('offset'), '2');
    assert.equal(params.get('view'), null, 'JSON is the records in their full form');
  });

  it('without --limit asks for one page of 100, and says on stderr when more rows remain', async () => {
    const {result, requests} = await during(() => list(['users', server.hostPort, '--json', '--recurse']));
    assert.equal(result.code, 0, result.stderr);
    const query = requests.find((request) => request.url.startsWith(`${CONFD}/users?`));
    assert.equal(new URL(query?.url ?? '/', server.url).searchParams.get('limit'), '100');
    const page = JSON.parse(result.stdout) as Page;
    assert.equal(page.items.length, Math.min(100, page.total));
    assert.equal(result.stderr, page.total > 100 ? `rows 1–100 of ${page.total} (more with --offset 100, a larger --limit, or --all)\n` : '');
  });

  it('in a pipe prints TSV: the column titles, then one line of fields per item', async () => {
    for (const collection of ['users', 'lines', 'extensions'] as const) {
      const {result, requests} = await during(() => list([collection, server.hostPort, '--limit', '7', '--offset', '3', '--direction', 'desc']));
      assert.equal(result.code, 0, `${collection}: ${result.stderr}`);
      const [header, ...rows] = tsv(result.stdout);
      const titles = descriptorFor(collection).columns.map((column) => column.title);
      assert.deepEqual(header, titles);
      // Rows come in the collection's light form (users: view=summary), the one its columns read.
      const view = descriptorFor(collection).listView;
      const asked = requests.find((request) => request.url.startsWith(`${CONFD}/${collection}?`));
      assert.ok(asked, `${collection}: the list request reached confd`);
      assert.equal(new URL(asked.url, server.url).searchParams.get('view'), view ?? null, `${collection}: the view asked for`);
      const expected = await direct(`/${collection}?limit=7&offset=3&direction=desc${view ? `&view=${view}` : ''}`);
      const more = 3 + expected.items.length < expected.total;
      assert.equal(result.stderr, more ? `rows 4–${3 + expected.items.length} of ${expected.total} (more with --offset ${3 + expected.items.length}, a larger --limit, or --all)\n` : '', 'in a pipe the row count shows only when rows remain');
      assert.equal(rows.length, expected.items.length);
      assert.ok(rows.every((row) => row.length === titles.length), `${collection}: every row has one field per column`);
      const columns = descriptorFor(collection).columns as ReadonlyArray<{value: (item: never) => unknown}>;
      assert.deepEqual(
        rows,
        expected.items.map((item) => columns.map((column) => sanitize(column.value(item as never)))),
      );
    }
  });

  it('--tenant sends Wazo-Tenant and --recurse takes the sub-tenants in', async () => {
    const [acme, lab] = server.tenants;
    assert.ok(acme && lab);
    const {result: inLab, requests} = await during(() => list(['users', server.hostPort, '--json', '--tenant', lab.uuid]));
    assert.equal(inLab.code, 0, inLab.stderr);
    assert.equal(requests.find((request) => request.url.startsWith(`${CONFD}/users`))?.headers['wazo-tenant'], lab.uuid);
    assert.deepEqual(JSON.parse(inLab.stdout), await direct('/users', {'wazo-tenant': lab.uuid}));

    const own = JSON.parse((await list(['users', server.hostPort, '--json', '--limit', '1'])).stdout) as Page;
    const recursed = await list(['users', server.hostPort, '--json', '--limit', '1', '--recurse']);
    assert.equal(recursed.code, 0, recursed.stderr);
    const total = (JSON.parse(recursed.stdout) as Page).total;
    assert.equal(total, (await direct('/users?limit=1&recurse=true')).total);
    assert.ok(total > own.total, 'the sub-tenant adds users');
  });

  it("hostile strings from the server reach stdout escaped, in TSV and in JSON that parses back to the server's text", async () => {
    const lab = server.tenants[1];
    assert.ok(lab);
    const args = ['users', server.hostPort, '--tenant', lab.uuid, '--search', 'evil'];
    const expected = await direct('/users?search=evil', {'wazo-tenant': lab.uuid});
    assert.ok(JSON.stringify(expected).includes('\\u001b'), 'the demo data has its hostile user');
    // ESC, BEL, DEL, the C1 controls (U+009B is CSI) and bidi overrides/marks.
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

    const json = await list([...args, '--json']);
    assert.equal(json.code, 0, json.stderr);
    assert.doesNotMatch(json.stdout, raw);
    assert.deepEqual(JSON.parse(json.stdout), expected);

    const text = await list(args);
    assert.equal(text.code, 0, text.stderr);
    assert.doesNotMatch(text.stdout, raw);
    assert.equal(tsv(text.stdout).length, expected.items.length + 1, 'one line per item, whatever line breaks the values hold');
    assert.ok(text.stdout.includes('␛'), 'ESC is shown, not dropped');
  });

  it('on a terminal aligns the columns under upper-case titles and counts the rows on stderr', async () => {
    const command = `printf '%s\\n' "$WAZO_TEST_PASSWORD" | "$WAZO_TEST_NODE" "$WAZO_TEST_CLI" users ${server.hostPort} --limit 3 --order id -u admin --password-stdin --config-dir "$WAZO_TEST_CONFIG"`;
    // `script` gives the command a pseudo-terminal for stdout while stdin stays a pipe.
    const screen = await new Promise<string>((resolve, reject) => {
      execFile(
        'script',
        ['-qec', command, '/dev/null'],
        {env: childEnv({WAZO_TEST_PASSWORD: PASSWORD, WAZO_TEST_NODE: process.execPath, WAZO_TEST_CLI: cliPath, WAZO_TEST_CONFIG: trusted}), timeout: 20_000},
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
    outputs.push(screen);
    const lines = screen.replaceAll('\r', '').split('\n');
    const header = lines.find((line) => line.startsWith('NAME'));
    assert.ok(header, screen);
    assert.match(header, /^NAME\s{2,}EMAIL\s{2,}EXTENSION\s{2,}PROTOCOL\s{2,}ID$/);
    assert.ok(!screen.includes('\t'), 'no TSV on a terminal');
    const total = (await direct('/users?limit=1')).total;
    assert.ok(lines.includes(`rows 1–3 of ${total} (more with --offset 3, a larger --limit, or --all)`), screen);
    const rows = lines.slice(lines.indexOf(header) + 1, lines.indexOf(header) + 4);
    assert.deepEqual(
      rows.map((row) => row.trim().split(/\s+/).at(-1)),
      (await direct('/users?limit=3&order=id')).items.map((item) => String(item.id)),
    );
  });
});

describe('the token and the password', () => {
  it('revokes the token at the end: DELETE /token/<token> is the last request, and the token is then unknown', async () => {
    const {result, requests} = await during(() => list(['lines', server.hostPort, '--limit', '2']));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      requests.map((request) => `${request.method} ${request.url.replace(/\?.*/, '')}`),
      [
        `POST ${AUTH}/token`,
        `GET ${CONFD}/lines`,
        `DELETE ${AUTH}/token/${String(requests[1]?.headers['x-auth-token'])}`,
      ],
    );
    const token = String(requests[1]?.headers['x-auth-token']);
    assert.match(token, /^[0-9a-f-]{36}$/);
    const check = await demoRequest(server, {method: 'HEAD', path: `${AUTH}/token/${token}`});
    assert.equal(check.status, 404);
  });

  it('still revokes the token when confd refuses the request (exit 1, the ACL named)', async () => {
    const {result, requests} = await during(() =>
      list(['lines', server.hostPort], {username: 'reader', password: 'reader'}),
    );
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /confd\.lines\.read/);
    const token = String(requests.find((request) => request.url.startsWith(`${CONFD}/lines`))?.headers['x-auth-token']);
    assert.ok(requests.some((request) => request.method === 'DELETE' && request.url === `${AUTH}/token/${token}`));
    assert.equal((await demoRequest(server, {method: 'HEAD', path: `${AUTH}/token/${token}`})).status, 404);
  });

  it('warns when the token cannot be revoked, and asks for no refresh token that would outlive the run', async () => {
    server.setFault({kind: 'status', status: 500}, /^\/api\/auth\/0\.1\/token\/[0-9a-f-]+$/);
    let run: {result: CliResult; requests: RecordedRequest[]};
    try {
      run = await during(() => list(['extensions', server.hostPort, '--limit', '1']));
    } finally {
      server.setFault({kind: 'none'});
    }
    assert.equal(run.result.code, 0, run.result.stderr);
    assert.equal(tsv(run.result.stdout).length, 2);
    assert.match(run.result.stderr, /^(rows .*\n)?wazo-tui: warning: the token could not be revoked \(.*\); it stays valid until it expires\.\n$/);
    const token = String(run.requests.find((request) => request.url.startsWith(`${CONFD}/extensions`))?.headers['x-auth-token']);
    const alive = await demoRequest(server, {path: `${AUTH}/token/${token}`});
    assert.equal(alive.status, 200);
    const data = (alive.json as {data: Record<string, unknown>}).data;
    assert.equal('refresh_token' in data, false, 'a script asks for no offline token');
    await demoRequest(server, {method: 'DELETE', path: `${AUTH}/token/${token}`});
  });

  it('a reader that stops early (| head) is no crash: exit 0, no error on stderr, the token still revoked', {timeout: 20_000}, async () => {
    const start = server.requests.length;
    const child = spawnCli(['users', server.hostPort, '--json', '--recurse', '-u', 'admin', '--password-stdin', '--config-dir', trusted]);
    child.stdin.end(`${PASSWORD}\n`);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like `head -c 1`: read the first chunk of a page far larger than a pipe's buffer, then hang up.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    assert.doesNotMatch(stderr, /wazo-tui|Error/);
    assert.equal(code, 0);
    const requests = server.requests.slice(start);
    assert.equal(requests.at(-1)?.method, 'DELETE');
    assert.equal(requests.at(-1)?.url, `${AUTH}/token/${String(requests[1]?.headers['x-auth-token'])}`);
  });

  it('wrong password: exit 3, nothing on stdout, and the wrong password is not echoed', async () => {
    const {result, requests} = await during(() => list(['users', server.hostPort], {password: 'not-the-Passw0rd'}));
    assert.equal(result.code, 3);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^wazo-tui: Wrong username or password\n/);
    assert.ok(!result.stderr.includes('not-the-Passw0rd'));
    assert.deepEqual(requests.map((request) => request.method), ['POST'], 'no confd request, nothing to revoke');
  });

});

describe('server and username from the remembered profile', () => {
  it('uses the last profile the dashboard remembered when no SERVER or --username is given', async () => {
    const configDir = tempDir(root);
    new PinStore(configDir).set({
      hostPort: server.hostPort,
      pem: server.certPem,
      fingerprint256: server.fingerprint256,
      trustedAt: new Date().toISOString(),
    });
    new ProfileStore(configDir).remember({server: server.hostPort, username: 'admin'});
    const {result, requests} = await during(() =>
      runCli(['users', '--password-stdin', '--json', '--limit', '2', '--config-dir', configDir], {input: `${PASSWORD}\n`}),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as Page).items.length, 2);
    const authorization = String(requests[0]?.headers.authorization);
    assert.equal(Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString('utf8'), `admin:${PASSWORD}`);
  });

  it('remembers nothing itself: a script run leaves the profiles as they were', async () => {
    const configDir = tempDir(root);
    const pinned = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(pinned.code, 0, pinned.stderr);
    const result = await list(['users', server.hostPort, '--limit', '1'], {configDir});
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(new ProfileStore(configDir).list(), []);
  });
});

describe('trust comes before any credential', () => {
  it('an untrusted server: exit 4, its fingerprint and the trust command to run, and no request sent', async () => {
    const configDir = tempDir(root);
    const {result, requests} = await during(() => list(['users', server.hostPort], {configDir}));
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.deepEqual(requests, [], 'no HTTP request (and so no credential) before trust');
    assert.match(result.stderr, /self-signed certificate that is not trusted yet/);
    assert.ok(result.stderr.includes(`SHA-256 fingerprint: ${server.fingerprint256}`), result.stderr);
    assert.ok(result.stderr.includes('openssl x509 -noout -fingerprint -sha256 -in /usr/share/wazo-certs/server.crt'));
    const suggested = /^ {2}wazo-tui (trust .*)$/m.exec(result.stderr)?.[1];
    assert.equal(suggested, `trust ${server.hostPort} --fingerprint ${server.fingerprint256} --config-dir ${configDir}`);

    // The suggested command, run as printed, is what makes the list work.
    const trustedNow = await runCli(suggested.split(' '));
    assert.equal(trustedNow.code, 0, trustedNow.stderr);
    const listed = await list(['users', server.hostPort, '--limit', '1'], {configDir});
    assert.equal(listed.code, 0, listed.stderr);
  });

  it('a changed certificate: exit 4 with both fingerprints, and no request sent', async () => {
    const configDir = tempDir(root);
    const old = generateCertificate();
    new PinStore(configDir).set({hostPort: server.hostPort, pem: old.certPem, fingerprint256: old.fingerprint256, trustedAt: new Date().toISOString()});
    const {result, requests} = await during(() => list(['users', server.hostPort], {configDir}));
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.deepEqual(requests, []);
    assert.match(result.stderr, /HAS CHANGED/);
    assert.ok(result.stderr.includes(`pinned:  SHA256 ${old.fingerprint256}`), result.stderr);
    assert.ok(result.stderr.includes(`offered: SHA256 ${server.fingerprint256}`), result.stderr);
    assert.ok(result.stderr.includes(`--fingerprint ${server.fingerprint256} --replace --config-dir ${configDir}`), result.stderr);
  });

  it('a server whose certificate a --ca-file authority signed is trusted without a pin', async () => {
    const ca = generateCertificate({commonName: 'wazo-tui test root CA', isCA: true});
    const leaf = generateCertificate({issuer: ca, altNames: [{ip: '127.0.0.1'}]});
    const signed = await startDemoServer({users: 3, lines: 3, password: PASSWORD, certificate: leaf});
    try {
      const configDir = tempDir(root);
      const caFile = join(configDir, 'ca.pem');
      writeFileSync(caFile, ca.certPem);
      const refused = await list(['users', signed.hostPort], {configDir});
      assert.equal(refused.code, 4);
      assert.match(refused.stderr, /signed by an authority that is not trusted here \(issuer wazo-tui test root CA/);
      assert.ok(refused.stderr.includes(`wazo-tui trust ${signed.hostPort} --fingerprint ${leaf.fingerprint256}`), refused.stderr);

      const result = await list(['users', signed.hostPort, '--json', '--ca-file', caFile], {configDir});
      assert.equal(result.code, 0, result.stderr);
      assert.ok((JSON.parse(result.stdout) as Page).total > 0);
      assert.deepEqual(pinnedHostPorts(configDir), [], 'trusted through the CA, not pinned');
    } finally {
      await signed.close();
    }
  });

  it('a server that does not answer: exit 1 with a sentence', async () => {
    const gone = await startDemoServer({users: 1, lines: 1});
    const hostPort = gone.hostPort;
    await gone.close();
    const result = await list(['users', hostPort]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^wazo-tui: /);
    assert.doesNotMatch(result.stderr, /a bug/);
  });
});

// Last, so that it sees the outputs of every run above.
describe('secrets', () => {
  it('the password is in no output and no config file; the config is private and holds no token', async () => {
    const {requests} = await during(() => list(['users', server.hostPort, '--limit', '1', '--json']));
    const token = String(requests[1]?.headers['x-auth-token']);
    assert.ok(outputs.length > 0);
    for (const output of outputs) assert.ok(!output.includes(PASSWORD), 'the password shows in an output');
    const files = filesBelow(trusted);
    assert.ok(files.some((file) => file.path.endsWith('pins.json')));
    for (const file of files) {
      assert.ok(!file.text.includes(PASSWORD), `the password is in ${file.path}`);
      assert.ok(!file.text.includes(token), `the token is in ${file.path}`);
      assert.equal(file.mode, 0o600, `${file.path} is not 0600`);
    }
  });
});
