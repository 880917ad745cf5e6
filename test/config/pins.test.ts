import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
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

  it('makes a directory that already exists 0700 and an existing pins file 0600', () => {
    const dir = join(scratch, 'existing');
    mkdirSync(dir, {mode: 0o755});
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'pins.json'), JSON.stringify({pins: {'a:1': pin('a:1', certA)}}), {mode: 0o644});
    chmodSync(join(dir, 'pins.json'), 0o644);
    const store = new PinStore(dir);
    assert.equal(mode(dir), 0o700);
    assert.equal(mode(join(dir, 'pins.json')), 0o600, 'before any write');
    store.set(pin('b:2', certB));
    assert.equal(mode(join(dir, 'pins.json')), 0o600, 'after the atomic write');
  });

  it('lists and removes pins, and says whether there was one to remove', () => {
    const dir = join(scratch, 'remove');
    const store = new PinStore(dir);
    store.set(pin('b:2', certB));
    store.set(pin('a:1', certA));
    assert.deepEqual(store.list().map((each) => each.hostPort), ['a:1', 'b:2']);
    assert.equal(store.remove('a:1'), true);
    assert.equal(store.remove('a:1'), false);
    assert.deepEqual(pinnedHostPorts(dir), ['b:2']);
  });

  it('keeps the pins another instance wrote after this one opened the file', () => {
    const dir = join(scratch, 'two-stores');
    const first = new PinStore(dir);
    const second = new PinStore(dir);
    first.set(pin('a:1', certA));
    second.set(pin('b:2', certB));
    assert.deepEqual(pinnedHostPorts(dir), ['a:1', 'b:2']);
    assert.equal(first.get('b:2')?.fingerprint256, certB.fingerprint256, 'read from the file, not from a copy');
    second.remove('a:1');
    assert.equal(first.get('a:1'), undefined);
  });

  it('two processes pinning at the same time lose none of each other\'s pins', async () => {
    const dir = join(scratch, 'two-processes');
    new PinStore(dir);
    const pems = join(scratch, 'pems.json');
    writeFileSync(pems, JSON.stringify([certA, certB].map((cert) => ({pem: cert.certPem, fingerprint256: cert.fingerprint256}))));
    const storeModule = new URL('../../source/config/pins.ts', import.meta.url).href;
    const writer = (name: string) => `
      import {readFileSync} from 'node:fs';
      const {PinStore} = await import(${JSON.stringify(storeModule)});
      const certs = JSON.parse(readFileSync(${JSON.stringify(pems)}, 'utf8'));
      const store = new PinStore(${JSON.stringify(dir)});
      for (let i = 0; i < 25; i++) store.set({hostPort: '${name}' + i + ':443', ...certs[i % 2], trustedAt: new Date().toISOString()});
    `;
    const run = (name: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer(name)], {stdio: 'inherit'});
        child.on('exit', resolve);
      });
    assert.deepEqual(await Promise.all([run('a'), run('b')]), [0, 0]);
    const hosts = pinnedHostPorts(dir);
    assert.equal(hosts.length, 50, `every pin of both writers is on disk: ${hosts.join(' ')}`);
    assert.equal(existsSync(join(dir, 'pins.json.lock')), false, 'the lock is gone');
  });

  it('takes over a lock left by a process that died, and waits for nothing', () => {
    const dir = join(scratch, 'stale-lock');
    const store = new PinStore(dir);
    writeFileSync(join(dir, 'pins.json.lock'), '999999999');
    store.set(pin('a:1', certA));
    assert.deepEqual(pinnedHostPorts(dir), ['a:1']);
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
      assert.match(String((() => { try { new PinStore(dir); } catch (error) { return (error as Error).message; } })()), /nothing connects until it is fixed/);
      assert.deepEqual(readdirSync(dir), ['pins.json'], 'not moved, no copy, no lock left');
    });
  }
});
