/** The demo server's request and answer types, and routing by a small table. */
import type {IncomingHttpHeaders} from 'node:http';
import {METHOD_NOT_ALLOWED, ROUTE_NOT_FOUND} from './errors.js';

/** Where nginx exposes each service on a real Wazo. */
export const AUTH_PREFIX = '/api/auth/0.1';
export const CONFD_PREFIX = '/api/confd/1.1';

/** One request, body already read. */
export interface DemoRequest {
  method: string;
  /** Path below the service prefix, e.g. `/users/42`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  remoteAddress: string;
  /** The Host header as the client sent it (links are built from it). */
  host: string;
}

/** An answer: a JSON body (or none), a status and extra headers. */
export interface DemoResponse {
  status: number;
  json?: unknown;
  text?: {body: string; contentType: string};
  headers?: Record<string, string>;
}

export type RouteHandler = (request: DemoRequest, params: Record<string, string>) => DemoResponse;

/** One row of a routing table: methods, a path pattern with named groups, and the handler. */
export interface Route {
  methods: readonly string[];
  pattern: RegExp;
  handler: RouteHandler;
}

/** werkzeug's `<uuid:…>` converter. */
export const UUID_SEGMENT = '[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}';

/** Find the route for a request; Flask's 404 or 405 when none fits. */
export function dispatch(routes: readonly Route[], request: DemoRequest): DemoResponse {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(request.path);
    if (!match) continue;
    pathMatched = true;
    if (!route.methods.includes(request.method)) continue;
    return route.handler(request, {...match.groups});
  }
  return pathMatched ? {status: 405, json: METHOD_NOT_ALLOWED} : {status: 404, json: ROUTE_NOT_FOUND};
}

/** A header's single value (the first when repeated), or undefined. */
export function header(request: DemoRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
