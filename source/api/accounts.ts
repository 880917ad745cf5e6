/**
 * The wazo-auth account endpoints (`auth.yml`, NOTES §4-5): users, policies and the association
 * between them, sessions and refresh tokens. What the `account`, `token` and `revoke` commands and
 * the `:accounts` and `:sessions` screens send; every answer validated here.
 */
import {pageCeiling} from './answer-limit.js';
import {authListSchema, authUserSchema, policySchema, refreshTokenSchema, sessionSchema} from './account-schemas.js';
import {authHeaders} from './auth.js';
import type {AccountsApi, AuthedOptions, NewApiUser, NewPolicy} from './contract.js';
import {listParams} from './list-params.js';
import type {ApiRequest, Send} from './request.js';
import type {ListPage} from './schemas.js';
import {decodeAnswer} from './validate.js';
import type {z} from 'zod';

/** The body of `POST /users` (auth.yml `UserCreate`) for an API account. */
export function userCreateBody(user: NewApiUser): Record<string, unknown> {
  const body: Record<string, unknown> = {username: user.username, password: user.password, purpose: user.purpose ?? 'external_api', enabled: true};
  if (user.firstname !== undefined) body.firstname = user.firstname;
  return body;
}

/** The body of `POST /policies` (auth.yml `Policy`). */
export function policyCreateBody(policy: NewPolicy): Record<string, unknown> {
  const body: Record<string, unknown> = {name: policy.name, acl: [...policy.acl]};
  if (policy.description !== undefined) body.description = policy.description;
  return body;
}

const segment = encodeURIComponent;

/**
 * For the operations auth.yml gives no `Wazo-Tenant` (those on one user, session or association,
 * named by uuid): the token's own tenant scopes them, and its subtree holds the working tenant.
 */
const unscoped = (options: AuthedOptions): AuthedOptions => ({...options, tenant: undefined});

export function createAccountsApi(send: Send): AccountsApi {
  function request(method: ApiRequest['method'], path: string, label: string, options: AuthedOptions, extra: Partial<ApiRequest> = {}): ApiRequest {
    return {
      service: 'auth',
      method,
      path,
      label,
      headers: authHeaders(options),
      signal: options.signal,
      secrets: [options.token],
      ...extra,
    };
  }

  async function decoded<S extends z.ZodType>(schema: S, sent: ApiRequest): Promise<z.output<S>> {
    return decodeAnswer(schema, (await send(sent)).body, sent);
  }

  async function page<S extends z.ZodType>(item: S, sent: ApiRequest): Promise<ListPage<z.output<S>>> {
    // A list is a page: its ceiling follows the rows asked for (answer-limit.ts).
    const limit = sent.searchParams?.get('limit');
    const answer = await decoded(authListSchema(item), {...sent, answer: 'page', maxBytes: pageCeiling(limit ? Number(limit) : undefined)});
    return {total: answer.filtered ?? answer.total, items: answer.items};
  }

  async function done(sent: ApiRequest): Promise<void> {
    await send(sent);
  }

  return {
    listUsers: (query, options) => page(authUserSchema, request('GET', 'users', 'GET /users', options, {searchParams: listParams(query)})),
    getUser: (uuid, options) => decoded(authUserSchema, request('GET', `users/${segment(uuid)}`, 'GET /users/{uuid}', unscoped(options))),
    createUser(user, options) {
      return decoded(authUserSchema, request('POST', 'users', 'POST /users', options, {json: userCreateBody(user), secrets: [options.token, user.password]}));
    },
    deleteUser: (uuid, options) => done(request('DELETE', `users/${segment(uuid)}`, 'DELETE /users/{uuid}', unscoped(options))),

    listPolicies: (query, options) => page(policySchema, request('GET', 'policies', 'GET /policies', options, {searchParams: listParams(query)})),
    createPolicy: (policy, options) => decoded(policySchema, request('POST', 'policies', 'POST /policies', options, {json: policyCreateBody(policy)})),
    deletePolicy: (uuid, options) => done(request('DELETE', `policies/${segment(uuid)}`, 'DELETE /policies/{uuid}', options)),

    userPolicies: (userUuid, options) =>
      page(policySchema, request('GET', `users/${segment(userUuid)}/policies`, 'GET /users/{uuid}/policies', unscoped(options))),
    attachPolicy: (userUuid, policyUuid, options) =>
      done(request('PUT', `users/${segment(userUuid)}/policies/${segment(policyUuid)}`, 'PUT /users/{uuid}/policies/{uuid}', unscoped(options))),

    listSessions: (query, options) => page(sessionSchema, request('GET', 'sessions', 'GET /sessions', options, {searchParams: listParams(query)})),
    userSessions: (userUuid, query, options) =>
      page(sessionSchema, request('GET', `users/${segment(userUuid)}/sessions`, 'GET /users/{uuid}/sessions', options, {searchParams: listParams(query)})),
    deleteSession(sessionUuid, options, userUuid) {
      if (userUuid === undefined) return done(request('DELETE', `sessions/${segment(sessionUuid)}`, 'DELETE /sessions/{uuid}', unscoped(options)));
      return done(request('DELETE', `users/${segment(userUuid)}/sessions/${segment(sessionUuid)}`, 'DELETE /users/{uuid}/sessions/{uuid}', unscoped(options)));
    },

    refreshTokens: (user, query, options) =>
      page(refreshTokenSchema, request('GET', `users/${segment(user)}/tokens`, `GET /users/${user === 'me' ? 'me' : '{uuid}'}/tokens`, options, {searchParams: listParams(query)})),
    deleteUserRefreshToken: (user, clientId, options) =>
      done(
        request('DELETE', `users/${segment(user)}/tokens/${segment(clientId)}`, `DELETE /users/${user === 'me' ? 'me' : '{uuid}'}/tokens/{client_id}`, unscoped(options)),
      ),
  };
}
