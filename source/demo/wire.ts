/**
 * Putting an answer on the wire: as the route made it, or the way a fault mangles it (grown to
 * megabytes, trickled, cut short). Large bodies are streamed with back-pressure, so the demo
 * server itself never holds them in memory.
 */
import type {IncomingHttpHeaders, ServerResponse} from 'node:http';
import {gzipSync} from 'node:zlib';
import type {DemoResponse} from './http.js';

/** An answer ready to send: status, headers (content type included) and the body bytes. */
export interface Rendered {
  status: number;
  headers: Record<string, string>;
  /** Undefined for 204. */
  body: Buffer | undefined;
  /** The JSON value the body encodes, when it is JSON. */
  json: unknown;
}

const SLOW_TICK_MS = 250;
const STREAM_CHUNK_BYTES = 64 * 1024;

export function render(result: DemoResponse): Rendered {
  const headers: Record<string, string> = {...result.headers};
  let body = '';
  if (result.text) {
    body = result.text.body;
    headers['content-type'] = result.text.contentType;
  } else if (result.json !== undefined) {
    body = JSON.stringify(result.json);
    headers['content-type'] = 'application/json';
  }
  return {status: result.status, headers, body: result.status === 204 ? undefined : Buffer.from(body), json: result.text ? undefined : result.json};
}

/** Below this, nginx's `gzip_min_length` default leaves an answer as it is. */
const GZIP_MIN_LENGTH = 20;

/** `rendered` gzipped when it is JSON and the request accepts gzip (`--gzip`), as nginx does it. */
export function gzipFor(request: IncomingHttpHeaders, rendered: Rendered): Rendered {
  if (!acceptsGzip(request['accept-encoding'] ?? '') || !rendered.body || rendered.body.length < GZIP_MIN_LENGTH || rendered.headers['content-type'] !== 'application/json') return rendered;
  return {...rendered, headers: {...rendered.headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding'}, body: gzipSync(rendered.body)};
}

/** Whether an Accept-Encoding names gzip with a weight above 0 (`gzip`, `gzip;q=0.5`, not `gzip;q=0`). */
function acceptsGzip(header: string): boolean {
  return header.split(',').some((member) => {
    const [coding, ...parameters] = member.split(';').map((part) => part.trim().toLowerCase());
    const weight = parameters.find((parameter) => parameter.startsWith('q='));
    return coding === 'gzip' && (weight === undefined || Number(weight.slice(2)) > 0);
  });
}

/** The whole answer with its Content-Length. */
export function send(response: ServerResponse, rendered: Rendered): void {
  if (response.destroyed) return;
  response.writeHead(rendered.status, withLength(rendered));
  response.end(rendered.body);
}

/** Headers that announce the whole body, half of it, then the connection closes under the client. */
export function sendTruncated(response: ServerResponse, rendered: Rendered): void {
  if (response.destroyed) return;
  const body = rendered.body ?? Buffer.alloc(0);
  response.writeHead(rendered.status, {...rendered.headers, 'content-length': String(body.length)});
  response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
}

/** Headers at once, then the body in small pieces spread evenly over `durationMs`. */
export function sendSlowly(response: ServerResponse, rendered: Rendered, durationMs: number): void {
  if (response.destroyed) return;
  const body = rendered.body ?? Buffer.alloc(0);
  response.writeHead(rendered.status, withLength(rendered));
  response.flushHeaders();
  const pieces = Math.max(1, Math.min(body.length, Math.ceil(durationMs / SLOW_TICK_MS)));
  const size = Math.ceil(body.length / pieces);
  let sent = 0;
  const timer = setInterval(() => {
    if (response.destroyed) return clearInterval(timer);
    const piece = body.subarray(sent, sent + size);
    sent += piece.length;
    if (sent >= body.length) {
      clearInterval(timer);
      response.end(piece);
    } else response.write(piece);
  }, durationMs / pieces);
  // A client that gives up (or close()) must not leave the interval running.
  response.once('close', () => clearInterval(timer));
}

/**
 * The answer grown to about `bytes`: a confd list repeats its first item (and says so in `total`),
 * any other JSON object or array gains a long padding string. Non-JSON answers go out unchanged.
 */
export async function sendHuge(response: ServerResponse, rendered: Rendered, bytes: number, chunked: boolean): Promise<void> {
  const parts = hugeParts(rendered.json, bytes);
  if (!parts || response.destroyed) return send(response, rendered);
  const headers: Record<string, string> = {...rendered.headers};
  if (!chunked) headers['content-length'] = String(parts.head.length + parts.unit.length * parts.count + parts.tail.length);
  response.writeHead(rendered.status, headers);
  const batch = Math.max(1, Math.floor(STREAM_CHUNK_BYTES / parts.unit.length));
  const full = repeat(parts.unit, Math.min(batch, parts.count));
  if (!(await write(response, parts.head))) return;
  for (let left = parts.count; left > 0; left -= batch) {
    const chunk = left >= batch ? full : repeat(parts.unit, left);
    if (!(await write(response, chunk))) return;
  }
  response.end(parts.tail);
}

/** A body as head + unit × count + tail. */
interface HugeParts {
  head: Buffer;
  unit: Buffer;
  count: number;
  tail: Buffer;
}

function hugeParts(json: unknown, bytes: number): HugeParts | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const items = Array.isArray(json) ? undefined : (json as {items?: unknown}).items;
  if (Array.isArray(items) && items.length > 0) {
    const item = Buffer.from(JSON.stringify(items[0]));
    const count = Math.max(1, Math.ceil(bytes / (item.length + 1)));
    return {
      head: Buffer.from(`{"total": ${count}, "items": [${item.toString()}`),
      unit: Buffer.concat([Buffer.from(','), item]),
      count: count - 1,
      tail: Buffer.from(']}'),
    };
  }
  const encoded = JSON.stringify(json);
  const empty = encoded.length === 2;
  const open = Array.isArray(json) ? '"' : '"padding": "';
  const close = Array.isArray(json) ? '"]' : '"}';
  const head = Buffer.from(`${encoded.slice(0, -1)}${empty ? '' : ', '}${open}`);
  return {head, unit: Buffer.from('x'), count: Math.max(0, bytes - head.length - close.length), tail: Buffer.from(close)};
}

/** Write one chunk, waiting while the client's window is full; false once the client is gone. */
async function write(response: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (response.destroyed) return false;
  if (!response.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.on('drain', done);
      response.on('close', done);
    });
  }
  return !response.destroyed;
}

/** `unit` `times` times over, in one buffer. */
function repeat(unit: Buffer, times: number): Buffer {
  return Buffer.alloc(unit.length * times, unit);
}

function withLength(rendered: Rendered): Record<string, string> {
  return rendered.body === undefined ? rendered.headers : {...rendered.headers, 'content-length': String(rendered.body.length)};
}
