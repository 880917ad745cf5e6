/**
 * One HTTPS request observed on the wire, for the demo server's fault tests: when the headers
 * came, how many body bytes arrived and when, whether the body was complete, and the socket error
 * if the connection was reset or refused. It never rejects: a fault is an outcome to look at.
 * The server's certificate is verified (`ca`), never switched off.
 */
import {request} from 'node:https';
import type {IncomingHttpHeaders} from 'node:http';

export interface WireRequest {
  port: number;
  /** PEM the connection must verify against. */
  ca: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Keep the body (small answers only); otherwise only its size is counted. */
  keepBody?: boolean;
  /** Give up after this long; default 20 s. */
  timeoutMs?: number;
}

export interface WireResult {
  status?: number;
  headers?: IncomingHttpHeaders;
  /** ms after the request was sent. */
  headersAt?: number;
  /** When each body chunk arrived, ms after the request was sent. */
  chunkTimes: number[];
  bytes: number;
  body?: Buffer;
  /** The body ended as announced (false when the connection closed mid-body). */
  complete: boolean;
  /** The connection-level error, e.g. ECONNRESET or ECONNREFUSED. */
  errorCode?: string;
}

export function wireRequest(options: WireRequest): Promise<WireResult> {
  const started = performance.now();
  const since = () => performance.now() - started;
  const result: WireResult = {chunkTimes: [], bytes: 0, complete: false};
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (error?: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      if (error) result.errorCode = error.code ?? error.message;
      if (options.keepBody) result.body = Buffer.concat(chunks);
      resolve(result);
    };
    const sent = request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: {...options.headers, ...(options.body ? {'content-type': 'application/json'} : {})},
        ca: options.ca,
        servername: 'localhost',
        agent: false,
        timeout: options.timeoutMs ?? 20_000,
      },
      (response) => {
        result.status = response.statusCode;
        result.headers = response.headers;
        result.headersAt = since();
        response.on('data', (chunk: Buffer) => {
          result.chunkTimes.push(since());
          result.bytes += chunk.length;
          if (options.keepBody) chunks.push(chunk);
        });
        response.on('end', () => {
          result.complete = response.complete;
          finish();
        });
        response.on('aborted', () => finish());
        response.on('error', (error: NodeJS.ErrnoException) => finish(error));
        response.on('close', () => finish());
      },
    );
    sent.on('timeout', () => sent.destroy(Object.assign(new Error('timed out'), {code: 'TIMEOUT'})));
    sent.on('error', (error: NodeJS.ErrnoException) => finish(error));
    sent.end(options.body);
  });
}

/** `Authorization: Basic …` and a JSON body for POST /token. */
export function loginRequest(port: number, ca: string, username = 'admin', password = 'secret'): WireRequest {
  return {
    port,
    ca,
    method: 'POST',
    path: '/api/auth/0.1/token',
    headers: {authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`},
    body: '{}',
    keepBody: true,
  };
}

/** The token of a successful login answer. */
export function tokenOf(result: WireResult): string {
  const token = (JSON.parse(result.body?.toString('utf8') ?? '{}') as {data?: {token?: string}}).data?.token;
  if (result.status !== 200 || !token) throw new Error(`login failed: ${result.status} ${result.errorCode ?? result.body?.toString('utf8')}`);
  return token;
}
