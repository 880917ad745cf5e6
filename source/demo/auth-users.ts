/**
 * wazo-auth `/users` and `/users/{uuid}/policies` (`plugins/http/users`, `user_policy`, `UserDAO`).
 * Users are listed and fetched within the scoping tenant's subtree; `POST /users` answers 200.
 */
import {UUID_SEGMENT, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {conflict, invalidData, unauthorizedAccess, unknownUser} from './auth-errors.js';
import {authorize, authorizeScoped, badRequest, isResponse, pathSegment, scopedTenants, type AuthContext} from './auth-guard.js';
import {listPage, parseList, type ListColumns, type ListSchema} from './auth-lists.js';
import {callerAccess, findPolicy, policyJson} from './auth-policies.js';
import {requiredAcl} from './acl.js';
import {readUserBody} from './auth-user-body.js';
import type {AuthPolicy, AuthUser} from './directory.js';

const USER_LIST: ListSchema = {
  sortColumns: ['username', 'firstname', 'lastname'],
  defaultSort: 'username',
  filterKeys: [
    'uuid', 'username', 'firstname', 'lastname', 'purpose', 'email_address', 'group_uuid',
    'policy_uuid', 'policy_slug', 'has_policy_uuid', 'has_policy_slug',
  ],
};
const USER_POLICY_LIST: ListSchema = {
  sortColumns: ['name', 'description', 'uuid'],
  defaultSort: 'name',
  filterKeys: ['uuid', 'name', 'user_uuid', 'group_uuid', 'tenant_uuid'],
};

export function userRoutes(context: AuthContext): Route[] {
  const user = `/users/(?<user>${UUID_SEGMENT})`;
  const uuidOf = (params: Record<string, string>) => (params.user ?? '').toLowerCase();
  return [
    {methods: ['GET'], pattern: /^\/users$/, handler: (request) => listUsers(context, request)},
    {methods: ['POST'], pattern: /^\/users$/, handler: (request) => createUser(context, request)},
    {methods: ['GET', 'DELETE'], pattern: new RegExp(`^${user}$`), handler: (request, params) => userItem(context, request, uuidOf(params))},
    {
      methods: ['GET'],
      pattern: new RegExp(`^${user}/policies$`),
      handler: (request, params) => listUserPolicies(context, request, uuidOf(params)),
    },
    {
      methods: ['PUT', 'DELETE'],
      pattern: new RegExp(`^${user}/policies/(?<policy>${UUID_SEGMENT})$`),
      handler: (request, params) => userPolicy(context, request, uuidOf(params), {uuid: (params.policy ?? '').toLowerCase()}),
    },
    {
      methods: ['PUT', 'DELETE'],
      pattern: new RegExp(`^${user}/policies/(?<slug>[^/]+)$`),
      handler: (request, params) => userPolicy(context, request, uuidOf(params), {slug: pathSegment(params.slug)}),
    },
  ];
}

/** A user as `UserDAO.list_` returns it (GET, lists). */
function userJson(user: AuthUser) {
  return {
    username: user.username,
    uuid: user.uuid,
    enabled: user.enabled,
    emails: user.emails.map((email) => ({uuid: email.uuid, address: email.address, main: email.main, confirmed: email.confirmed})),
    firstname: user.firstname,
    lastname: user.lastname,
    purpose: user.purpose,
    tenant_uuid: user.tenantUuid,
    authentication_method: user.authenticationMethod,
  };
}

/** A user as `UserDAO.create` returns it (the answer to POST). */
function createdUserJson(user: AuthUser) {
  return {
    uuid: user.uuid,
    username: user.username,
    firstname: user.firstname,
    lastname: user.lastname,
    purpose: user.purpose,
    emails: user.emails.map((email) => ({uuid: email.uuid, address: email.address, confirmed: email.confirmed, main: email.main})),
    enabled: user.enabled,
    tenant_uuid: user.tenantUuid,
    authentication_method: user.authenticationMethod,
  };
}

/** The user, if it lies in the scoping tenant's subtree (`assert_user_in_subtenant`), or a 404. */
export function visibleUser(context: AuthContext, uuid: string, tenant: string): AuthUser | DemoResponse {
  const user = context.directory.user(uuid);
  if (user && scopedTenants(context, tenant, true).includes(user.tenantUuid)) return user;
  return {status: 404, json: unknownUser(uuid, context.clock())};
}

function holds(context: AuthContext, user: AuthUser, test: (policy: AuthPolicy) => boolean): boolean {
  return user.policyUuids.some((uuid) => {
    const policy = context.directory.policy(uuid);
    return policy !== undefined && test(policy);
  });
}

/** `GET /users`: `{filtered, total, items}` in the scoping tenant (and below, with `recurse`). */
function listUsers(context: AuthContext, request: DemoRequest): DemoResponse {
  const caller = authorizeScoped(context, request, 'auth.users.read');
  if (isResponse(caller)) return caller;
  const query = parseList(request.query, USER_LIST, context.clock());
  if (isResponse(query)) return query;
  const tenants = scopedTenants(context, caller.tenant, query.recurse);
  const users = context.directory.allUsers().filter((user) => tenants.includes(user.tenantUuid));
  const columns: ListColumns<AuthUser> = {
    sortValue: (user, column) => (column === 'firstname' ? user.firstname : column === 'lastname' ? user.lastname : user.username),
    searchValues: (user) => [user.firstname, user.lastname, user.username, ...user.emails.map((email) => email.address)],
    matches: (user, key, value) => {
      switch (key) {
        case 'uuid':
          return user.uuid === value;
        case 'username':
        case 'firstname':
        case 'lastname':
        case 'purpose':
          return user[key] === value;
        case 'email_address':
          return user.emails.some((email) => email.address === value);
        case 'policy_uuid':
        case 'has_policy_uuid':
          return holds(context, user, (policy) => policy.uuid === value);
        case 'policy_slug':
        case 'has_policy_slug':
          return holds(context, user, (policy) => policy.slug === value);
        default:
          // group_uuid: the demo has no groups.
          return false;
      }
    },
  };
  const {filtered, page} = listPage(users, query, columns);
  return {status: 200, json: {filtered, total: users.length, items: page.map(userJson)}};
}

/** `POST /users` → 200 (not 201); a taken username or email is a 409 `conflict`. */
function createUser(context: AuthContext, request: DemoRequest): DemoResponse {
  const caller = authorizeScoped(context, request, 'auth.users.create');
  if (isResponse(caller)) return caller;
  const now = context.clock();
  const body = readUserBody(request.body);
  if (body === 'not-json') return badRequest();
  if ('details' in body) return {status: 400, json: invalidData('users', body.message, body.details, now)};
  const created = context.directory.createUser({...body, tenantUuid: caller.tenant});
  if ('column' in created) return {status: 409, json: conflict('users', created.column, created.value, now)};
  return {status: 200, json: createdUserJson(created)};
}

/** `GET|DELETE /users/{uuid}`. Deleting takes the user's refresh tokens along; its sessions stay. */
function userItem(context: AuthContext, request: DemoRequest, uuid: string): DemoResponse {
  const verb = request.method === 'GET' ? 'read' : 'delete';
  const caller = authorizeScoped(context, request, requiredAcl(`auth.users.{user_uuid}.${verb}`, {user_uuid: uuid}));
  if (isResponse(caller)) return caller;
  const user = visibleUser(context, uuid, caller.tenant);
  if (isResponse(user)) return user;
  if (request.method === 'GET') return {status: 200, json: userJson(user)};
  context.directory.deleteUser(user.uuid);
  context.tokens.deleteRefreshTokensOf(user.uuid);
  return {status: 204};
}

/** `GET /users/{uuid}/policies`: no tenant scoping and no check that the user exists, as upstream. */
function listUserPolicies(context: AuthContext, request: DemoRequest, uuid: string): DemoResponse {
  const caller = authorize(context, request, requiredAcl('auth.users.{user_uuid}.policies.read', {user_uuid: uuid}));
  if (isResponse(caller)) return caller;
  const query = parseList(request.query, USER_POLICY_LIST, context.clock());
  if (isResponse(query)) return query;
  const held = (context.directory.user(uuid)?.policyUuids ?? []).flatMap((policyUuid) => context.directory.policy(policyUuid) ?? []);
  const {filtered, page} = listPage(held, query, {
    sortValue: (policy, column) => (column === 'description' ? policy.description : column === 'uuid' ? policy.uuid : policy.name),
    searchValues: (policy) => [policy.name, policy.description],
    matches: (policy, key, value) =>
      key === 'uuid' ? policy.uuid === value : key === 'name' ? policy.name === value : key === 'tenant_uuid' ? policy.tenantUuid === value : key === 'user_uuid' && value === uuid,
  });
  return {status: 200, json: {items: page.map((policy) => policyJson(policy, null)), total: held.length, filtered}};
}

/**
 * `PUT|DELETE /users/{uuid}/policies/{policy uuid|slug}`: the caller must hold every ACL of the
 * policy. PUT looks the policy up in every tenant (an upstream FIXME), DELETE in the visible ones.
 */
function userPolicy(context: AuthContext, request: DemoRequest, uuid: string, key: {uuid: string} | {slug: string}): DemoResponse {
  const [name, value] = 'uuid' in key ? ['policy_uuid', key.uuid] : ['policy_slug', key.slug];
  const verb = request.method === 'PUT' ? 'create' : 'delete';
  const caller = authorizeScoped(context, request, requiredAcl(`auth.users.{user_uuid}.policies.{${name}}.${verb}`, {user_uuid: uuid, [name]: value}));
  if (isResponse(caller)) return caller;
  const now = context.clock();
  const tenants = scopedTenants(context, caller.tenant, 'uuid' in key);
  const bySlug = 'slug' in key ? findPolicy(context, key, tenants) : undefined;
  if (bySlug && isResponse(bySlug)) return bySlug;
  const policyKey = bySlug ? {uuid: bySlug.uuid} : key;
  const policy = findPolicy(context, policyKey, request.method === 'PUT' ? null : tenants);
  if (isResponse(policy)) return policy;
  const access = callerAccess(caller);
  const allowed = request.method === 'PUT' ? (entry: string) => access.mayAddAccess(entry) : (entry: string) => access.mayRemoveAccess(entry);
  const refused = policy.acl.find((entry) => !allowed(entry));
  if (refused !== undefined) return {status: 401, json: unauthorizedAccess(caller.token, refused, now)};
  const user = context.directory.user(uuid);
  if (!user) return {status: 404, json: unknownUser(uuid, now)};
  // Both are silent when there is nothing to do: an existing association, or a missing one.
  if (request.method === 'PUT') context.directory.addPolicy(user, policy);
  else context.directory.removePolicy(user, policy.uuid);
  return {status: 204};
}
