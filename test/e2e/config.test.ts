/**
 * A damaged settings file: the dashboard says which file and what to do, leaves the file as it
 * was, restores the terminal and exits 1; a damaged pin store is reported on the Connect screen.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startTerminal} from '../helpers/tmux.js';

test('a damaged profiles.json is named, kept, and the terminal is restored', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const file = join(configDir, 'profiles.json');
  writeFileSync(file, '{"profiles": {', {mode: 0o600});
  const terminal = await startTerminal(['--config-dir', configDir]);
  try {
    assert.equal(await terminal.waitForExit(), 1);
    assert.equal(await terminal.alternateScreen(), false);
    const screen = (await terminal.screen()).replaceAll('\n', '');
    assert.match(screen, /profiles\.json` is not valid JSON\. Fix the file or move it away/);
    assert.equal(readFileSync(file, 'utf8'), '{"profiles": {', 'the file is left as it was');
  } finally {
    await terminal.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});

test('a damaged pins.json is reported on the Connect screen and left as it was', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const file = join(configDir, 'pins.json');
  writeFileSync(file, 'not json', {mode: 0o600});
  const terminal = await startTerminal(['127.0.0.1:9', '--config-dir', configDir]);
  try {
    await terminal.waitFor(/pin store .*pins\.json is damaged/);
    await terminal.press('C-c');
    assert.equal(await terminal.waitForExit(), 130);
    assert.equal(readFileSync(file, 'utf8'), 'not json');
  } finally {
    await terminal.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});
