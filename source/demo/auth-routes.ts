/** wazo-auth under `/api/auth/0.1`: tokens, refresh tokens and tenants (NOTES §2, §3, §5, §6). */
import {header, UUID_SEGMENT, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {apiException, invalidTokenError, legacyError, missingPermissionError} from './errors.js';
import {tokenAllows, visibleTenants, type DemoContext} from './context.js';
import {requiredAcl} from './acl.js';
import {tenantSubtree} from './tenants.js';
import {fold, pythonReprValue, type PythonValue} from './text.js';
import type {Account} from './accounts.js';
import type {TokenRecord} from './tokens.js';

const DEFAULT_EXPIRATION = 7200;
const MAX_EXPIRATION = 315_360_000;

/** The wazo-auth routing table. */
export function authRoutes(context: DemoContext): Route[] {
  return [
    {methods: ['POST'], pattern: /^\/token$/, handler: (request) => createToken(context, request)},
    {
      methods: ['GET', 'HEAD', 'DELETE'],
      pattern: new RegExp(`^/token/(?<token>${UUID_SEGMENT})$`),
      handler: (request, params) => tokenItem(context, request, params.token ?? ''),
    },
    {
      methods: ['POST'],
      pattern: new RegExp(`^/token/(?<token>${UUID_SEGMENT})/scopes/check$`),
      handler: (request, params) => checkScopes(context, request, params.token ?? ''),
    },
    {
      methods: ['DELETE'],
      pattern: /^\/users\/me\/tokens\/(?<clientId>[^/]+)$/,
      handler: (request, params) => deleteMyRefreshToken(context, request, decodeURIComponent(params.clientId ?? '')),
    },
    {methods: ['GET'], pattern: /^\/tenants$/, handler: (request) => listTenants(context, request)},
  ];
}

type Body = Record<string, unknown>;

function fail(context: DemoContext, status: number, message: string): DemoResponse {
  return {status, json: legacyError(status, message, context.clock())};
}

/** `POST /token`: Basic auth or a refresh token; the JSON body is required. */
function createToken(context: DemoContext, request: DemoRequest): DemoResponse {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return fail(context, 400, 'The browser (or proxy) sent a request that this server could not understand.');
  }
  const errors = validateTokenRequest(body);
  if (errors) return fail(context, 400, pythonReprValue(errors));
  const args = body as Body;
  const expiration = args.expiration === undefined ? DEFAULT_EXPIRATION : Math.trunc(Number(args.expiration));
  const clientId = typeof args.client_id === 'string' ? args.client_id : undefined;
  const refreshToken = typeof args.refresh_token === 'string' ? args.refresh_token : undefined;

  let account: Account | undefined;
  if (refreshToken && clientId) {
    const uuid = context.tokens.redeemRefreshToken(refreshToken, clientId);
    account = context.accounts.find((candidate) => candidate.uuid === uuid);
  } else {
    const credentials = basicCredentials(header(request, 'authorization'));
    account = credentials && context.accounts.find((a) => a.username === credentials.login && a.password === credentials.password);
  }
  if (!account) return fail(context, 401, 'Authentication Failed');
  if (context.tokens.liveCount(account.uuid) >= context.maxSessions) {
    return fail(context, 429, `User ${account.uuid} has exceeded the maximum number of active sessions`);
  }
  const offline = args.access_type === 'offline' && clientId !== undefined;
  const refresh = offline ? context.tokens.refreshTokenFor(account, clientId) : null;
  const userAgent = header(request, 'user-agent') ?? '';
  const record = context.tokens.issue(account, expiration, request.remoteAddress, userAgent, refresh);
  return {status: 200, json: {data: context.tokens.toDict(record)}};
}

/** The marshmallow messages of TokenRequestSchema, or null when the body is valid. */
function validateTokenRequest(body: unknown): {[key: string]: PythonValue} | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {_schema: ['Invalid input type.']};
  const args = body as Body;
  const errors: {[key: string]: PythonValue} = {};
  for (const field of ['backend', 'access_type', 'client_id', 'refresh_token', 'tenant_id', 'domain_name', 'saml_session_id']) {
    if (args[field] !== undefined && typeof args[field] !== 'string') errors[field] = [typeError('string')];
  }
  if (args.expiration !== undefined) {
    const value = args.expiration;
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(number)) errors.expiration = [typeError('integer')];
    else if (Math.trunc(number) < 1 || Math.trunc(number) > MAX_EXPIRATION) {
      errors.expiration = [
        {
          constraint_id: 'range',
          constraint: {min: 1, max: MAX_EXPIRATION},
          message: `Must be greater than or equal to 1 and less than or equal to ${MAX_EXPIRATION}.`,
        },
      ];
    }
  }
  if (typeof args.access_type === 'string' && !['online', 'offline'].includes(args.access_type)) {
    errors.access_type = [{constraint_id: 'enum', constraint: {choices: ['online', 'offline']}, message: 'Must be one of: online, offline.'}];
  }
  if (typeof args.client_id === 'string' && (args.client_id.length < 1 || args.client_id.length > 1024)) {
    errors.client_id = [{constraint_id: 'length', constraint: {min: 1, max: 1024}, message: 'Length must be between 1 and 1024.'}];
  }
  const ordered = orderFields(errors);
  if (ordered) return ordered;

  const schema: string[] = [];
  if (args.access_type === 'offline') {
    if (args.refresh_token) schema.push('cannot use the "access_type" "offline" with a refresh token');
    else if (!args.client_id) schema.push('"client_id" must be specified when using "access_type" is "offline"');
  }
  if (args.refresh_token && !args.client_id) schema.push('"client_id" must be specified when using a "refresh_token"');
  return schema.length > 0 ? {_schema: schema} : null;
}

/** Field errors in the schema's declaration order, as marshmallow reports them. */
function orderFields(errors: {[key: string]: PythonValue}): {[key: string]: PythonValue} | null {
  const order = ['backend', 'expiration', 'access_type', 'client_id', 'refresh_token', 'tenant_id', 'domain_name', 'saml_session_id'];
  const present = order.filter((field) => field in errors);
  if (present.length === 0) return null;
  return Object.fromEntries(present.map((field) => [field, errors[field] ?? null]));
}

function typeError(kind: string): {[key: string]: PythonValue} {
  return {message: `Not a valid ${kind}.`, constraint_id: 'type', constraint: kind};
}

/** `Authorization: Basic …` decoded as UTF-8 (latin-1 when that fails), split at the first colon. */
function basicCredentials(authorization: string | undefined): {login: string; password: string} | undefined {
  if (!authorization?.startsWith('Basic ')) return undefined;
  const raw = Buffer.from(authorization.slice(6), 'base64');
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(raw);
  } catch {
    text = raw.toString('latin1');
  }
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const login = text.slice(0, colon);
  const password = text.slice(colon + 1);
  return login && password ? {login, password} : undefined;
}

/** `HEAD|GET|DELETE /token/{token}`. */
function tokenItem(context: DemoContext, request: DemoRequest, token: string): DemoResponse {
  if (request.method === 'DELETE') {
    context.tokens.revoke(token);
    return {status: 200, json: {data: {message: 'success'}}};
  }
  const checked = checkToken(context, request, token);
  if ('status' in checked) return checked;
  return request.method === 'HEAD' ? {status: 204} : {status: 200, json: {data: context.tokens.toDict(checked)}};
}

/** The `scope` and `tenant` checks of `GET/HEAD /token/{token}`. */
function checkToken(context: DemoContext, request: DemoRequest, token: string): TokenRecord | DemoResponse {
  const record = context.tokens.find(token);
  if (!record) return fail(context, 404, 'No such token');
  const scope = request.query.get('scope');
  if (scope !== null && !tokenAllows(record, scope)) return fail(context, 403, `Unauthorized for ${scope}`);
  const tenant = request.query.get('tenant');
  if (tenant !== null && !visibleTenants(context, record).has(tenant)) {
    return fail(context, 403, `Unauthorized for tenant ${tenant}`);
  }
  return record;
}

/** `POST /token/{token}/scopes/check` → `{"scopes": {acl: bool}}` (a map, whatever the spec says). */
function checkScopes(context: DemoContext, request: DemoRequest, token: string): DemoResponse {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return fail(context, 400, 'The browser (or proxy) sent a request that this server could not understand.');
  }
  const scopes = typeof body === 'object' && body !== null ? (body as Body).scopes : undefined;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    return fail(context, 400, pythonReprValue({scopes: [{message: 'Not a valid list.', constraint_id: 'type', constraint: 'list'}]}));
  }
  const record = context.tokens.find(token);
  if (!record) return fail(context, 404, 'No such token');
  const tenant = (body as Body).tenant_uuid;
  if (typeof tenant === 'string' && !visibleTenants(context, record).has(tenant)) {
    return fail(context, 403, `Unauthorized for tenant ${tenant}`);
  }
  return {status: 200, json: {scopes: Object.fromEntries(scopes.map((scope: string) => [scope, tokenAllows(record, scope)]))}};
}

/**
 * The check every protected wazo-auth route makes: a live token (X-Auth-Token, or `?token=`), the
 * required ACL, and a `Wazo-Tenant` inside the token's subtree. Failures are 401 APIException bodies.
 */
function authorize(context: DemoContext, request: DemoRequest, required: string): {record: TokenRecord; tenant: string} | DemoResponse {
  const token = header(request, 'x-auth-token') ?? request.query.get('token') ?? '';
  const record = context.tokens.find(token);
  const now = context.clock();
  if (!record) return {status: 401, json: invalidTokenError(token, required, now)};
  const tenantHeader = header(request, 'wazo-tenant') || null;
  if (tenantHeader !== null && !visibleTenants(context, record).has(tenantHeader)) {
    return {status: 401, json: missingPermissionError(token, required, tenantHeader, now)};
  }
  if (!tokenAllows(record, required)) return {status: 401, json: missingPermissionError(token, required, tenantHeader, now)};
  return {record, tenant: tenantHeader ?? record.account.tenantUuid};
}

/** `DELETE /users/me/tokens/{client_id}`: forget this user's refresh token for that client. */
function deleteMyRefreshToken(context: DemoContext, request: DemoRequest, clientId: string): DemoResponse {
  const checked = authorize(context, request, requiredAcl('auth.users.me.tokens.{client_id}.delete', {client_id: clientId}));
  if ('status' in checked) return checked;
  context.tokens.deleteRefreshToken(checked.record.account.uuid, clientId);
  return {status: 204};
}

/** `GET /tenants`: the scoping tenant's subtree, with wazo-auth's list parameters. */
function listTenants(context: DemoContext, request: DemoRequest): DemoResponse {
  const checked = authorize(context, request, 'auth.tenants.read');
  if ('status' in checked) return checked;
  const {query} = request;
  const invalid = (field: string, message: PythonValue): DemoResponse => ({
    status: 400,
    json: apiException('Invalid list parameter', 'invalid-list-param', {[field]: message}, context.clock()),
  });
  const order = query.get('order') ?? 'name';
  if (order !== 'name' && order !== 'slug') {
    return invalid('order', [{constraint_id: 'enum', constraint: ['name', 'slug'], message: 'Must be one of: name, slug.'}]);
  }
  const direction = query.get('direction') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') {
    return invalid('direction', [{constraint_id: 'enum', constraint: ['asc', 'desc'], message: 'Must be one of: asc, desc.'}]);
  }
  const limitText = query.get('limit');
  const offsetText = query.get('offset') ?? '0';
  const limit = limitText === null ? null : Number(limitText);
  const offset = Number(offsetText);
  if (limit !== null && !(Number.isInteger(limit) && limit >= 0)) return invalid('limit', [typeError('integer')]);
  if (!(Number.isInteger(offset) && offset >= 0)) return invalid('offset', [typeError('integer')]);

  const all = tenantSubtree(context.data.tenants, checked.tenant);
  const search = fold(query.get('search') ?? '');
  const filtered = all
    .filter((tenant) => !search || fold(tenant.name).includes(search) || fold(tenant.slug).includes(search))
    .sort((a, b) => (fold(a[order]) < fold(b[order]) ? -1 : fold(a[order]) > fold(b[order]) ? 1 : 0) * (direction === 'asc' ? 1 : -1));
  const page = filtered.slice(offset, limit === null ? undefined : offset + limit);
  return {
    status: 200,
    json: {
      total: all.length,
      filtered: filtered.length,
      items: page.map((tenant) => ({
        uuid: tenant.uuid,
        parent_uuid: tenant.parent_uuid,
        name: tenant.name,
        slug: tenant.slug,
        contact: null,
        phone: null,
        domain_names: [],
        address: {line_1: null, line_2: null, city: null, state: null, zip_code: null, country: null},
        default_authentication_method: 'native',
      })),
    },
  };
}
