import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Pin} from '../../source/api/tls/types.js';
import {PinStore, PinStoreError} from '../../source/config/pins.js';
import {generateCertificate, type GeneratedCertificate} from '../../source/demo/certificate.js';
import {pinnedHostPorts} from './pins-on-disk.js';

let scratch: string;
let certA: GeneratedCertificate;
let certB: GeneratedCertificate;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'wazo-tui-pins-'));
  certA = generateCertificate();
  certB = generateCertificate();
});
after(() => rmSync(scratch, {recursive: true, force: true}));

const pin = (hostPort: string, cert: GeneratedCertificate): Pin => ({
  hostPort,
  pem: cert.certPem,
  fingerprint256: cert.fingerprint256,
  trustedAt: '2026-01-02T03:04:05.000Z',
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('PinStore', () => {
  it('stores pins by host:port (dots and brackets included) in a 0600 file inside a 0700 directory', () => {
    const dir = join(scratch, 'fresh', 'wazo-tui');
    const store = new PinStore(dir);
    assert.equal(mode(dir), 0o700);
    assert.equal(store.get('10.0.0.1:443'), undefined);

    store.set(pin('10.0.0.1:443', certA));
    store.set(pin('[::1]:8443', certB));
    assert.equal(store.file, join(dir, 'pins.json'));
    assert.equal(mode(store.file), 0o600);
    assert.equal(store.get('10.0.0.1:443')?.fingerprint256, certA.fingerprint256);
    assert.deepEqual(pinnedHostPorts(dir), ['10.0.0.1:443', '[::1]:8443']);

    const reopened = new PinStore(dir);
    assert.equal(reopened.get('[::1]:8443')?.pem, certB.certPem);

    reopened.set(pin('10.0.0.1:443', certB));
    assert.equal(reopened.get('10.0.0.1:443')?.fingerprint256, certB.fingerprint256);
    assert.equal(new PinStore(dir).get('10.0.0.1:443')?.fingerprint256, certB.fingerprint256, 'the replacement is on disk');
    assert.deepEqual(pinnedHostPorts(dir), ['10.0.0.1:443', '[::1]:8443']);
  });

  it('leaves the mode of a directory that already exists alone', () => {
    const dir = join(scratch, 'existing');
    mkdirSync(dir, {mode: 0o755});
    new PinStore(dir).set(pin('a:1', certA));
    assert.equal(mode(dir), 0o755);
    assert.equal(mode(join(dir, 'pins.json')), 0o600);
  });

  it('refuses a pin whose fingerprint is not its certificate', () => {
    const dir = join(scratch, 'mismatch');
    const store = new PinStore(dir);
    assert.throws(() => store.set({...pin('a:1', certA), fingerprint256: certB.fingerprint256}), /fingerprint/);
    assert.deepEqual(pinnedHostPorts(dir), []);
    assert.equal(store.get('a:1'), undefined);
  });

  for (const [what, content] of [
    ['not JSON', '{"pins": {"a:1": '],
    ['the wrong shape', '{"pins": {"a:1": {"hostPort": "a:1"}}}'],
    ['a fingerprint that does not match', ''],
  ] as const) {
    it(`refuses to open a damaged file (${what}), names it, says what to do, and never overwrites it`, () => {
      const dir = join(scratch, `corrupt-${what.replace(/\W+/g, '-')}`);
      mkdirSync(dir);
      const file = join(dir, 'pins.json');
      const text = content === '' ? JSON.stringify({pins: {'a:1': {...pin('a:1', certA), fingerprint256: certB.fingerprint256}}}) : content;
      writeFileSync(file, text);

      const isDamaged = (error: unknown) =>
        error instanceof PinStoreError && error.file === file && error.message.includes(file) && /move it away/.test(error.message);
      assert.throws(() => new PinStore(dir), isDamaged);
      assert.equal(readFileSync(file, 'utf8'), text);
    });
  }
});
