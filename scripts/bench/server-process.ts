/**
 * Child-process entry: runs the demo server outside the bench process, so the server's work
 * (sorting 100 000 users for a page) never delays the bench's own clock readings. Started by
 * `startServerProcess`; talks over the IPC channel.
 */
import {startDemoServer} from '../../source/demo/server.js';
import type {ServerReady, ServerRequest} from './remote-server.js';

const [users, lines] = process.argv.slice(2).map(Number);
const server = await startDemoServer({users, lines});
const send = (message: ServerReady | {ack: number}) => process.send?.(message);

process.on('message', (message: ServerRequest) => {
  if (message.kind === 'latency') {
    server.setLatency(message.ms);
    send({ack: message.id});
  } else {
    void server.close().then(() => process.exit(0));
  }
});
// The bench is gone: do not outlive it.
process.on('disconnect', () => void server.close().then(() => process.exit(0)));

send({
  kind: 'ready',
  hostPort: server.hostPort,
  authUrl: server.authUrl,
  confdUrl: server.confdUrl,
  certPem: server.certPem,
  fingerprint256: server.fingerprint256,
  username: server.username,
  password: server.password,
});
