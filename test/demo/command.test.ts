import {test} from 'node:test';
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {runDemoServerCommand} from '../../source/demo/command.js';
import {login} from '../helpers/demo.js';

test('demo-server prints URLs, both accounts, the fingerprint and a ready curl line', async () => {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const running = await runDemoServerCommand({users: 10, lines: 10, username: 'boss', password: 'hunter2'}, {stdout});
  const {server} = running;
  try {
    assert.ok(printed.includes(server.url));
    assert.ok(printed.includes(`${server.url}/api/auth/0.1`));
    assert.ok(printed.includes(`${server.url}/api/confd/1.1`));
    assert.match(printed, /boss \/ hunter2/);
    assert.match(printed, /reader \/ reader/);
    assert.ok(printed.includes(server.fingerprint256));
    assert.ok(
      printed.includes(`curl -k -u boss:hunter2 -X POST -H 'Content-Type: application/json' -d '{}' ${server.url}/api/auth/0.1/token`),
      printed,
    );
    assert.equal(typeof (await login(server, {username: 'boss', password: 'hunter2'})), 'string');
  } finally {
    await running.close();
  }
});
