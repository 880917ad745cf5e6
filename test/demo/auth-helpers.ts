/** Requests to the demo server's wazo-auth as an administrator's tool sends them, and their checks. */
import assert from 'node:assert/strict';
import type {DemoServer} from '../../source/demo/server.js';
import {basicAuth, demoRequest, type DemoHttpResponse} from '../helpers/demo.js';

export type Json = Record<string, unknown>;

/** One wazo-auth request below `/api/auth/0.1`, with a token (or none) and extra headers. */
export function auth(
  server: DemoServer,
  token: string | null,
  method: string,
  path: string,
  body?: object | string,
  headers: Record<string, string> = {},
): Promise<DemoHttpResponse> {
  return demoRequest(server, {
    method,
    path: `/api/auth/0.1${path}`,
    headers: {...(token === null ? {} : {'x-auth-token': token}), ...headers},
    ...(body === undefined ? {} : {body}),
  });
}

/** `POST /token` with Basic credentials (or none) and a body; the whole answer. */
export function tokenRequest(server: DemoServer, credentials: {username: string; password: string} | null, body: object = {}, headers: Record<string, string> = {}) {
  return demoRequest(server, {
    method: 'POST',
    path: '/api/auth/0.1/token',
    headers: {...(credentials ? {authorization: basicAuth(credentials.username, credentials.password)} : {}), ...headers},
    body,
  });
}

/** The `data` of a 200 token answer. */
export function tokenData(response: DemoHttpResponse): Json {
  assert.equal(response.status, 200, response.text);
  return (response.json as {data: Json}).data;
}

/**
 * The quickstart's account steps: `POST /users`, `POST /policies`, `PUT /users/{uuid}/policies/{uuid}`.
 * Returns the user and policy as the server answered them.
 */
export async function createAccount(
  server: DemoServer,
  adminToken: string,
  account: {username: string; password: string; acl: string[]},
): Promise<{user: Json; policy: Json}> {
  const created = await auth(server, adminToken, 'POST', '/users', {username: account.username, password: account.password, purpose: 'external_api'});
  assert.equal(created.status, 200, created.text);
  const user = created.json as Json;
  const made = await auth(server, adminToken, 'POST', '/policies', {name: `${account.username}-policy`, acl: account.acl});
  assert.equal(made.status, 200, made.text);
  const policy = made.json as Json;
  const linked = await auth(server, adminToken, 'PUT', `/users/${String(user.uuid)}/policies/${String(policy.uuid)}`);
  assert.equal(linked.status, 204, linked.text);
  return {user, policy};
}

/** An APIException body: `{message, error_id, details, timestamp[, resource]}` with this status and id. */
export function assertApiError(response: DemoHttpResponse, status: number, errorId: string, resource?: string): Json {
  assert.equal(response.status, status, response.text);
  const body = response.json as Json;
  assert.deepEqual(Object.keys(body), ['message', 'error_id', 'details', 'timestamp', ...(resource ? ['resource'] : [])]);
  assert.equal(body.error_id, errorId);
  assert.equal(typeof body.timestamp, 'number');
  if (resource) assert.equal(body.resource, resource);
  return body;
}

/** A legacy `{reason: [msg], timestamp: [float], status_code}` body. */
export function assertLegacy(response: DemoHttpResponse, status: number, reason: string): void {
  assert.equal(response.status, status, response.text);
  const body = response.json as {reason: string[]; timestamp: number[]; status_code: number};
  assert.deepEqual(Object.keys(body), ['reason', 'timestamp', 'status_code']);
  assert.deepEqual(body.reason, [reason]);
  assert.equal(typeof body.timestamp[0], 'number');
  assert.equal(body.status_code, status);
}

/** A 401 for a live token that lacks `acl`. */
export function assertMissingAcl(response: DemoHttpResponse, acl: string): void {
  const body = assertApiError(response, 401, 'unauthorized');
  const details = body.details as Json;
  assert.equal(details.reason, 'missing_permission_or_invalid_tenant');
  assert.equal(details.required_access, acl);
}
