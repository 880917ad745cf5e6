/**
 * The one request shape the typed endpoints hand to the client, and what they get back.
 * Endpoints describe a request; only `client.ts` turns it into HTTP.
 */
import type {AnswerKind} from './answer-limit.js';

/** Which Wazo service a request goes to. */
export type Service = 'auth' | 'confd';

/** A request to one service, relative to its base URL. */
export interface ApiRequest {
  service: Service;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the service's base URL, without a leading slash (`users/12`). */
  path: string;
  /** How messages name the request, free of secrets: `GET /users`, `HEAD /token/…`. */
  label: string;
  searchParams?: URLSearchParams;
  headers?: Record<string, string>;
  /** A JSON body. */
  json?: unknown;
  signal?: AbortSignal;
  /** Statuses besides 2xx that the endpoint reads itself (`HEAD /token` answers 404 for "no"). */
  accept?: readonly number[];
  /** What a 401 means: wrong credentials (`login`), a refused refresh token (`refresh`), or (default) the X-Auth-Token. */
  unauthorized?: 'login' | 'refresh';
  /** What the answer holds, which bounds its size (answer-limit.ts); default a record. */
  answer?: AnswerKind;
  /** A smaller ceiling than the kind's, in bytes (a page of few rows). */
  maxBytes?: number;
  /** Strings that must never appear in a message (the token, the password), even when the server echoes them. */
  secrets: readonly string[];
}

/** A response whose status is 2xx or listed in `accept`; the body is the raw text. */
export interface ApiResponse {
  status: number;
  body: string;
}

/** Sends one request through the client's got instance for that service. */
export type Send = (request: ApiRequest) => Promise<ApiResponse>;

/** The product name of a service, as messages say it. */
export function serviceName(service: Service): string {
  return service === 'auth' ? 'wazo-auth' : 'wazo-confd';
}
