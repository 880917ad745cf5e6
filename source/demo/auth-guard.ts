/**
 * What every protected wazo-auth route does before its own work: the token and ACL check of
 * `AuthResource` (xivo's verifier; wazo-auth ignores `Wazo-Tenant` there) and, for the routes that
 * scope by tenant, `Tenant.autodetect` (the token owner's tenant, or a `Wazo-Tenant` below it).
 */
import {header, type DemoRequest, type DemoResponse} from './http.js';
import {invalidTokenError, legacyError, missingPermissionError} from './errors.js';
import {unauthorizedTenant, unknownUser} from './auth-errors.js';
import {tokenAllows, type DemoContext} from './context.js';
import {tenantSubtree} from './tenants.js';
import type {AuthDirectory} from './directory.js';
import type {TokenRecord} from './tokens.js';

/** The shared context plus wazo-auth's users and policies. */
export interface AuthContext extends DemoContext {
  directory: AuthDirectory;
}

export interface Caller {
  record: TokenRecord;
  /** The token as sent, for error details. */
  token: string;
}

export function isResponse(value: object): value is DemoResponse {
  return 'status' in value;
}

/** A live token (X-Auth-Token, or `?token=`) that grants `required`; 401 APIException bodies otherwise. */
export function authorize(context: DemoContext, request: DemoRequest, required: string): Caller | DemoResponse {
  const token = header(request, 'x-auth-token') ?? request.query.get('token') ?? '';
  const record = context.tokens.find(token);
  const now = context.clock();
  if (!record) return {status: 401, json: invalidTokenError(token, required, now)};
  if (!tokenAllows(record, required)) {
    return {status: 401, json: missingPermissionError(token, required, header(request, 'wazo-tenant') || null, now)};
  }
  return {record, token};
}

/**
 * `Tenant.autodetect`: the tenant of the token's user as it is now (404 when that user was deleted),
 * or the `Wazo-Tenant` asked for when it lies in that tenant's subtree (401 otherwise).
 */
function scopingTenant(context: AuthContext, request: DemoRequest, record: TokenRecord): string | DemoResponse {
  const now = context.clock();
  const user = context.directory.user(record.account.uuid);
  if (!user) return {status: 404, json: unknownUser(record.account.uuid, now)};
  const asked = header(request, 'wazo-tenant') || null;
  if (asked === null || asked === user.tenantUuid) return user.tenantUuid;
  if (tenantSubtree(context.data.tenants, user.tenantUuid).some((tenant) => tenant.uuid === asked)) return asked;
  return {status: 401, json: unauthorizedTenant(asked, now)};
}

/** `_get_scoped_tenant_uuids`: the tenant alone, or (recurse) it and every tenant below, it first. */
export function scopedTenants(context: DemoContext, tenant: string, recurse: boolean): string[] {
  return recurse ? tenantSubtree(context.data.tenants, tenant).map((item) => item.uuid) : [tenant];
}

/** Authorize, then autodetect the tenant: the preamble of most routes. */
export function authorizeScoped(context: AuthContext, request: DemoRequest, required: string): (Caller & {tenant: string}) | DemoResponse {
  const caller = authorize(context, request, required);
  if (isResponse(caller)) return caller;
  const tenant = scopingTenant(context, request, caller.record);
  return typeof tenant === 'string' ? {...caller, tenant} : tenant;
}

/** Answer in wazo-auth's legacy error shape (`TokenServiceException`, `_error()`). */
export function legacy(context: DemoContext, status: number, message: string): DemoResponse {
  return {status, json: legacyError(status, message, context.clock())};
}

/** werkzeug's 400 for a body that is not JSON (`request.get_json(force=True)`). */
export function badRequest(): DemoResponse {
  return {status: 400, json: {message: 'The browser (or proxy) sent a request that this server could not understand.'}};
}

/**
 * A request body as xivo's Schema loads it: `not-json` when it does not parse (werkzeug's 400),
 * `not-an-object` for a non-empty list or a scalar (marshmallow's `_schema` error), else the object;
 * any falsy body (`null`, `[]`, `0`) counts as `{}`.
 */
export function objectBody(raw: Buffer): Record<string, unknown> | 'not-json' | 'not-an-object' {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'not-json';
  }
  const body: unknown = parsed || {};
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : 'not-an-object';
}

/** A path segment as werkzeug decodes it; a malformed `%` escape stays as it is instead of failing. */
export function pathSegment(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    return raw ?? '';
  }
}
