/**
 * The embedded Wazo-compatible HTTPS server: wazo-auth under `/api/auth/0.1` and wazo-confd under
 * `/api/confd/1.1`, as nginx exposes them on a real Wazo, over generated data. It backs
 * `wazo-tui --demo` and is the real server every client, session and end-to-end test talks to.
 */
import {X509Certificate} from 'node:crypto';
import {createServer, type Server} from 'node:https';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {generateCertificate} from './certificate.js';
import {generateDemoData} from './data.js';
import {buildCollections} from './collections.js';
import {buildAccounts, READER_ACCOUNT, type DemoAccount} from './accounts.js';
import {TokenStore} from './tokens.js';
import {authRoutes} from './auth-routes.js';
import {confdRoutes} from './confd-routes.js';
import {dispatch, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {legacyError, nginxErrorPage, ROUTE_NOT_FOUND} from './errors.js';
import type {DemoContext} from './context.js';
import {formatHostPort} from '../util/host-port.js';

export type {DemoAccount} from './accounts.js';
export {DEMO_TENANT_UUIDS} from './tenants.js';

/** How to start the demo server; every field has a default. */
export interface DemoServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Default 500. */
  users?: number;
  /** Default 600. */
  lines?: number;
  /** The main account (ACL `#`, tenant Acme); default `admin`. */
  username?: string;
  /** Default `secret`. */
  password?: string;
  /** Default 1; the data is identical for a given seed. */
  seed?: number;
  /** Extra accounts, on top of the main one and `reader`. */
  accounts?: DemoAccount[];
  /** Reuse a certificate (tests restart on the same one); otherwise one is generated. */
  certificate?: {certPem: string; keyPem: string};
  /** Live sessions allowed per user before wazo-auth answers 429; default 100. */
  maxSessions?: number;
}

/** A fault the server injects into matching requests. */
export type DemoFault = {kind: 'none'} | {kind: 'status'; status: number} | {kind: 'hang'} | {kind: 'malformed'};

/** One request as it reached the server. */
export interface RecordedRequest {
  method: string;
  /** Path with query. */
  url: string;
  /** Lower-cased names. */
  headers: Record<string, string | string[] | undefined>;
}

/** A running demo server. */
export interface DemoServer {
  readonly host: string;
  readonly port: number;
  /** `127.0.0.1:PORT` (IPv6 in brackets). */
  readonly hostPort: string;
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  /** `url + '/api/auth/0.1'`. */
  readonly authUrl: string;
  /** `url + '/api/confd/1.1'`. */
  readonly confdUrl: string;
  readonly username: string;
  readonly password: string;
  /** Every account: the main one, `reader`, then the extra ones. */
  readonly accounts: ReadonlyArray<{username: string; password: string; uuid: string; tenantUuid: string; acl: readonly string[]}>;
  readonly certPem: string;
  /** `AB:CD:…` as `openssl x509 -noout -fingerprint -sha256` prints it. */
  readonly fingerprint256: string;
  readonly tenants: ReadonlyArray<{uuid: string; name: string; parent_uuid: string | null}>;
  /** Every request seen, so tests can assert what reached the server. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** Delay every answer by `ms`. */
  setLatency(ms: number): void;
  /** Inject a fault into requests whose path (with query) matches `match` (default: all); `none` clears it. */
  setFault(fault: DemoFault, match?: RegExp): void;
  /** Run the server's clock `ms` ahead (skew tests): issued/expires fields and expiry checks follow it. */
  setClockOffset(ms: number): void;
  /** End every session (access tokens); refresh tokens stay. */
  revokeAllTokens(): void;
  /** Stop listening and destroy open sockets (keep-alive, hanging requests), so it never hangs. */
  close(): Promise<void>;
}

const AUTH_PREFIX = '/api/auth/0.1';
const CONFD_PREFIX = '/api/confd/1.1';
const MAX_BODY_BYTES = 1024 * 1024;
const STATUS_TEXT: Record<number, string> = {502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out'};

/** Generate the data, the certificate (unless given) and listen; resolves once the port is bound. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const username = options.username ?? 'admin';
  const password = options.password ?? 'secret';
  const seed = options.seed ?? 1;
  const certificate = options.certificate ?? generateCertificate();
  const fingerprint256 = new X509Certificate(certificate.certPem).fingerprint256;

  const data = generateDemoData({users: options.users ?? 500, lines: options.lines ?? 600, seed});
  const accounts = buildAccounts([{username, password, acl: ['#']}, READER_ACCOUNT, ...(options.accounts ?? [])], data, seed);
  let clockOffset = 0;
  const clock = () => performance.timeOrigin + performance.now() + clockOffset;
  const context: DemoContext = {
    data,
    collections: buildCollections(data),
    accounts,
    tokens: new TokenStore(clock, data.xivoUuid),
    clock,
    maxSessions: options.maxSessions ?? 100,
  };
  const auth = authRoutes(context);
  const confd = confdRoutes(context);

  const requests: RecordedRequest[] = [];
  let latency = 0;
  let fault: DemoFault = {kind: 'none'};
  let faultMatch: RegExp | undefined;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const answer = (response: ServerResponse, result: DemoResponse): void => {
    if (response.destroyed) return;
    const headers: Record<string, string> = {...result.headers};
    let body = '';
    if (result.text) {
      body = result.text.body;
      headers['content-type'] = result.text.contentType;
    } else if (result.json !== undefined) {
      body = JSON.stringify(result.json);
      headers['content-type'] = 'application/json';
    }
    if (result.status !== 204) headers['content-length'] = String(Buffer.byteLength(body));
    response.writeHead(result.status, headers);
    response.end(result.status === 204 ? undefined : body);
  };

  const handle = (request: IncomingMessage, response: ServerResponse, body: Buffer): void => {
    const url = request.url ?? '/';
    requests.push({method: request.method ?? 'GET', url, headers: {...request.headers}});
    const parsed = new URL(url, 'https://demo.invalid');
    const path = parsed.pathname;
    const active = fault.kind !== 'none' && (faultMatch === undefined || faultMatch.test(url)) ? fault : undefined;
    if (active?.kind === 'hang') return;

    let result: DemoResponse;
    if (active?.kind === 'malformed') {
      result = {status: 200, text: {body: '{"data": {"token": "', contentType: 'application/json'}};
    } else if (active?.kind === 'status') {
      result = faultResponse(active.status, path, clock());
    } else {
      const service = route(path, auth, confd);
      if (!service) result = {status: 404, json: ROUTE_NOT_FOUND};
      else {
        const demoRequest: DemoRequest = {
          method: request.method ?? 'GET',
          path: service.path,
          query: parsed.searchParams,
          headers: request.headers,
          body,
          remoteAddress: request.socket.remoteAddress ?? '',
          host: request.headers.host ?? `${host}:${port}`,
        };
        try {
          result = dispatch(service.routes, demoRequest);
        } catch (error) {
          result = {status: 500, json: [`Unexpected error: ${error instanceof Error ? error.message : String(error)}`]};
        }
      }
    }
    if (latency > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(response, result);
      }, latency);
      timers.add(timer);
    } else answer(response, result);
  };

  const server: Server = createServer({key: certificate.keyPem, cert: certificate.certPem}, (request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // A client that aborts mid-body must not crash the demo.
    request.on('error', () => {});
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) answer(response, {status: 413, text: {body: nginxErrorPage(413, 'Request Entity Too Large'), contentType: 'text/html'}});
      else handle(request, response, Buffer.concat(chunks));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that drops mid-handshake must not crash the demo.
  server.on('tlsClientError', () => {});

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const hostPort = formatHostPort(host, port);
  const url = `https://${hostPort}`;

  return {
    host,
    port,
    hostPort,
    url,
    authUrl: url + AUTH_PREFIX,
    confdUrl: url + CONFD_PREFIX,
    username,
    password,
    accounts: accounts.map((account) => ({
      username: account.username,
      password: account.password,
      uuid: account.uuid,
      tenantUuid: account.tenantUuid,
      acl: account.acl,
    })),
    certPem: certificate.certPem,
    fingerprint256,
    tenants: data.tenants.map((tenant) => ({uuid: tenant.uuid, name: tenant.name, parent_uuid: tenant.parent_uuid})),
    requests,
    setLatency(ms) {
      latency = Math.max(0, ms);
    },
    setFault(next, match) {
      fault = next;
      faultMatch = match;
    },
    setClockOffset(ms) {
      clockOffset = ms;
    },
    revokeAllTokens() {
      context.tokens.revokeAll();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

/** Which service a path belongs to, and the path below its prefix. */
function route(path: string, auth: Route[], confd: Route[]): {routes: Route[]; path: string} | undefined {
  if (path.startsWith(`${AUTH_PREFIX}/`)) return {routes: auth, path: path.slice(AUTH_PREFIX.length)};
  if (path.startsWith(`${CONFD_PREFIX}/`)) return {routes: confd, path: path.slice(CONFD_PREFIX.length)};
  return undefined;
}

/** An injected status: nginx's own page for 502/503/504, otherwise the service's error format. */
function faultResponse(status: number, path: string, nowMs: number): DemoResponse {
  const reason = STATUS_TEXT[status];
  if (reason) return {status, text: {body: nginxErrorPage(status, reason), contentType: 'text/html'}};
  if (path.startsWith(AUTH_PREFIX)) return {status, json: legacyError(status, 'Injected fault', nowMs)};
  return {status, json: ['Injected fault']};
}
