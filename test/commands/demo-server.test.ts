/**
 * `wazo-tui demo-server` as a real process: it prints its URL, accounts and certificate
 * fingerprint, serves Wazo's APIs with the data its flags ask for, and stops on a signal with
 * the exit code DESIGN.md gives (143 SIGTERM, 130 SIGINT, 129 SIGHUP).
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {request} from 'node:https';
import {rmSync} from 'node:fs';
import {startDemoServer} from '../../source/demo/server.js';
import {confdGet, login} from '../helpers/demo.js';
import {runCli, tempDir} from './cli.js';
import {presentedCertificate, printed, startCommand} from './demo-server-process.js';

/** POST /token over HTTPS that trusts exactly `certPem`. */
function createToken(port: number, certPem: string, username: string, password: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const post = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/0.1/token',
        ca: certPem,
        servername: 'localhost',
        agent: false,
        headers: {
          authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
          'content-type': 'application/json',
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({status: response.statusCode ?? 0, body}));
      },
    );
    post.on('error', reject);
    post.end('{}');
  });
}

let root = '';
before(() => {
  root = tempDir();
});
after(() => rmSync(root, {recursive: true, force: true}));

describe('wazo-tui demo-server', () => {
  it('prints URL, accounts and fingerprint, serves the data of --users and --seed, and exits 143 on SIGTERM', async () => {
    const running = await startCommand(['--port', '0', '--users', '50', '--seed', '3']);
    try {
      const {stdout} = running;
      const url = printed(stdout, /^Wazo demo server listening on (https:\/\/127\.0\.0\.1:\d+)$/m);
      const port = Number(new URL(url).port);
      assert.ok(port > 0);
      assert.match(stdout, new RegExp(`^  wazo-auth:  ${url}/api/auth/0\\.1$`, 'm'));
      assert.match(stdout, new RegExp(`^  wazo-confd: ${url}/api/confd/1\\.1$`, 'm'));
      assert.match(stdout, /^ {2}admin \/ secret {2}full access \(#\)$/m);
      assert.match(stdout, /^ {2}reader \/ reader {2}limited: /m);
      const fingerprint = printed(stdout, /^Certificate of 127\.0\.0\.1:\d+ \(wazo-auth and wazo-confd\): self-signed, CN=localhost\n  SHA-256 fingerprint: ((?:[\dA-F]{2}:){31}[\dA-F]{2})$/m);

      const certificate = await presentedCertificate(port);
      assert.equal(certificate.fingerprint256, fingerprint, 'the printed fingerprint is the served certificate');
      const token = await createToken(port, certificate.toString(), 'admin', 'secret');
      assert.equal(token.status, 200, token.body);
      assert.match(token.body, /"token": ?"[0-9a-f-]{36}"/);

      // The client itself, pinned to the printed fingerprint, sees the data of --users 50 --seed 3.
      const configDir = tempDir(root);
      const trusted = await runCli(['trust', url, '--fingerprint', fingerprint, '--config-dir', configDir]);
      assert.equal(trusted.code, 0, trusted.stderr);
      const listed = await runCli(['users', url, '-u', 'admin', '--password-stdin', '--recurse', '--json', '--limit', '5', '--config-dir', configDir], {
        input: 'secret\n',
      });
      assert.equal(listed.code, 0, listed.stderr);
      const page = JSON.parse(listed.stdout) as {total: number; items: Array<{uuid: string; firstname: string; lastname: string}>};
      const same = await startDemoServer({users: 50, seed: 3});
      try {
        // The in-process server with the same flags holds the same people.
        const sameToken = await login(same);
        const expected = (await confdGet(same, sameToken, '/users?recurse=true&limit=5')).json as typeof page;
        assert.equal(page.total, expected.total);
        assert.deepEqual(
          page.items.map((user) => [user.uuid, user.firstname, user.lastname]),
          expected.items.map((user) => [user.uuid, user.firstname, user.lastname]),
        );
      } finally {
        await same.close();
      }
    } finally {
      running.child.kill('SIGTERM');
    }
    assert.deepEqual(await running.exit, {code: 143, signal: null});
  });

  it('takes --username and --password for the main account, and exits 130 on SIGINT', async () => {
    const running = await startCommand(['--username', 'bob', '--password', 'hunter 2', '--users', '3', '--lines', '3']);
    try {
      assert.match(running.stdout, /^ {2}bob \/ hunter 2 {2}full access \(#\)$/m);
      assert.match(running.stdout, /^Connect: wazo-tui 127\.0\.0\.1:\d+ --username bob$/m);
      assert.match(running.stdout, /curl -k -u 'bob:hunter 2' /);
      const port = Number(printed(running.stdout, /listening on https:\/\/127\.0\.0\.1:(\d+)$/m));
      const certificate = await presentedCertificate(port);
      assert.equal((await createToken(port, certificate.toString(), 'bob', 'hunter 2')).status, 200);
      assert.equal((await createToken(port, certificate.toString(), 'admin', 'secret')).status, 401);
    } finally {
      running.child.kill('SIGINT');
    }
    assert.deepEqual(await running.exit, {code: 130, signal: null});
  });

  it('exits 129 on SIGHUP', async () => {
    const running = await startCommand(['--users', '1', '--lines', '1']);
    running.child.kill('SIGHUP');
    assert.deepEqual(await running.exit, {code: 129, signal: null});
  });
});
