/**
 * Issue "Browse confd like k9s", end to end: the real binary at 80x24 against a demo server with
 * 20 000 users. Log in, page to the end and back, search `emilie` and find `Émilie …`, open a
 * user, jump to its line, come back to the same row, switch to lines, quit.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoServer} from '../../source/demo/server.js';
import {startTerminal} from '../helpers/tmux.js';

function selectedRow(screen: string): string {
  const row = screen.split('\n').find((line) => line.startsWith('›'));
  assert.ok(row, `no selected row on the screen:\n${screen}`);
  return row;
}

test('browse 20 000 users: page, search, open, follow a relation, come back, switch', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const server = await startDemoServer({users: 20_000, lines: 20_000});
  const terminal = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin']);
  try {
    await terminal.waitFor('SHA-256 fingerprint');
    await terminal.press('o');
    await terminal.waitFor('Password');
    await terminal.type(server.password);
    await terminal.press('Enter');
    const first = await terminal.waitFor(/Users\s+rows 1–\d+ of (\d+)/, 20_000);
    const total = Number(/rows 1–\d+ of (\d+)/.exec(first)?.[1]);
    assert.ok(total > 10_000, `most of the 20 000 users are in admin's tenant (${total})`);

    await terminal.press('End');
    await terminal.waitFor(new RegExp(`rows \\d+–${total} of ${total}`));
    const offsets = server.requests
      .filter((request) => request.url.startsWith('/api/confd/1.1/users?'))
      .map((request) => Number(new URL(request.url, 'https://x').searchParams.get('offset') ?? 0));
    // The first page and its prefetched successor, then straight to the end: no page walked.
    const walked = offsets.filter((offset) => offset > 100 && offset < total - 200);
    assert.deepEqual(walked, [], `End fetched the last page directly (offsets ${offsets.join(', ')})`);

    await terminal.press('Home');
    await terminal.waitFor(`rows 1–`);
    await terminal.press('PageDown');
    await terminal.waitFor(/rows \d{2}–/);
    await terminal.press('PageUp');
    await terminal.waitFor('rows 1–');

    await terminal.type('/');
    await terminal.type('emilie');
    await terminal.press('Enter');
    const found = await terminal.waitFor(/search “emilie”: \d+ match/);
    assert.match(selectedRow(found), /Émilie/);

    // Find a user of the results that has a line (the Extension column is not empty), and open it.
    let screen = found;
    for (let step = 0; step < 15 && !/›.*\d+@ctx/.test(screen); step += 1) {
      await terminal.press('Down');
      screen = await terminal.screen();
    }
    const row = selectedRow(screen);
    assert.match(row, /\d+@ctx/, 'a matching user with a line');
    await terminal.press('Enter');
    await terminal.waitFor('Related (Enter opens)');
    const detail = await terminal.waitFor(/› Line /);
    assert.match(detail, /^User Émilie/m);

    await terminal.press('Enter');
    // The path taken is the record's title: `User Émilie … › Line NAME`.
    await terminal.waitFor(/^User Émilie.* › Line \S+\s*$/m);
    await terminal.press('Escape');
    // Back on the user: its title no longer ends with the line.
    await terminal.waitFor(/^User Émilie[^›\n]*$/m);
    await terminal.press('Escape');
    const back = await terminal.waitFor(/search “emilie”/);
    assert.equal(selectedRow(back), row, 'back on the same row');

    await terminal.press('Tab');
    await terminal.waitFor(/Lines\s+rows 1–\d+ of \d+/);
    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
  } finally {
    await terminal.close();
    await server.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});
