import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {checkProfile, openSettings} from '../../source/app/open-settings.js';
import {UsageError} from '../../source/api/errors.js';
import {ProfileStore} from '../../source/config/profiles.js';

test('the dashboard’s first look at the settings: a damaged pin store is named and left alone, a broken profiles file moved aside', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wazo-tui-settings-'));
  try {
    writeFileSync(join(dir, 'pins.json'), '{"pins": 3}');
    writeFileSync(join(dir, 'profiles.yaml'), 'profiles: [\n');
    const {profiles, notices} = openSettings(dir);
    assert.deepEqual(profiles.list(), []);
    assert.equal(notices.length, 2);
    assert.match(notices[0] ?? '', /profiles\.yaml could not be used \(line \d: not valid YAML/);
    assert.match(notices[1] ?? '', /The pin store .*pins\.json is damaged \(unexpected content at pins\)\. Nothing was changed and nothing connects until it is fixed/);
    assert.equal(readFileSync(join(dir, 'pins.json'), 'utf8'), '{"pins": 3}');
    assert.ok(readdirSync(dir).some((name) => name.startsWith('profiles.yaml.broken-')));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('-p with an unknown name is a usage error that lists the profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wazo-tui-settings-'));
  try {
    assert.throws(() => checkProfile(dir, 'prod'), (error) => error instanceof UsageError && /there are none yet/.test(error.message));
    new ProfileStore(dir).add('lab', {server: 'pbx'});
    assert.throws(() => checkProfile(dir, 'prod'), /no profile named prod \(profiles: lab\)/);
    checkProfile(dir, 'lab');
    writeFileSync(join(dir, 'profiles.yaml'), 'profiles: [\n');
    assert.throws(() => checkProfile(dir, 'lab'), /no profile named lab \(there are none yet.*\n.*profiles\.yaml is not used \(line \d: not valid YAML/);
    assert.deepEqual(readdirSync(dir), ['profiles.yaml'], 'only read: nothing moved');
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
