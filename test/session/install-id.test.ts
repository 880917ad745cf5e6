import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {clientIdFor, installId, readInstallId} from '../../source/config/install-id.js';

function withDir(run: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'wazo-tui-install-'));
  try {
    run(root);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
}

describe('installId', () => {
  test('is created once in install.json (dir 0700, file 0600) and read back the same', () => {
    withDir((root) => {
      const dir = join(root, 'config', 'wazo-tui');
      const first = readInstallId(dir);
      assert.equal(first.warning, undefined);
      assert.match(first.id, /^[0-9a-f-]{36}$/);
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      const file = join(dir, 'install.json');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).id, first.id);
      assert.equal(installId(dir), first.id);
      assert.equal(clientIdFor(first.id), `wazo-tui-${first.id}`);
    });
  });

  test('a corrupt file is neither fatal nor overwritten: a temporary id and a warning', () => {
    withDir((root) => {
      mkdirSync(root, {recursive: true});
      const file = join(root, 'install.json');
      writeFileSync(file, '{"id": "abc', {mode: 0o600});
      const warnings: string[] = [];
      const id = installId(root, (message) => warnings.push(message));
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /install\.json/);
      assert.match(warnings[0] ?? '', /temporary id/);
      assert.equal(readFileSync(file, 'utf8'), '{"id": "abc');
    });
  });

  test('a stored id of the wrong form is reported and left untouched', () => {
    withDir((root) => {
      const file = join(root, 'install.json');
      writeFileSync(file, JSON.stringify({id: 42, note: 'hand edited'}), {mode: 0o600});
      const result = readInstallId(root);
      assert.match(result.warning ?? '', /not valid/);
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {id: 42, note: 'hand edited'});
      assert.notEqual(readInstallId(root).id, result.id, 'each run gets its own temporary id');
    });
  });
});
