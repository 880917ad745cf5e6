/**
 * The demo server behind a tiny HTTPS proxy that gives its users hostile names: every user's
 * first name becomes one of HOSTILE_SAMPLES (by id), its last name `#id`. Everything else (auth,
 * paging, sorting, relations) is the demo server's own. Used by the end-to-end Unicode test.
 */
import {request as httpsRequest, createServer, type Server} from 'node:https';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {X509Certificate} from 'node:crypto';
import {generateCertificate} from '../../source/demo/certificate.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {HOSTILE_SAMPLES} from './hostile-text.js';

/** The proxy and the demo server behind it. */
export interface HostileServer {
  /** `127.0.0.1:PORT` of the proxy: what the app connects to. */
  hostPort: string;
  fingerprint256: string;
  password: string;
  demo: DemoServer;
  close(): Promise<void>;
}

/** The hostile first name of user `id`. */
export function hostileName(id: number): string {
  return HOSTILE_SAMPLES[id % HOSTILE_SAMPLES.length]?.text ?? '';
}

export async function startHostileServer(users: number): Promise<HostileServer> {
  const certificate = generateCertificate();
  const demo = await startDemoServer({users, lines: users, certificate});
  const server: Server = createServer({cert: certificate.certPem, key: certificate.keyPem}, (incoming, outgoing) => {
    forward(demo, certificate.certPem, incoming, outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    hostPort: `127.0.0.1:${port}`,
    fingerprint256: new X509Certificate(certificate.certPem).fingerprint256,
    password: demo.password,
    demo,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await demo.close();
    },
  };
}

function forward(demo: DemoServer, ca: string, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const headers = {...incoming.headers, host: demo.hostPort};
  // Plain bodies, so that the user answers can be rewritten.
  delete headers['accept-encoding'];
  const upstream = httpsRequest(
    // The demo certificate names localhost; the proxy trusts exactly it.
    {host: demo.host, port: demo.port, path: incoming.url, method: incoming.method, headers, ca, checkServerIdentity: () => undefined},
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        let body = Buffer.concat(chunks);
        if (/^\/api\/confd\/1\.1\/users(\?|\/|$)/.test(incoming.url ?? '') && /json/.test(String(answer.headers['content-type']))) {
          body = Buffer.from(JSON.stringify(renameUsers(JSON.parse(body.toString('utf8')))));
        }
        const {['content-length']: _length, ['transfer-encoding']: _encoding, ...rest} = answer.headers;
        outgoing.writeHead(answer.statusCode ?? 502, {...rest, 'content-length': body.length});
        outgoing.end(body);
      });
    },
  );
  upstream.on('error', () => {
    outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(upstream);
}

function renameUsers(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.items)) return {...record, items: record.items.map(renameUser)};
  return renameUser(body);
}

function renameUser(user: unknown): unknown {
  if (typeof user !== 'object' || user === null) return user;
  const record = user as Record<string, unknown>;
  if (typeof record.id !== 'number') return user;
  return {...record, firstname: hostileName(record.id), lastname: `#${record.id}`};
}
