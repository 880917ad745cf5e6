/**
 * Test helpers around the demo server: start/close it, log in, and send HTTPS requests that trust
 * exactly its certificate (`ca` = its PEM, SNI `localhost`), never with verification turned off.
 */
import {request as httpsRequest} from 'node:https';
import type {IncomingHttpHeaders} from 'node:http';
import {startDemoServer, type DemoServer, type DemoServerOptions, type RecordedRequest} from '../../source/demo/server.js';

/** Start a demo server, run `fn`, and always close the server. */
export async function withDemoServer<T>(options: DemoServerOptions, fn: (server: DemoServer) => Promise<T>): Promise<T> {
  const server = await startDemoServer(options);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

export interface DemoHttpRequest {
  method?: string;
  /** Absolute path with query, e.g. `/api/confd/1.1/users?limit=5`. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as is; objects are JSON-encoded with `Content-Type: application/json`. */
  body?: string | object;
  /** Abort the request after this many ms (for hanging faults); default 10 s. */
  timeoutMs?: number;
}

export interface DemoHttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body; undefined when empty or not JSON. */
  json: unknown;
}

/** One HTTPS request to the server on a fresh connection. */
export function demoRequest(server: DemoServer, options: DemoHttpRequest): Promise<DemoHttpResponse> {
  const headers: Record<string, string> = {...options.headers};
  let payload: string | undefined;
  if (typeof options.body === 'string') payload = options.body;
  else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      {
        host: server.host,
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        ca: server.certPem,
        servername: 'localhost',
        agent: false,
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({status: response.statusCode ?? 0, headers: response.headers, text, json});
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`request timed out: ${options.path}`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** `Authorization: Basic …` for a login and password, UTF-8 encoded. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Create a token (default: the main account) and return it. */
export async function login(
  server: DemoServer,
  account: {username: string; password: string} = {username: server.username, password: server.password},
  body: object = {},
): Promise<string> {
  const response = await demoRequest(server, {
    method: 'POST',
    path: '/api/auth/0.1/token',
    headers: {authorization: basicAuth(account.username, account.password)},
    body,
  });
  const token = (response.json as {data?: {token?: unknown}} | undefined)?.data?.token;
  if (response.status !== 200 || typeof token !== 'string') {
    throw new Error(`login as ${account.username} failed: ${response.status} ${response.text}`);
  }
  return token;
}

/** GET a confd path (below `/api/confd/1.1`) with a token and optional headers. */
export function confdGet(server: DemoServer, token: string, path: string, headers: Record<string, string> = {}): Promise<DemoHttpResponse> {
  return demoRequest(server, {path: `/api/confd/1.1${path}`, headers: {'x-auth-token': token, ...headers}});
}

/** What confd answers (200 expected) to `path`, asked with a token of the caller's own, revoked afterwards. */
export async function confdAnswer(server: DemoServer, path: string, headers: Record<string, string> = {}): Promise<unknown> {
  const token = await login(server);
  try {
    const response = await confdGet(server, token, path, headers);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.text}`);
    return response.json;
  } finally {
    await demoRequest(server, {method: 'DELETE', path: `/api/auth/0.1/token/${token}`});
  }
}

/** The requests that reached `server` while `work` ran. */
export async function requestsDuring<T>(server: DemoServer, work: () => Promise<T>): Promise<{result: T; requests: RecordedRequest[]}> {
  const start = server.requests.length;
  const result = await work();
  return {result, requests: server.requests.slice(start)};
}
