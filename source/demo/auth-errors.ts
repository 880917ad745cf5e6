/**
 * wazo-auth's APIException bodies beyond the token checks (`wazo_auth/exceptions.py`, xivo's
 * `Unauthorized` and `UnauthorizedTenant`): `{message, error_id, details, timestamp, resource?}`.
 */
import {apiException} from './errors.js';
import type {PythonValue} from './text.js';

function withResource<T extends object>(body: T, resource: string): T & {resource: string} {
  return {...body, resource};
}

/** 404 `unknown-user`: `No such user: "<uuid>"`. */
export function unknownUser(uuid: string, nowMs: number) {
  return withResource(apiException(`No such user: "${uuid}"`, 'unknown-user', {uuid}, nowMs), 'users');
}

/** 401 for a `Wazo-Tenant` outside the token owner's subtree (`Tenant.autodetect`). */
export function unauthorizedTenant(tenantUuid: string, nowMs: number) {
  return apiException('Unauthorized tenant', 'unauthorized-tenant', {tenant_uuid: tenantUuid}, nowMs);
}

/** 401 when a caller grants or removes an ACL it does not hold itself (`may_add_access`). */
export function unauthorizedAccess(token: string, requiredAccess: string, nowMs: number) {
  return apiException('Unauthorized', 'unauthorized', {invalid_token: token, required_access: requiredAccess}, nowMs);
}

/**
 * 400 `invalid-list-param`: the message is marshmallow's whole error dict, not a sentence, and the
 * resource is `users` whatever the list (`InvalidListParamException(e.messages)`).
 */
export function invalidListParam(messages: {[field: string]: PythonValue}, nowMs: number) {
  return {message: messages, error_id: 'invalid-list-param', details: {}, timestamp: nowMs / 1000, resource: 'users'};
}

/** 400 `invalid-data` (`_BaseParamException`): usually the first field's first message, details `{field: info}`. */
export function invalidData(resource: string, message: string, details: {[key: string]: PythonValue}, nowMs: number) {
  return withResource(apiException(message, 'invalid-data', details, nowMs), resource);
}

/** 409 `conflict` (`ConflictException`, `UsernameLoginAlreadyExists`, `EmailLoginAlreadyExists`). */
export function conflict(resource: string, column: string, value: string, nowMs: number) {
  const message = column === 'uuid' ? `The uuid "${value}" is already used` : `The login "${value}" is already used`;
  return withResource(apiException('Conflict detected', 'conflict', {[column]: {constraint_id: 'unique', message}}, nowMs), resource);
}

/** 404 `cannot-find-refresh-token-matching-client-id`. */
export function unknownRefreshToken(clientId: string, nowMs: number) {
  return withResource(
    apiException(`unknown refresh_token for client_id "${clientId}"`, 'cannot-find-refresh-token-matching-client-id', {client_id: clientId}, nowMs),
    'tokens',
  );
}
