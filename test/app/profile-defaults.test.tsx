/**
 * A profile opens where it says: `-p lab` fills the Connect screen from the profile, checks its
 * server at once, and after the login shows its collection in its tenant; the profiles file's
 * `preferences.tabCycle` is the set of collections `Tab` walks; the header names the profile.
 */
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DEMO_TENANT_UUIDS, startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {KEYS, press, waitForText} from '../helpers/ink.js';
import {pinDemo, startApp} from './harness.js';

let server: DemoServer;
before(async () => {
  server = await startDemoServer({});
});
after(() => server.close());

test('-p NAME: the profile’s server, username, tenant, collection and Tab cycle', async () => {
  const harness = startApp({
    profile: 'lab',
    prepare(configDir) {
      pinDemo(configDir, server);
      writeFileSync(
        join(configDir, 'profiles.yaml'),
        [
          'profiles:',
          '  lab:',
          `    server: ${JSON.stringify(server.hostPort)}`,
          `    username: ${server.username}`,
          '    tenant: Acme Lab',
          '    collection: lines',
          '    expiration: 1200',
          'preferences:',
          '  tabCycle: [lines, extensions]',
          '',
        ].join('\n'),
      );
    },
  });
  try {
    const connect = await waitForText(harness.app, /Token lifetime \(s\)\s+1200/);
    assert.match(connect, new RegExp(`Username\\s+${server.username}`));
    const mark = server.requests.length;
    await press(harness.app, server.password, KEYS.enter);
    const main = await waitForText(harness.app, /Lines {2}rows 1–/, 8000);
    assert.match(main, /tenant Acme Lab/);
    const escaped = server.hostPort.replaceAll('.', '\\.');
    assert.match(main, new RegExp(`^wazo-tui lab · ${escaped} · ${server.username} · tenant Acme Lab`, 'm'), 'the header names the profile, then the server');
    await waitForText(harness.app, /Lines {2}rows 1–/);
    const lists = server.requests.slice(mark).filter((request) => request.url.startsWith('/api/confd/1.1/lines?'));
    assert.ok(lists.length > 0 && lists.every((request) => request.headers['wazo-tenant'] === DEMO_TENANT_UUIDS.acmeLab), 'every lines page asked in Acme Lab');
    await press(harness.app, KEYS.tab);
    await waitForText(harness.app, /Extensions {2}rows/);
    await press(harness.app, KEYS.tab);
    await waitForText(harness.app, /Lines {2}rows/);
    await press(harness.app, '1', KEYS.tab);
    await waitForText(harness.app, /Lines {2}rows/, 4000);
  } finally {
    await harness.close();
  }
});

test('a profile a login named after its address is not named again in the header', async () => {
  const harness = startApp({
    server: server.hostPort,
    username: server.username,
    prepare: (configDir) => pinDemo(configDir, server),
  });
  try {
    await waitForText(harness.app, /Password/);
    await press(harness.app, server.password, KEYS.enter);
    const main = await waitForText(harness.app, /Users {2}rows 1–/, 8000);
    const escaped = server.hostPort.replaceAll('.', '\\.');
    assert.match(main, new RegExp(`^wazo-tui ${escaped} · ${server.username}`, 'm'));
  } finally {
    await harness.close();
  }
});
