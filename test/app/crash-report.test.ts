/**
 * The crash report keeps what a bug report needs and masks what it must never carry: tokens
 * (UUIDs), credentials in headers, password or token fields.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {crashReportText, scrubSecrets, writeCrashReport} from '../../source/app/crash-report.js';

const TOKEN = '3f1c2a9e-8b7d-4c6e-9f00-1234567890ab';

test('the report names the origin, the version, the error and its cause, with every secret masked', () => {
  const cause = new Error(`refresh refused: {"refresh_token": "r3fr3sh-value", "client_id": "wazo-tui-x"}`);
  const error = new Error(`GET /users failed with X-Auth-Token: ${TOKEN} and Authorization: Basic YWRtaW46c2VjcmV0`, {cause});
  const text = crashReportText(error, 'uncaughtException', new Date('2026-01-02T03:04:05Z'));
  assert.match(text, /^wazo-tui crash report\ntime: {5}2026-01-02T03:04:05\.000Z\nversion: {2}\S+\nnode: {5}v\d+/);
  assert.match(text, /origin: {3}uncaughtException/);
  assert.match(text, /Error: GET \/users failed/);
  assert.match(text, /caused by: Error: refresh refused/);
  assert.match(text, /at .*crash-report\.test\.ts/, 'the stack is kept');
  for (const secret of [TOKEN, 'YWRtaW46c2VjcmV0', 'r3fr3sh-value']) assert.ok(!text.includes(secret), `${secret} is in the report`);
});

test('password and token fields and bearer credentials are masked wherever they appear', () => {
  const text = scrubSecrets('login as admin with password=hunter2 then "password": "two words" Bearer abc.def token: xyz');
  assert.ok(!/hunter2|two words|abc\.def|xyz/.test(text), text);
  assert.match(text, /login as admin/);
});

test('a thrown value that is not an Error is reported as it is', () => {
  assert.match(crashReportText('just a string', 'unhandledRejection'), /thrown value: just a string/);
});

test('the report file is 0600 in a 0700 directory, and never overwrites another', () => {
  const root = mkdtempSync(join(tmpdir(), 'wazo-tui-crash-'));
  try {
    const dir = join(root, 'crash-reports');
    const now = new Date('2026-01-02T03:04:05Z');
    const path = writeCrashReport(dir, 'report\n', now);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(readFileSync(path, 'utf8'), 'report\n');
    assert.throws(() => writeCrashReport(dir, 'other\n', now), /EEXIST/);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});
