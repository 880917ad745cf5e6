/**
 * A tiny HTTPS server for TLS proofs: it counts every decrypted application byte it receives
 * and every TLS connection, and answers a few fixed JSON paths.
 */
import {createServer, type Server} from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import type {TLSSocket} from 'node:tls';

/** A certificate (and optional chain) the server shows. */
export interface ServerIdentity {
  certPem: string;
  keyPem: string;
  /** Extra chain certificates sent after the leaf. */
  chainPems?: string[];
}

export interface RecordingServer {
  port: number;
  /** Decrypted application bytes received, over all connections. */
  bytes(): number;
  /** TLS connections that completed a handshake. */
  connections(): number;
  /** Request lines received (`GET /api/confd/1.1/infos`). */
  requests(): string[];
  /** Resolves once every TCP connection the server accepted is closed, so every byte sent has been counted. */
  settled(timeoutMs?: number): Promise<void>;
  /** Show another certificate on new connections; open connections keep theirs. */
  setIdentity(identity: ServerIdentity): void;
  close(): Promise<void>;
}

const INFOS = JSON.stringify({uuid: '5d5b2d3c-2d5c-4bd5-9e47-7f3e0f2b0c11', wazo_version: '25.01'});

function contextOptions(identity: ServerIdentity): {cert: string; key: string} {
  return {cert: [identity.certPem, ...(identity.chainPems ?? [])].join('\n'), key: identity.keyPem};
}

/** Start on 127.0.0.1 with a random port. */
export async function startRecordingServer(identity: ServerIdentity): Promise<RecordingServer> {
  let bytes = 0;
  let connections = 0;
  let open = 0;
  const requests: string[] = [];
  const server: Server = createServer({...contextOptions(identity), keepAlive: true}, (request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => {
      response.writeHead(200, {'content-type': 'application/json'});
      response.end(request.url?.endsWith('/infos') ? INFOS : '{}');
    });
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    connections += 1;
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
  });
  server.on('connection', (socket: Socket) => {
    open += 1;
    socket.on('close', () => {
      open -= 1;
    });
  });
  // A refused handshake resets the connection: that is expected here, not a failure of the server.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    bytes: () => bytes,
    connections: () => connections,
    requests: () => [...requests],
    settled: (timeoutMs = 5000) => waitFor(() => open === 0, timeoutMs, 'the connections to close'),
    setIdentity(next) {
      server.setSecureContext(contextOptions(next));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Poll `condition` every few milliseconds until it holds; fail after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
