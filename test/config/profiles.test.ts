import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {ConfigFileError} from '../../source/config/errors.js';
import {ProfileStore} from '../../source/config/profiles.js';

let scratch: string;
let count = 0;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'wazo-tui-profiles-'));
});
after(() => rmSync(scratch, {recursive: true, force: true}));

/** A fresh config directory, optionally with a profiles.yaml holding `text`. */
function dirWith(text?: string, name = 'profiles.yaml'): string {
  const dir = join(scratch, `d${count++}`);
  mkdirSync(dir);
  if (text !== undefined) writeFileSync(join(dir, name), text, {mode: 0o600});
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('ProfileStore: create, edit, remove', () => {
  it('creates named profiles in a documented 0600 YAML file that reopens the same', () => {
    const dir = dirWith();
    const store = new ProfileStore(dir);
    store.add('prod', {server: 'pbx.example.com', username: 'admin', caFiles: ['/etc/corp.pem'], tenant: 'Acme', collection: 'lines', expiration: 600});
    store.add('lab', {server: '10.0.0.5:8443', authUrl: 'https://10.0.0.6/api/auth/0.1'});
    const text = readFileSync(store.file, 'utf8');
    assert.match(text, /^# wazo-tui profiles/m, 'the file says what it is');
    assert.match(text, /^ {2}prod:\n {4}server: pbx\.example\.com$/m, 'block YAML, one key a line');
    assert.equal(mode(store.file), 0o600);
    assert.equal(mode(dir), 0o700);
    const reopened = new ProfileStore(dir);
    assert.deepEqual(reopened.get('prod'), {name: 'prod', server: 'pbx.example.com', username: 'admin', caFiles: ['/etc/corp.pem'], tenant: 'Acme', collection: 'lines', expiration: 600});
    assert.deepEqual(reopened.list().map((profile) => profile.name), ['lab', 'prod']);
    assert.deepEqual(reopened.notices, []);
  });

  it('refuses a taken name, a malformed name, and a value the file would refuse, writing nothing', () => {
    const dir = dirWith();
    const store = new ProfileStore(dir);
    store.add('prod', {server: 'pbx'});
    const before = readFileSync(store.file, 'utf8');
    assert.throws(() => store.add('prod', {server: 'other'}), (error) => error instanceof ConfigFileError && /exists already/.test(error.message));
    assert.throws(() => store.add('-x', {server: 'other'}), /profile name is letters/);
    assert.throws(() => store.add('web', {server: 'http://pbx'}), /Not saved: profiles\.web\.server: http:\/\/ is refused/);
    assert.equal(readFileSync(store.file, 'utf8'), before);
  });

  it('edit sets and clears keys (a remembered --auth-url or --ca-file can be dropped) and keeps the user’s comments', () => {
    const dir = dirWith(
      ['# my servers', 'profiles:', '  prod:  # the big one', '    server: pbx', '    authUrl: https://auth.pbx/api/auth/0.1', '    caFiles: [/a.pem]', ''].join('\n'),
    );
    const store = new ProfileStore(dir);
    const edited = store.edit('prod', {username: 'root'}, ['authUrl', 'caFiles']);
    assert.deepEqual(edited, {name: 'prod', server: 'pbx', username: 'root'});
    const text = readFileSync(store.file, 'utf8');
    assert.match(text, /^# my servers$/m);
    assert.match(text, /prod:\n\s*# the big one\n/, 'the comment stays with its profile');
    assert.doesNotMatch(text, /authUrl|caFiles/);
    assert.throws(() => store.edit('nope', {username: 'x'}, []), /No profile named nope/);
  });

  it('remove drops the profile and `current` when it named it', () => {
    const dir = dirWith();
    const store = new ProfileStore(dir);
    store.remember({server: 'pbx', username: 'admin', expiration: 60});
    assert.equal(store.current()?.name, 'pbx');
    assert.equal(store.remove('pbx'), true);
    assert.equal(store.remove('pbx'), false);
    assert.equal(store.current(), undefined);
    assert.doesNotMatch(readFileSync(store.file, 'utf8'), /^current:/m);
  });

  it('a login updates the chosen profile, or the one of its server, or creates one named after the server', () => {
    const dir = dirWith();
    const store = new ProfileStore(dir);
    store.add('a', {server: 'pbx:8443'});
    store.add('b', {server: 'pbx:8443', username: 'other', tenant: 'Sub'});
    assert.equal(store.remember({name: 'b', server: 'pbx:8443', username: 'bob', expiration: 60}), 'b');
    assert.equal(store.get('b')?.username, 'bob');
    assert.equal(store.get('b')?.tenant, 'Sub', 'what the login does not set is kept');
    assert.equal(store.remember({name: 'b', server: 'elsewhere', username: 'x'}), 'elsewhere', 'a profile of another server is not overwritten');
    assert.equal(store.remember({server: 'https://[::1]:9000', username: 'x'}), '1-9000');
    assert.equal(store.current()?.name, '1-9000');
    assert.equal(store.forServer('pbx:8443', 'b')?.name, 'b');
    assert.doesNotMatch(readFileSync(store.file, 'utf8'), /password:|token:/);
  });

  it('two stores open at once keep each other’s changes (re-read under the lock)', () => {
    const dir = dirWith();
    const first = new ProfileStore(dir);
    const second = new ProfileStore(dir);
    first.add('a', {server: 'a'});
    second.add('b', {server: 'b'});
    first.edit('a', {username: 'u'}, []);
    assert.deepEqual(new ProfileStore(dir).list().map((profile) => profile.name).sort(), ['a', 'b']);
  });

  it('reads a JSON document too (JSON is YAML), and makes a world-readable file 0600', () => {
    const dir = dirWith(JSON.stringify({current: 'x', profiles: {x: {server: 'pbx', expiration: 90}}, preferences: {tabCycle: ['lines', 'users']}}));
    chmodSync(join(dir, 'profiles.yaml'), 0o644);
    const store = new ProfileStore(dir);
    assert.equal(mode(store.file), 0o600);
    assert.equal(store.current()?.expiration, 90);
    assert.deepEqual(store.preferences().tabCycle, ['lines', 'users']);
  });
});

describe('ProfileStore: a broken file', () => {
  for (const [what, text, message] of [
    ['an unknown key', 'profiles:\n  prod:\n    server: pbx\n    expiraton: 5\n', /line 4: profiles\.prod\.expiraton is not a known key \(known: server, username/],
    ['a wrong value', 'profiles:\n  prod:\n    server: pbx\n    expiration: -1\n', /line 4: profiles\.prod\.expiration: /],
    ['a refused address', 'profiles:\n  prod:\n    server: http://pbx\n', /line 3: profiles\.prod\.server: http:\/\/ is refused/],
    ['a bad name', 'profiles:\n  "a b":\n    server: pbx\n', /line 2: profiles\.a b: a profile name is/],
    ['a current that names nothing', 'current: gone\nprofiles:\n  prod: {server: pbx}\n', /line 1: current: names no profile/],
    ['broken YAML', 'profiles:\n  prod:\n    server: pbx\n   bad: [\n', /line 4: not valid YAML/],
    ['an unknown preference', 'preferences:\n  tabcycle: [users]\n', /line 2: preferences\.tabcycle is not a known key \(known: tabCycle\)/],
    ['a collection that does not exist', 'preferences:\n  tabCycle: [users, phones]\n', /line 2: preferences\.tabCycle\.1: /],
  ] as const) {
    it(`${what}: moved aside with a message naming the file and the line; the store starts empty`, () => {
      const dir = dirWith(text);
      const store = new ProfileStore(dir);
      assert.deepEqual(store.list(), []);
      const [notice] = store.notices;
      assert.ok(notice?.includes(join(dir, 'profiles.yaml')), notice);
      assert.match(notice ?? '', message);
      const aside = readdirSync(dir).find((name) => name.startsWith('profiles.yaml.broken-'));
      assert.ok(aside, `moved aside: ${readdirSync(dir).join(' ')}`);
      assert.ok(notice?.includes(aside), 'the message names where it went');
      assert.equal(readFileSync(join(dir, aside), 'utf8'), text, 'kept as it was');
      assert.equal(existsSync(join(dir, 'profiles.yaml')), false);
      store.add('fresh', {server: 'pbx'});
      assert.equal(new ProfileStore(dir).get('fresh')?.server, 'pbx', 'and a new file works');
    });
  }

  it('read-only (script commands): a broken file is reported and left where it is', () => {
    const text = 'profiles: [\n';
    const dir = dirWith(text);
    const store = new ProfileStore(dir, {readOnly: true});
    assert.match(store.notices[0] ?? '', /is not used \(line \d: not valid YAML.*left as it is/);
    assert.deepEqual(readdirSync(dir), ['profiles.yaml']);
    assert.throws(() => store.remember({server: 'x', username: 'y'}), /read-only/);
  });
});

describe('ProfileStore: migration from profiles.json', () => {
  const old = {
    profiles: {
      '10.0.0.5:8443': {server: '10.0.0.5:8443', username: 'admin', expiration: 600, caFiles: ['/ca.pem'], lastUsed: '2026-01-01T00:00:00.000Z'},
      'pbx.example.com': {server: 'pbx.example.com', username: 'root', authUrl: 'https://auth.example.com/api/auth/0.1', lastUsed: '2026-02-01T00:00:00.000Z'},
    },
    last: 'pbx.example.com',
  };

  it('names each server’s profile after it, keeps every field, makes the last one current, and keeps the old file aside', () => {
    const dir = dirWith(JSON.stringify(old), 'profiles.json');
    const store = new ProfileStore(dir);
    assert.deepEqual(store.get('10.0.0.5-8443'), {name: '10.0.0.5-8443', ...old.profiles['10.0.0.5:8443']});
    assert.equal(store.current()?.name, 'pbx.example.com');
    assert.equal(store.current()?.authUrl, 'https://auth.example.com/api/auth/0.1');
    assert.match(store.notices[0] ?? '', /Profiles moved from .*profiles\.json to .*profiles\.yaml \(10\.0\.0\.5-8443, pbx\.example\.com\)/);
    assert.deepEqual(readdirSync(dir).sort(), ['profiles.json.migrated', 'profiles.yaml']);
    assert.deepEqual(new ProfileStore(dir).notices, [], 'once');
  });

  it('read-only: the old file is read as it is, and nothing is written', () => {
    const dir = dirWith(JSON.stringify(old), 'profiles.json');
    const store = new ProfileStore(dir, {readOnly: true});
    assert.equal(store.current()?.username, 'root');
    assert.deepEqual(readdirSync(dir), ['profiles.json']);
  });

  it('a damaged old file is moved aside with a message, and the store starts empty', () => {
    const dir = dirWith('{"profiles": {', 'profiles.json');
    const store = new ProfileStore(dir);
    assert.deepEqual(store.list(), []);
    assert.match(store.notices[0] ?? '', /profiles\.json could not be read \(not valid JSON\): it was moved to .*profiles\.json\.broken-/);
    assert.ok(readdirSync(dir).some((name) => name.startsWith('profiles.json.broken-')));
  });
});
