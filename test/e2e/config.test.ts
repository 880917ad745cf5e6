/**
 * Damaged settings files: a profiles file is moved aside with its line named and the dashboard
 * starts; a broken keymap stops the start with the line; a damaged pin store is reported on the
 * Connect screen, left exactly as it was, and nothing connects.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startTerminal} from '../helpers/tmux.js';

test('a hand-edited profiles.yaml that cannot be used is moved aside, named with its line, and the dashboard starts', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const file = join(configDir, 'profiles.yaml');
  const text = 'profiles:\n  prod:\n    server: pbx.example.com\n    usename: admin\n';
  writeFileSync(file, text, {mode: 0o600});
  const terminal = await startTerminal(['--config-dir', configDir], {columns: 120, rows: 30});
  try {
    const screen = (await terminal.waitFor(/could not be used/)).replace(/\s+/g, ' ');
    assert.match(screen, /line 4: profiles\.prod\.usename is not a known key/);
    assert.match(await terminal.screen(), /Server/, 'the Connect screen is up');
    const aside = readdirSync(configDir).find((name) => name.startsWith('profiles.yaml.broken-'));
    assert.ok(aside, readdirSync(configDir).join(' '));
    assert.equal(readFileSync(join(configDir, aside), 'utf8'), text, 'kept as it was, beside');
    await terminal.press('C-c');
    assert.equal(await terminal.waitForExit(), 130);
  } finally {
    await terminal.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});

test('a broken keymap is an error on the plain terminal at start-up, before the dashboard takes it', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  writeFileSync(join(configDir, 'keymap.yaml'), 'nav.down: [n]\ndetail.raw: n\n');
  const terminal = await startTerminal(['--config-dir', configDir]);
  try {
    assert.equal(await terminal.waitForExit(), 1);
    assert.equal(await terminal.alternateScreen(), false);
    // Rows are joined as the terminal wrapped them (a long path breaks words anywhere).
    const screen = (await terminal.withScrollback()).replaceAll('\n', '');
    assert.match(screen, /keymap\.yaml, line 2: n would be both nav\.down \("Move down"\) and detail\.raw \("Show the raw JSON"\); give one of them another key/);
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
