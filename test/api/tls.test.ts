import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {get as httpsGet} from 'node:https';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import got from 'got';
import {createClient} from '../../source/api/client.js';
import type {TrustPolicy, WazoClient} from '../../source/api/contract.js';
import {isApiError, UsageError} from '../../source/api/errors.js';
import {parseServer} from '../../source/api/target.js';
import {createAgent} from '../../source/api/tls/agent.js';
import {caBundleFor, checkCaFiles, defaultCaBundle} from '../../source/api/tls/ca-bundle.js';
import {fingerprintOf} from '../../source/api/tls/fingerprint.js';
import {probeCertificate} from '../../source/api/tls/probe.js';
import {CertificateError} from '../../source/api/tls/trust-errors.js';
import {trustDecision} from '../../source/text/trust-choices.js';
import type {Pin} from '../../source/api/tls/types.js';
import {generateCertificate, type GeneratedCertificate} from '../../source/demo/certificate.js';
import {startRecordingServer, type RecordingServer, type ServerIdentity} from './helpers/recording-server.js';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const PASSWORD = 'hunter2-secret';

let selfA: GeneratedCertificate;
let selfB: GeneratedCertificate;
let ca: GeneratedCertificate;
let caLeafIp: GeneratedCertificate;
let caLeafOther: GeneratedCertificate;
let expiredSelf: GeneratedCertificate;
let expiredCaLeaf: GeneratedCertificate;
let futureSelf: GeneratedCertificate;
let scratch: string;
let caFile: string;

before(() => {
  selfA = generateCertificate();
  selfB = generateCertificate();
  ca = generateCertificate({commonName: 'Test CA', altNames: [], isCA: true});
  caLeafIp = generateCertificate({commonName: 'pbx', altNames: [{ip: '127.0.0.1'}, {dns: 'localhost'}], issuer: ca});
  caLeafOther = generateCertificate({commonName: 'other.test', altNames: [{dns: 'other.test'}], issuer: ca});
  expiredSelf = generateCertificate({notBefore: new Date(Date.now() - 3 * YEAR_MS), notAfter: new Date(Date.now() - 2 * YEAR_MS)});
  expiredCaLeaf = generateCertificate({
    altNames: [{ip: '127.0.0.1'}],
    issuer: ca,
    notBefore: new Date(Date.now() - 3 * YEAR_MS),
    notAfter: new Date(Date.now() - 2 * YEAR_MS),
  });
  futureSelf = generateCertificate({notBefore: new Date(Date.now() + YEAR_MS), notAfter: new Date(Date.now() + 2 * YEAR_MS)});
  scratch = mkdtempSync(join(tmpdir(), 'wazo-tui-tls-'));
  caFile = join(scratch, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
});

after(() => rmSync(scratch, {recursive: true, force: true}));

function pinOf(certificate: GeneratedCertificate, hostPort: string): Pin {
  return {hostPort, pem: certificate.certPem, fingerprint256: certificate.fingerprint256, trustedAt: new Date().toISOString()};
}

/** Run `body` with a server showing `identity` and a client of it; both are closed afterwards. */
async function withServer(
  identity: ServerIdentity,
  trust: (hostPort: string) => TrustPolicy,
  body: (server: RecordingServer, client: WazoClient) => Promise<void>,
): Promise<void> {
  const server = await startRecordingServer(identity);
  const target = parseServer(`127.0.0.1:${server.port}`);
  const client = createClient(target, trust(target.hostPort), {timeoutMs: 5000});
  try {
    await body(server, client);
  } finally {
    client.close();
    await server.close();
  }
}

async function certificateFailure(promise: Promise<unknown>): Promise<CertificateError> {
  const error = await promise.then(
    () => assert.fail('the request should have been refused'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof CertificateError, `expected a CertificateError, got ${String(error)}`);
  return error;
}

const login = (client: WazoClient) => client.auth.createToken({username: 'admin', password: PASSWORD, expiration: 60});

describe('TLS trust: nothing is sent to an untrusted server', () => {
  it('refuses an untrusted self-signed certificate, sends zero bytes, and offers trust', async () => {
    await withServer(selfA, () => ({}), async (server, client) => {
      const error = await certificateFailure(login(client));
      assert.equal(error.kind, 'cert-untrusted');
      assert.equal(error.problem, 'self-signed');
      assert.equal(error.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      assert.equal(error.certificate.fingerprint256, selfA.fingerprint256);
      assert.equal(error.certificate.selfSigned, true);
      assert.equal(error.pinned, undefined);
      assert.deepEqual(trustDecision(error), {canTrust: true, canTrustOnce: true, mustTypeReplace: false});
      assert.ok(!error.message.includes(PASSWORD));
      await server.settled();
      assert.equal(server.bytes(), 0);
      assert.deepEqual(server.requests(), []);
    });
  });

  it('accepts the pinned certificate although its name (localhost) does not match 127.0.0.1', async () => {
    await withServer(selfA, (hostPort) => ({pin: pinOf(selfA, hostPort)}), async (server, client) => {
      const infos = await client.confd.infos({token: 'tok'});
      assert.equal(infos.wazo_version, '25.01');
      assert.ok(server.bytes() > 0);
      assert.deepEqual(server.requests(), ['GET /api/confd/1.1/infos']);
    });
  });

  it('reports a changed certificate loudly with both fingerprints, and sends zero bytes', async () => {
    await withServer(selfB, (hostPort) => ({pin: pinOf(selfA, hostPort)}), async (server, client) => {
      const error = await certificateFailure(login(client));
      assert.equal(error.kind, 'cert-changed');
      assert.match(error.message, /HAS CHANGED/);
      assert.ok(error.message.includes(selfA.fingerprint256));
      assert.ok(error.message.includes(selfB.fingerprint256));
      assert.equal(error.pinned?.fingerprint256, selfA.fingerprint256);
      assert.equal(error.certificate.fingerprint256, selfB.fingerprint256);
      assert.deepEqual(trustDecision(error), {canTrust: false, canTrustOnce: false, mustTypeReplace: true});
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('refuses an expired self-signed certificate with its date, and offers nothing', async () => {
    await withServer(expiredSelf, () => ({}), async (server, client) => {
      const error = await certificateFailure(client.confd.infos({token: 'tok'}));
      assert.equal(error.kind, 'cert-expired');
      assert.equal(error.problem, 'expired');
      assert.ok(error.message.includes(expiredSelf.fingerprint256) === false);
      assert.match(error.message, /expired on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
      assert.deepEqual(trustDecision(error), {canTrust: false, canTrustOnce: false, mustTypeReplace: false});
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('refuses an expired certificate even when it is the pinned one', async () => {
    await withServer(expiredSelf, (hostPort) => ({pin: pinOf(expiredSelf, hostPort)}), async (server, client) => {
      const error = await certificateFailure(client.confd.infos({token: 'tok'}));
      assert.equal(error.kind, 'cert-expired');
      assert.equal(error.code, 'CERT_HAS_EXPIRED');
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('refuses an expired certificate from a trusted CA (CERT_HAS_EXPIRED)', async () => {
    await withServer({...expiredCaLeaf, chainPems: [ca.certPem]}, () => ({caFiles: [caFile]}), async (server, client) => {
      const error = await certificateFailure(client.confd.infos({token: 'tok'}));
      assert.equal(error.kind, 'cert-expired');
      assert.equal(error.code, 'CERT_HAS_EXPIRED');
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('refuses a certificate that is not valid yet, pointing at the clocks', async () => {
    await withServer(futureSelf, () => ({}), async (server, client) => {
      const error = await certificateFailure(client.confd.infos({token: 'tok'}));
      assert.equal(error.kind, 'cert-expired');
      assert.equal(error.problem, 'not-yet-valid');
      assert.match(error.hint ?? '', /clock/);
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('accepts a pinned leaf that an unknown CA issued, sent alone or with its CA (partial-chain trust)', async () => {
    for (const identity of [caLeafIp, {...caLeafIp, chainPems: [ca.certPem]}]) {
      await withServer(identity, (hostPort) => ({pin: pinOf(caLeafIp, hostPort)}), async (server, client) => {
        const infos = await client.confd.infos({token: 'tok'});
        assert.equal(infos.wazo_version, '25.01');
        assert.deepEqual(server.requests(), ['GET /api/confd/1.1/infos']);
      });
    }
  });

  it('refuses another leaf of the same CA when one of its leaves is pinned, and sends zero bytes', async () => {
    const sibling = generateCertificate({commonName: 'pbx', altNames: [{ip: '127.0.0.1'}], issuer: ca});
    await withServer({...sibling, chainPems: [ca.certPem]}, (hostPort) => ({pin: pinOf(caLeafIp, hostPort)}), async (server, client) => {
      const error = await certificateFailure(login(client));
      assert.equal(error.kind, 'cert-changed');
      assert.equal(error.certificate.fingerprint256, sibling.fingerprint256);
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('does not let a pinned CA:TRUE certificate vouch for a leaf it signed', async () => {
    await withServer({...caLeafIp, chainPems: [ca.certPem]}, (hostPort) => ({pin: pinOf(ca, hostPort)}), async (server, client) => {
      const error = await certificateFailure(login(client));
      assert.equal(error.code, 'ERR_CERT_PIN_MISMATCH');
      assert.equal(error.kind, 'cert-changed');
      assert.equal(error.certificate.fingerprint256, caLeafIp.fingerprint256);
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('does not accept a CA-valid replacement when a pin exists, even with that CA in caFiles', async () => {
    await withServer(caLeafIp, (hostPort) => ({pin: pinOf(selfA, hostPort), caFiles: [caFile]}), async (server, client) => {
      const error = await certificateFailure(login(client));
      assert.equal(error.kind, 'cert-changed');
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('trusts a server whose CA is given in caFiles, with no pin', async () => {
    await withServer(caLeafIp, () => ({caFiles: [caFile]}), async (server, client) => {
      const infos = await client.confd.infos({token: 'tok'});
      assert.equal(infos.uuid, '5d5b2d3c-2d5c-4bd5-9e47-7f3e0f2b0c11');
      assert.ok(server.bytes() > 0);
    });
  });

  it('refuses a CA-valid certificate issued for another name, and says the name does not match', async () => {
    await withServer(caLeafOther, () => ({caFiles: [caFile]}), async (server, client) => {
      const error = await certificateFailure(login(client));
      assert.equal(error.kind, 'cert-untrusted');
      assert.equal(error.problem, 'name-mismatch');
      assert.equal(error.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
      assert.equal(error.certificate.nameMatches, false);
      assert.match(error.message, /DNS:other\.test/);
      assert.equal(trustDecision(error).canTrust, true);
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('calls a certificate from an unknown CA untrusted and suggests --ca-file', async () => {
    await withServer({...caLeafIp, chainPems: [ca.certPem]}, () => ({}), async (server, client) => {
      const error = await certificateFailure(login(client));
      assert.equal(error.kind, 'cert-untrusted');
      assert.equal(error.problem, 'unknown-ca');
      assert.equal(error.code, 'SELF_SIGNED_CERT_IN_CHAIN');
      assert.match(error.hint ?? '', /--ca-file/);
      await server.settled();
      assert.equal(server.bytes(), 0);
    });
  });

  it('checks the new policy on a new connection after setTrust, even while a keep-alive socket is open', async () => {
    await withServer(selfA, (hostPort) => ({pin: pinOf(selfA, hostPort)}), async (server, client) => {
      await client.confd.infos({token: 'tok'});
      await client.confd.infos({token: 'tok'});
      assert.equal(server.connections(), 1, 'the two requests share one keep-alive connection');
      const bytesBefore = server.bytes();

      client.setTrust(client.target.hostPort, {pin: pinOf(selfB, client.target.hostPort)});
      const error = await certificateFailure(client.confd.infos({token: 'tok'}));
      assert.equal(error.kind, 'cert-changed');
      await server.settled();
      assert.equal(server.bytes(), bytesBefore, 'nothing went out on the old connection');
      assert.equal(server.requests().length, 2);
      assert.equal(client.trustOf(client.target.hostPort).pin?.fingerprint256, selfB.fingerprint256);

      client.setTrust(client.target.hostPort, {pin: pinOf(selfA, client.target.hostPort)});
      await client.confd.infos({token: 'tok'});
      assert.equal(server.requests().length, 3);
    });
  });

  it('puts the policy on the agent, so a per-request rejectUnauthorized:false cannot weaken it', async () => {
    const server = await startRecordingServer(selfA);
    const agent = createAgent({}, defaultCaBundle({}, []));
    try {
      await assert.rejects(
        got(`https://127.0.0.1:${server.port}/api/confd/1.1/infos`, {
          agent: {https: agent},
          https: {rejectUnauthorized: false},
          retry: {limit: 0},
        }),
        (error: unknown) => (error as {code?: string}).code === 'DEPTH_ZERO_SELF_SIGNED_CERT',
      );
      await server.settled();
      assert.equal(server.bytes(), 0);
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it('refuses a pin whose fingerprint is not its certificate', () => {
    assert.throws(() => createAgent({pin: {...pinOf(selfA, 'x:1'), fingerprint256: selfB.fingerprint256}}, []), /inconsistent/);
  });
});

describe('probeCertificate', () => {
  it('reports every field of a self-signed certificate and sends zero bytes', async () => {
    const server = await startRecordingServer(selfA);
    try {
      const info = await probeCertificate('127.0.0.1', server.port, {timeoutMs: 5000});
      assert.equal(info.hostPort, `127.0.0.1:${server.port}`);
      assert.equal(info.subjectCN, 'localhost');
      assert.equal(info.subject, 'CN=localhost');
      assert.equal(info.issuerCN, 'localhost');
      assert.deepEqual(info.sans, ['DNS:localhost']);
      assert.equal(info.fingerprint256, selfA.fingerprint256);
      assert.equal(fingerprintOf(info.pem), selfA.fingerprint256);
      assert.equal(info.selfSigned, true);
      assert.equal(info.nameMatches, false);
      assert.equal(info.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      assert.match(info.serial, /^[\dA-F]+$/);
      assert.ok(info.validFrom.getTime() < Date.now() && info.validTo.getTime() > Date.now());
      await server.settled();
      assert.equal(server.connections(), 1);
      assert.equal(server.bytes(), 0);
    } finally {
      await server.close();
    }
  });

  it('reports a CA-signed certificate whose names cover the address', async () => {
    const server = await startRecordingServer({...caLeafIp, chainPems: [ca.certPem]});
    try {
      const info = await probeCertificate('127.0.0.1', server.port, {ca: [ca.certPem]});
      assert.equal(info.selfSigned, false);
      assert.equal(info.nameMatches, true);
      assert.equal(info.issuerCN, 'Test CA');
      assert.deepEqual(info.sans, ['IP Address:127.0.0.1', 'DNS:localhost']);
      assert.equal(info.authorizationError, undefined);
      await server.settled();
      assert.equal(server.bytes(), 0);
    } finally {
      await server.close();
    }
  });

  it('maps a closed port to unreachable and an aborted probe to cancelled', async () => {
    const server = await startRecordingServer(selfA);
    const port = server.port;
    await server.close();
    await assert.rejects(probeCertificate('127.0.0.1', port, {timeoutMs: 5000}), (error: unknown) => isApiError(error, 'unreachable'));
    await assert.rejects(probeCertificate('127.0.0.1', port, {signal: AbortSignal.abort()}), (error: unknown) =>
      isApiError(error, 'cancelled'),
    );
  });
});

describe('CA bundle', () => {
  it('honours NODE_EXTRA_CA_CERTS: an agent built on that bundle trusts the CA', async () => {
    const withExtra = defaultCaBundle({NODE_EXTRA_CA_CERTS: caFile}, []);
    const without = defaultCaBundle({}, []);
    assert.equal(withExtra.length, without.length + 1);
    assert.ok(withExtra.includes(ca.certPem.trim()) || withExtra.some((pem) => fingerprintOf(pem) === ca.fingerprint256));

    const server = await startRecordingServer(caLeafIp);
    const agent = createAgent({}, withExtra);
    try {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        httpsGet({host: '127.0.0.1', port: server.port, path: '/api/confd/1.1/infos', agent}, (response) => {
          response.resume();
          resolve(response.statusCode);
        }).on('error', reject);
      });
      assert.equal(status, 200);
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it('reads the system bundle, and an unreadable NODE_EXTRA_CA_CERTS is ignored as Node does', () => {
    const system = join(scratch, 'system.pem');
    writeFileSync(system, `${ca.certPem}\n${caLeafIp.certPem}`);
    const base = defaultCaBundle({}, []).length;
    assert.equal(defaultCaBundle({}, [join(scratch, 'absent.pem'), system]).length, base + 2);
    assert.equal(defaultCaBundle({NODE_EXTRA_CA_CERTS: join(scratch, 'absent.pem')}, []).length, base);
  });

  it('adds --ca-file certificates once, even when given twice', () => {
    const base = caBundleFor().length;
    assert.equal(caBundleFor([caFile, caFile]).length, base + 1);
  });

  it('names a missing CA file, and a file without a certificate', () => {
    const missing = join(scratch, 'missing.pem');
    assert.throws(
      () => caBundleFor([missing]),
      (error: unknown) => error instanceof UsageError && error.message.includes(missing) && /no such file/.test(error.message),
    );
    const empty = join(scratch, 'empty.pem');
    writeFileSync(empty, 'not a certificate\n');
    assert.throws(
      () => caBundleFor([empty]),
      (error: unknown) => error instanceof UsageError && error.message.includes(empty) && /no certificate/.test(error.message),
    );
    const broken = join(scratch, 'broken.pem');
    writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    assert.throws(() => caBundleFor([broken]), (error: unknown) => error instanceof UsageError && /damaged/.test(error.message));
    // With a pin the bundle is not built, and the files are still checked.
    for (const file of [missing, empty, broken]) assert.throws(() => checkCaFiles([file]), (error: unknown) => error instanceof UsageError && error.message.includes(file));
    assert.doesNotThrow(() => checkCaFiles([caFile]));
  });

  it('makes createClient fail clearly on a missing --ca-file', () => {
    const missing = join(scratch, 'nope.pem');
    assert.throws(() => createClient(parseServer('127.0.0.1:1'), {caFiles: [missing]}), (error: unknown) => {
      return error instanceof UsageError && error.message.includes(missing);
    });
  });
});
