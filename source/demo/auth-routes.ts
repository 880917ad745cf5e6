/**
 * wazo-auth under `/api/auth/0.1` (NOTES §2-6): tokens and tenants here; users, policies, sessions
 * and refresh tokens in their own modules, over one directory of users and policies per server.
 */
import {header, UUID_SEGMENT, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {tokenAllows, visibleTenants, type DemoContext} from './context.js';
import {authorizeScoped, isResponse, legacy, type AuthContext} from './auth-guard.js';
import {listPage, parseList, type ListSchema} from './auth-lists.js';
import {policyRoutes} from './auth-policies.js';
import {sessionRoutes} from './auth-sessions.js';
import {userRoutes} from './auth-users.js';
import {AuthDirectory, type AuthUser} from './directory.js';
import {tenantSubtree} from './tenants.js';
import {pythonReprValue, type PythonValue} from './text.js';
import type {TokenRecord} from './tokens.js';

const DEFAULT_EXPIRATION = 7200;
const MAX_EXPIRATION = 315_360_000;
const TENANT_LIST: ListSchema = {sortColumns: ['name', 'slug'], defaultSort: 'name', filterKeys: ['uuid', 'name', 'slug']};

/** The wazo-auth routing table; the seeded accounts become the directory's first users. */
export function authRoutes(shared: DemoContext): Route[] {
  const context: AuthContext = {...shared, directory: new AuthDirectory(shared.accounts)};
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
    {methods: ['GET'], pattern: /^\/tenants$/, handler: (request) => listTenants(context, request)},
    ...userRoutes(context),
    ...policyRoutes(context),
    ...sessionRoutes(context),
  ];
}

type Body = Record<string, unknown>;

/** `POST /token`: Basic auth or a refresh token; the JSON body is required. */
function createToken(context: AuthContext, request: DemoRequest): DemoResponse {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return legacy(context, 400, 'The browser (or proxy) sent a request that this server could not understand.');
  }
  const errors = validateTokenRequest(body);
  if (errors) return legacy(context, 400, pythonReprValue(errors));
  const args = body as Body;
  const expiration = args.expiration === undefined ? DEFAULT_EXPIRATION : Math.trunc(Number(args.expiration));
  const clientId = typeof args.client_id === 'string' ? args.client_id : undefined;
  const refreshToken = typeof args.refresh_token === 'string' ? args.refresh_token : undefined;

  let user: AuthUser | undefined;
  if (refreshToken && clientId) {
    const uuid = context.tokens.redeemRefreshToken(refreshToken, clientId);
    user = uuid === undefined ? undefined : context.directory.user(uuid);
  } else {
    const credentials = basicCredentials(header(request, 'authorization'));
    const candidate = credentials && context.directory.userByLogin(credentials.login);
    user = candidate && candidate.password !== null && candidate.password === credentials.password ? candidate : undefined;
  }
  if (!user?.enabled) return legacy(context, 401, 'Authentication Failed');
  // `internal` users are exempt from the session limit.
  if (user.purpose !== 'internal' && context.tokens.liveCount(user.uuid) >= context.maxSessions) {
    return legacy(context, 429, `User ${user.uuid} has exceeded the maximum number of active sessions`);
  }
  // The ACL is the user's policies as they are now, copied into the token.
  const owner = context.directory.owner(user);
  const mobile = (header(request, 'wazo-session-type') ?? '').toLowerCase() === 'mobile';
  const offline = args.access_type === 'offline' && clientId !== undefined;
  const login = offline ? context.tokens.offlineLogin(owner, clientId, mobile) : {refreshToken: null, revoked: 0};
  const client = {remoteAddr: request.remoteAddress, userAgent: header(request, 'user-agent') ?? '', mobile};
  const used = refreshToken && clientId ? refreshToken : null;
  const record = context.tokens.issue(owner, expiration, client, {shown: login.refreshToken, used});
  return {status: 200, json: {data: context.tokens.toDict(record)}, headers: {'Wazo-Sessions-Revoked': String(login.revoked)}};
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
  if (!record) return legacy(context, 404, 'No such token');
  const scope = request.query.get('scope');
  if (scope !== null && !tokenAllows(record, scope)) return legacy(context, 403, `Unauthorized for ${scope}`);
  const tenant = request.query.get('tenant');
  if (tenant !== null && !visibleTenants(context, record).has(tenant)) {
    return legacy(context, 403, `Unauthorized for tenant ${tenant}`);
  }
  return record;
}

/** `POST /token/{token}/scopes/check` → `{"scopes": {acl: bool}}` (a map, whatever the spec says). */
function checkScopes(context: DemoContext, request: DemoRequest, token: string): DemoResponse {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return legacy(context, 400, 'The browser (or proxy) sent a request that this server could not understand.');
  }
  const scopes = typeof body === 'object' && body !== null ? (body as Body).scopes : undefined;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    return legacy(context, 400, pythonReprValue({scopes: [{message: 'Not a valid list.', constraint_id: 'type', constraint: 'list'}]}));
  }
  const record = context.tokens.find(token);
  if (!record) return legacy(context, 404, 'No such token');
  const tenant = (body as Body).tenant_uuid;
  if (typeof tenant === 'string' && !visibleTenants(context, record).has(tenant)) {
    return legacy(context, 403, `Unauthorized for tenant ${tenant}`);
  }
  return {status: 200, json: {scopes: Object.fromEntries(scopes.map((scope: string) => [scope, tokenAllows(record, scope)]))}};
}

/** `GET /tenants`: the scoping tenant's subtree, with wazo-auth's list parameters. */
function listTenants(context: AuthContext, request: DemoRequest): DemoResponse {
  const caller = authorizeScoped(context, request, 'auth.tenants.read');
  if (isResponse(caller)) return caller;
  const query = parseList(request.query, TENANT_LIST, context.clock());
  if (isResponse(query)) return query;
  const all = tenantSubtree(context.data.tenants, caller.tenant);
  const {filtered, page} = listPage(all, query, {
    sortValue: (tenant, column) => (column === 'slug' ? tenant.slug : tenant.name),
    searchValues: (tenant) => [tenant.name, tenant.slug],
    matches: (tenant, key, value) => (key === 'uuid' ? tenant.uuid : key === 'slug' ? tenant.slug : tenant.name) === value,
  });
  return {
    status: 200,
    json: {
      total: all.length,
      filtered,
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
