/**
 * Bytes on the wire per page of users: the app's own client lists pages of 100 users, the way the
 * table does (the users descriptor's `listView`), through a TCP relay that counts every byte the
 * server sends back (TLS records, HTTP headers and body). The full form is measured beside it.
 */
import {createServer, connect, type Socket} from 'node:net';
import {createClient} from '../../source/api/client.js';
import type {WazoClient} from '../../source/api/contract.js';
import {parseServer} from '../../source/api/target.js';
import {usersDescriptor} from '../../source/resources/users.js';
import type {RemoteServer} from './remote-server.js';
import {metric, type Metric} from './stats.js';

const PAGE = 100;

/** A TCP relay on 127.0.0.1 in front of `target`, counting the bytes that come back from it. */
async function countingRelay(target: {host: string; port: number}) {
  let received = 0;
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no port');
  return {
    port: address.port,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}

/** Pages spread over the collection, in the table's form and in the full form. */
export async function measureWire(server: RemoteServer, runs: number): Promise<Metric[]> {
  const target = parseServer(server.hostPort);
  const relay = await countingRelay(target);
  // The relay's address is another host:port for the pin, the same certificate behind it.
  const via = parseServer(`127.0.0.1:${relay.port}`);
  let client: WazoClient | undefined;
  try {
    client = createClient(via, {pin: {hostPort: via.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()}});
    const {token} = await client.auth.createToken({username: server.username, password: server.password, expiration: 600});
    const order = usersDescriptor.defaultOrder;
    const page = async (offset: number, view: typeof usersDescriptor.listView | undefined): Promise<{bytes: number; total: number}> => {
      const before = relay.received();
      const answer = await client!.confd.list('users', {limit: PAGE, offset, order, view}, {token});
      if (answer.items.length !== Math.min(PAGE, Math.max(0, answer.total - offset))) throw new Error(`offset ${offset}: ${answer.items.length} items`);
      return {bytes: relay.received() - before, total: answer.total};
    };
    // The first request pays the TLS handshake; the measured ones reuse its keep-alive connection.
    const {total} = await page(0, usersDescriptor.listView);
    const offsets = Array.from({length: runs}, (_, run) => Math.floor(((total - PAGE) * run) / Math.max(1, runs - 1)));
    const light: number[] = [];
    const full: number[] = [];
    for (const offset of offsets) {
      light.push((await page(offset, usersDescriptor.listView)).bytes);
      full.push((await page(offset, undefined)).bytes);
    }
    const section = `Bytes on the wire per page of ${PAGE} users (TLS, headers and body; offsets 0…${total - PAGE})`;
    return [
      metric({id: 'wire.users.page', section, label: `the table's page (view=${usersDescriptor.listView ?? 'default'})`, unit: 'B', budget: {max: 40_000}}, light),
      metric({id: 'wire.users.full', section, label: 'the same page in the full form, for comparison', unit: 'B'}, full),
    ];
  } finally {
    client?.close();
    await relay.close();
  }
}
