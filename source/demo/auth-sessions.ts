/**
 * wazo-auth sessions and refresh tokens (`plugins/http/sessions`, `user_session`, `tokens`):
 * `GET /sessions`, `DELETE /sessions/{uuid}`, `GET|DELETE /users/{uuid}/sessions[/{uuid}]`,
 * `GET /tokens`, `GET /users/{uuid|me}/tokens`, `DELETE /users/{uuid|me}/tokens/{client_id}`.
 * Deleting a session deletes its token; deleting a refresh token leaves issued tokens alone.
 */
import {UUID_SEGMENT, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {unknownRefreshToken} from './auth-errors.js';
import {authorizeScoped, isResponse, pathSegment, scopedTenants, type AuthContext} from './auth-guard.js';
import {listPage, parseBoolean, parseList, type ListColumns, type ListSchema} from './auth-lists.js';
import {visibleUser} from './auth-users.js';
import {requiredAcl} from './acl.js';
import {formatUtc, type RefreshRecord, type TokenRecord} from './tokens.js';

const SESSION_LIST: ListSchema = {sortColumns: ['mobile'], defaultSort: null, filterKeys: []};
const REFRESH_LIST: ListSchema = {sortColumns: ['created_at', 'client_id', 'mobile'], defaultSort: 'created_at', filterKeys: ['created_at', 'client_id', 'mobile']};
const ME = 'me';

export function sessionRoutes(context: AuthContext): Route[] {
  const user = `/users/(?<user>${UUID_SEGMENT}|${ME})`;
  const userOf = (params: Record<string, string>) => (params.user === ME ? ME : (params.user ?? '').toLowerCase());
  return [
    {methods: ['GET'], pattern: /^\/sessions$/, handler: (request) => listSessions(context, request, null)},
    {
      methods: ['DELETE'],
      pattern: new RegExp(`^/sessions/(?<session>${UUID_SEGMENT})$`),
      handler: (request, params) => deleteSession(context, request, null, (params.session ?? '').toLowerCase()),
    },
    {
      methods: ['GET'],
      pattern: new RegExp(`^/users/(?<user>${UUID_SEGMENT})/sessions$`),
      handler: (request, params) => listSessions(context, request, userOf(params)),
    },
    {
      methods: ['DELETE'],
      pattern: new RegExp(`^/users/(?<user>${UUID_SEGMENT})/sessions/(?<session>${UUID_SEGMENT})$`),
      handler: (request, params) => deleteSession(context, request, userOf(params), (params.session ?? '').toLowerCase()),
    },
    {methods: ['GET'], pattern: /^\/tokens$/, handler: (request) => listRefreshTokens(context, request, null)},
    {methods: ['GET'], pattern: new RegExp(`^${user}/tokens$`), handler: (request, params) => listRefreshTokens(context, request, userOf(params))},
    {
      methods: ['DELETE'],
      pattern: new RegExp(`^${user}/tokens/(?<clientId>[^/]+)$`),
      handler: (request, params) => deleteRefreshToken(context, request, userOf(params), pathSegment(params.clientId)),
    },
  ];
}

/** A session item: exactly `{uuid, mobile, tenant_uuid, user_uuid}`. */
function sessionJson(record: TokenRecord) {
  return {uuid: record.sessionUuid, mobile: record.mobile, tenant_uuid: record.sessionTenantUuid, user_uuid: record.account.uuid};
}

/** A refresh-token item (`RefreshTokenSchema`); `created_at` is an aware UTC datetime. */
function refreshJson(record: RefreshRecord) {
  return {
    client_id: record.clientId,
    created_at: `${formatUtc(record.createdAt).replace(/\.000000$/, '')}+00:00`,
    mobile: record.mobile,
    user_uuid: record.userUuid,
    tenant_uuid: record.tenantUuid,
    metadata: {},
  };
}

/** `GET /sessions` (the scoping tenant, `recurse` for below) or a user's sessions (any tenant). */
function listSessions(context: AuthContext, request: DemoRequest, userUuid: string | null): DemoResponse {
  const acl = userUuid === null ? 'auth.sessions.read' : requiredAcl('auth.users.{user_uuid}.sessions.read', {user_uuid: userUuid});
  const caller = authorizeScoped(context, request, acl);
  if (isResponse(caller)) return caller;
  if (userUuid !== null) {
    const user = visibleUser(context, userUuid, caller.tenant);
    if (isResponse(user)) return user;
  }
  const query = parseList(request.query, SESSION_LIST, context.clock());
  if (isResponse(query)) return query;
  let sessions = context.tokens.sessions();
  if (userUuid === null) {
    const tenants = scopedTenants(context, caller.tenant, query.recurse);
    sessions = sessions.filter((record) => tenants.includes(record.sessionTenantUuid));
  } else sessions = sessions.filter((record) => record.account.uuid === userUuid);
  // The session DAO has no search nor filters: `total` and `filtered` are the same count.
  const {page} = listPage(sessions, {...query, search: null}, {sortValue: (record) => record.mobile, searchValues: () => [], matches: () => true});
  return {status: 200, json: {filtered: sessions.length, total: sessions.length, items: page.map(sessionJson)}};
}

/**
 * `DELETE /sessions/{uuid}` and `/users/{uuid}/sessions/{uuid}`: 204 whether or not the session was
 * there; it is deleted when it lies in the scoping tenant's subtree, whoever it belongs to.
 */
function deleteSession(context: AuthContext, request: DemoRequest, userUuid: string | null, sessionUuid: string): DemoResponse {
  const acl =
    userUuid === null
      ? requiredAcl('auth.sessions.{session_uuid}.delete', {session_uuid: sessionUuid})
      : requiredAcl('auth.users.{user_uuid}.sessions.{session_uuid}.delete', {user_uuid: userUuid, session_uuid: sessionUuid});
  const caller = authorizeScoped(context, request, acl);
  if (isResponse(caller)) return caller;
  if (userUuid !== null) {
    const user = visibleUser(context, userUuid, caller.tenant);
    if (isResponse(user)) return user;
  }
  context.tokens.deleteSession(sessionUuid, new Set(scopedTenants(context, caller.tenant, true)));
  return {status: 204};
}

/**
 * `GET /tokens` (the tenant; `recurse` as asked), `/users/me/tokens` (the tenant only) and
 * `/users/{uuid}/tokens` (the subtree): `{total, filtered, items}`.
 */
function listRefreshTokens(context: AuthContext, request: DemoRequest, userUuid: string | null): DemoResponse {
  const acl = userUuid === null ? 'auth.tokens.read' : requiredAcl('auth.users.{user_uuid}.tokens.read', {user_uuid: userUuid});
  const caller = authorizeScoped(context, request, acl);
  if (isResponse(caller)) return caller;
  const owner = userUuid === ME ? caller.record.account.uuid : userUuid;
  if (owner !== null) {
    const user = visibleUser(context, owner, caller.tenant);
    if (isResponse(user)) return user;
  }
  const query = parseList(request.query, REFRESH_LIST, context.clock());
  if (isResponse(query)) return query;
  const recurse = userUuid === null ? query.recurse : userUuid !== ME;
  const tenants = scopedTenants(context, caller.tenant, recurse);
  const all = context.tokens.refreshTokens().filter((record) => tenants.includes(record.tenantUuid) && (owner === null || record.userUuid === owner));
  const {filtered, page} = listPage(all, query, REFRESH_COLUMNS);
  return {status: 200, json: {total: all.length, filtered, items: page.map(refreshJson)}};
}

const REFRESH_COLUMNS: ListColumns<RefreshRecord> = {
  sortValue: (record, column) => (column === 'client_id' ? record.clientId : column === 'mobile' ? record.mobile : record.createdAt),
  searchValues: (record) => [record.clientId],
  matches: (record, key, value) => {
    if (key === 'client_id') return record.clientId === value;
    if (key === 'mobile') return parseBoolean(value) === record.mobile;
    return refreshJson(record).created_at === value;
  },
};

/** `DELETE /users/{uuid|me}/tokens/{client_id}` → 204, or 404 when that user has no such refresh token. */
function deleteRefreshToken(context: AuthContext, request: DemoRequest, userUuid: string, clientId: string): DemoResponse {
  const caller = authorizeScoped(context, request, requiredAcl('auth.users.{user_uuid}.tokens.{client_id}.delete', {user_uuid: userUuid, client_id: clientId}));
  if (isResponse(caller)) return caller;
  const owner = userUuid === ME ? caller.record.account.uuid : userUuid;
  const user = visibleUser(context, owner, caller.tenant);
  if (isResponse(user)) return user;
  if (!context.tokens.deleteRefreshToken(owner, clientId, new Set(scopedTenants(context, caller.tenant, true)))) {
    return {status: 404, json: unknownRefreshToken(clientId, context.clock())};
  }
  return {status: 204};
}
