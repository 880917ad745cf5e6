/**
 * The demo-server console: lines on standard input change the running server (faults, latency,
 * clock, revocation), one at a time in the order typed, and a wrong line gets a sentence.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {startConsole} from '../../source/demo/console.js';
import {demoRequest, login, withDemoServer} from '../helpers/demo.js';

test('fault, latency, clock and revoke lines change the running server', async () => {
  await withDemoServer({users: 5, lines: 5}, async (server) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const stop = startConsole(server, {faultAfter: 1}, {input, output});
    const type = async (line: string, answer: RegExp) => {
      input.write(`${line}\n`);
      for (let waited = 0; !answer.test(printed) && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.match(printed, answer);
    };
    try {
      const token = await login(server);
      await type('fault truncated malformed', /^Fault: truncated: .*\(wazo-confd requests\)\nFault: malformed: .*\n/m);
      assert.deepEqual(server.faults.map((rule) => [rule.fault.kind, rule.after]), [['truncated', 1], ['malformed', 1]]);

      await type('latency 300', /^Latency: 300 ms$/m);
      const started = performance.now();
      assert.equal((await demoRequest(server, {path: '/api/confd/1.1/infos', headers: {'x-auth-token': token}})).status, 200, 'after 1: the first passes');
      assert.ok(performance.now() - started >= 250, 'the answer waited for the latency');
      await type('latency 0', /^Latency: 0 ms$/m);

      await type('clock 3600', /^Server clock: 3600 s$/m);
      const skewed = await demoRequest(server, {method: 'POST', path: '/api/auth/0.1/token', headers: {authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}`}, body: {}});
      const issued = Date.parse(`${(skewed.json as {data: {utc_issued_at: string}}).data.utc_issued_at}Z`);
      assert.ok(Math.abs(issued - (Date.now() + 3_600_000)) < 60_000, 'tokens are issued on the skewed clock');

      await type('revoke', /^Every session ended\.$/m);
      assert.equal((await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}`})).status, 404);

      await type('fault', /^! fault needs KIND\[=VALUE\] or none$/m);
      await type('latency soon', /^! latency takes milliseconds$/m);
      await type('explode', /^! unknown command "explode"; press Enter for the list$/m);
      await type('', /^ {2}revoke {17}end every session/m);
      await type('fault none', /^Faults: none$/m);
      assert.deepEqual(server.faults, []);
    } finally {
      stop();
    }
  });
});
