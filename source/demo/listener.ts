/**
 * One HTTPS port of the demo server: its certificate, the request bodies it reads (bounded), the
 * sockets it holds (so close() never hangs on keep-alive or hanging requests), and the two
 * connection-level faults: a TCP reset of one request, and refusing connections for a while.
 */
import {createServer, type Server} from 'node:https';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {nginxErrorPage} from './errors.js';
import {render, send} from './wire.js';

const MAX_BODY_BYTES = 1024 * 1024;

export type BodyHandler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;

export class Listener {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly host: string,
    tls: {key: string; cert: string},
    handler: BodyHandler,
  ) {
    this.server = createServer(tls, (request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      // A client that aborts mid-body must not crash the demo.
      request.on('error', () => {});
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      request.on('end', () => {
        if (size > MAX_BODY_BYTES) send(response, render({status: 413, text: {body: nginxErrorPage(413, 'Request Entity Too Large'), contentType: 'text/html'}}));
        else handler(request, response, Buffer.concat(chunks));
      });
    });
    // The raw TCP sockets: a TLS socket cannot send a reset itself.
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // A client that drops mid-handshake must not crash the demo.
    this.server.on('tlsClientError', () => {});
  }

  get port(): number {
    return this.boundPort;
  }

  /** Listen on `port` (0: a free one); resolves with the port once bound. */
  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : 0;
    this.stopped = undefined;
    return this.boundPort;
  }

  /** Stop accepting and drop every open connection: the port now refuses, as a stopped service does. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    return this.stopped;
  }

  /** Listen again on the same port after stop(). */
  async resume(): Promise<void> {
    if (this.stopped === undefined) return;
    await this.stopped;
    await this.listen(this.boundPort);
  }

  get listening(): boolean {
    return this.stopped === undefined;
  }

  /** Answer a request with a TCP reset (RST) on its connection. */
  reset(request: IncomingMessage): void {
    const raw = [...this.sockets].find((socket) => socket.remotePort === request.socket.remotePort && socket.remoteAddress === request.socket.remoteAddress);
    if (raw) raw.resetAndDestroy();
    else request.socket.destroy();
  }
}
