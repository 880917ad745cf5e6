/**
 * Split hosts and certificate modes of the demo server (issue 9, items 3, 4 and 6): wazo-confd on
 * a port of its own with another certificate, wazo-auth refusing connections while confd answers,
 * and leaves issued by a CA (with or without the CA in the chain), expired or not yet valid, as a
 * TLS client sees them.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {connect} from 'node:tls';
import {startDemoServer} from '../../source/demo/server.js';
import {generateCertificate} from '../../source/demo/certificate.js';
import {loginRequest, tokenOf, wireRequest} from '../helpers/wire.js';

/** A TLS handshake to 127.0.0.1:port trusting `ca` (or nothing): what the client concluded and saw. */
function handshake(port: number, ca?: string): Promise<{authorized: boolean; error?: string; chain: string[]}> {
  return new Promise((resolve, reject) => {
    const socket = connect({host: '127.0.0.1', port, ...(ca ? {ca} : {}), rejectUnauthorized: false}, () => {
      const chain: string[] = [];
      let certificate = socket.getPeerCertificate(true);
      while (certificate?.fingerprint256 && !chain.includes(certificate.fingerprint256)) {
        chain.push(certificate.fingerprint256);
        certificate = certificate.issuerCertificate;
      }
      const error = socket.authorizationError;
      resolve({authorized: socket.authorized, ...(error ? {error: String((error as NodeJS.ErrnoException).code ?? error)} : {}), chain});
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('demo server with wazo-confd on its own port', () => {
  test('two ports, two certificates: auth on the main one, confd on its own, sharing tokens', async () => {
    const server = await startDemoServer({users: 10, lines: 10, splitConfd: {}});
    try {
      assert.equal(server.endpoints.length, 2);
      const [main, own] = server.endpoints as [(typeof server.endpoints)[0], (typeof server.endpoints)[0]];
      assert.notEqual(main.port, own.port);
      assert.notEqual(main.fingerprint256, own.fingerprint256);
      assert.deepEqual([main.services, own.services], [['wazo-auth'], ['wazo-confd']]);
      assert.equal(server.confd, own);
      assert.equal(server.confdUrl, `https://127.0.0.1:${own.port}/api/confd/1.1`);
      assert.equal(server.authUrl, `https://127.0.0.1:${main.port}/api/auth/0.1`);
      assert.deepEqual((await handshake(own.port, own.certPem)).chain, [own.fingerprint256], 'the confd port presents its own certificate');
      assert.equal((await handshake(main.port, own.certPem)).error, 'DEPTH_ZERO_SELF_SIGNED_CERT', "the auth port's is another one");

      const token = tokenOf(await wireRequest(loginRequest(main.port, main.certPem)));
      const users = await wireRequest({port: own.port, ca: own.certPem, path: '/api/confd/1.1/users?limit=1', headers: {'x-auth-token': token}});
      assert.equal(users.status, 200);
      const wrongPort = await wireRequest({port: main.port, ca: main.certPem, path: '/api/confd/1.1/users', headers: {'x-auth-token': token}});
      assert.equal(wrongPort.status, 404, 'the auth port does not serve confd');
      assert.equal((await wireRequest({...loginRequest(own.port, own.certPem)})).status, 404, 'the confd port does not serve auth');
      assert.deepEqual(
        server.requests.map((request) => request.port),
        [main.port, own.port, main.port, own.port],
      );
    } finally {
      await server.close();
    }
  });

  test('auth-down refuses connections to wazo-auth after a login, confd still answers, and it comes back', async () => {
    const server = await startDemoServer({users: 10, lines: 10, splitConfd: {}});
    try {
      const [main, own] = server.endpoints as [(typeof server.endpoints)[0], (typeof server.endpoints)[0]];
      await server.setFaults([{fault: {kind: 'auth-down'}, after: 1}]);
      assert.deepEqual(server.faults, [{fault: {kind: 'auth-down', mode: 'refused'}, after: 1}], 'refused is the default when split');
      const token = tokenOf(await wireRequest(loginRequest(main.port, main.certPem)));
      const renewal = await wireRequest(loginRequest(main.port, main.certPem));
      assert.equal(renewal.errorCode, 'ECONNRESET', 'the request that brings it down is reset');
      assert.equal((await wireRequest(loginRequest(main.port, main.certPem))).errorCode, 'ECONNREFUSED');
      const users = await wireRequest({port: own.port, ca: own.certPem, path: '/api/confd/1.1/users?limit=1', headers: {'x-auth-token': token}});
      assert.equal(users.status, 200, 'confd still answers');

      await server.setFault({kind: 'none'});
      assert.equal((await wireRequest(loginRequest(main.port, main.certPem))).status, 200, 'wazo-auth listens again, on the same port');
      await server.setFault({kind: 'auth-down'});
      assert.equal((await wireRequest(loginRequest(main.port, main.certPem))).errorCode, 'ECONNREFUSED', 'without after, down at once');
    } finally {
      await server.close();
    }
  });

  test('refusing auth connections needs confd on its own port', async () => {
    const server = await startDemoServer({users: 5, lines: 5});
    try {
      await assert.rejects(server.setFault({kind: 'auth-down', mode: 'refused'}), /needs wazo-confd on a port of its own/);
    } finally {
      await server.close();
    }
    await assert.rejects(startDemoServer({users: 5, lines: 5, faults: [{fault: {kind: 'auth-down', mode: 'refused'}}]}), /port of its own/);
  });
});

describe('demo server certificate modes', () => {
  test('ca: a leaf for 127.0.0.1 issued by a CA, sent without the CA; both ports share the CA', async () => {
    const server = await startDemoServer({users: 5, lines: 5, certificates: 'ca', splitConfd: {}});
    try {
      assert.equal(server.certificateMode, 'ca');
      const ca = server.authority!;
      const caX509 = new X509Certificate(ca.certPem);
      assert.equal(caX509.ca, true);
      for (const endpoint of server.endpoints) {
        const leaf = new X509Certificate(endpoint.certPem);
        assert.ok(leaf.verify(caX509.publicKey), 'issued by the CA');
        assert.equal(leaf.verify(leaf.publicKey), false, 'not self-signed');
        assert.notEqual(endpoint.fingerprint256, ca.fingerprint256);
        assert.deepEqual(await handshake(endpoint.port, ca.certPem), {authorized: true, chain: [endpoint.fingerprint256, ca.fingerprint256]});
        const alone = await handshake(endpoint.port);
        assert.equal(alone.error, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'without the CA file, the CA is unknown');
        assert.deepEqual(alone.chain, [endpoint.fingerprint256], 'only the leaf is sent');
      }
      const login = await wireRequest({...loginRequest(server.port, ca.certPem)});
      assert.equal(login.status, 200, 'the CA file alone is enough to log in');
    } finally {
      await server.close();
    }
  });

  test('ca-chain sends the CA after the leaf; a given CA signs the leaves', async () => {
    const authority = generateCertificate({commonName: 'Given CA', isCA: true, altNames: []});
    const server = await startDemoServer({users: 5, lines: 5, certificates: 'ca-chain', certificateAuthority: authority});
    try {
      assert.equal(server.authority?.fingerprint256, authority.fingerprint256);
      const seen = await handshake(server.port);
      assert.equal(seen.error, 'SELF_SIGNED_CERT_IN_CHAIN');
      assert.deepEqual(seen.chain, [server.fingerprint256, authority.fingerprint256]);
      assert.equal(new X509Certificate(server.certPem).issuer, 'CN=Given CA');
    } finally {
      await server.close();
    }
  });

  test('expired and not-yet-valid certificates fail on time even when trusted', async () => {
    for (const [mode, code] of [['expired', 'CERT_HAS_EXPIRED'], ['not-yet-valid', 'CERT_NOT_YET_VALID']] as const) {
      const server = await startDemoServer({users: 5, lines: 5, certificates: mode});
      try {
        assert.equal(server.authority, undefined);
        assert.equal((await handshake(server.port, server.certPem)).error, code, mode);
      } finally {
        await server.close();
      }
    }
  });
});
