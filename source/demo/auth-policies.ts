/**
 * wazo-auth `/policies` (`plugins/http/policies`, `PolicyDAO`): list, get, create and delete, by
 * uuid or slug. A caller may only put into a policy, or delete from one, ACLs it holds itself.
 */
import {UUID_SEGMENT, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {unauthorizedAccess} from './auth-errors.js';
import {authorizeScoped, badRequest, isResponse, legacy, objectBody, pathSegment, scopedTenants, type AuthContext, type Caller} from './auth-guard.js';
import {listPage, loadBoolean, parseList, type ListColumns, type ListSchema} from './auth-lists.js';
import {AccessCheck, requiredAcl} from './acl.js';
import {tenantBranch, tenantSubtree} from './tenants.js';
import {pythonReprValue} from './text.js';
import type {AuthPolicy} from './directory.js';

const POLICY_LIST: ListSchema = {
  sortColumns: ['name', 'slug', 'description', 'uuid', 'read_only'],
  defaultSort: 'name',
  filterKeys: ['uuid', 'name', 'slug', 'user_uuid', 'group_uuid', 'tenant_uuid'],
  booleans: ['read_only'],
};
/** The columns the paginator can sort by (`read_only` passes the schema, then fails here). */
const SORTABLE = new Set(['name', 'slug', 'description', 'uuid']);
const SLUG = /^[a-zA-Z0-9_-]+$/;

export function policyRoutes(context: AuthContext): Route[] {
  const byUuid = new RegExp(`^/policies/(?<uuid>${UUID_SEGMENT})$`);
  return [
    {methods: ['GET'], pattern: /^\/policies$/, handler: (request) => listPolicies(context, request)},
    {methods: ['POST'], pattern: /^\/policies$/, handler: (request) => createPolicy(context, request)},
    {methods: ['GET', 'DELETE'], pattern: byUuid, handler: (request, params) => policyItem(context, request, {uuid: (params.uuid ?? '').toLowerCase()})},
    {
      methods: ['GET', 'DELETE'],
      pattern: /^\/policies\/(?<slug>[^/]+)$/,
      handler: (request, params) => policyItem(context, request, {slug: pathSegment(params.slug)}),
    },
  ];
}

/**
 * Policies seen from `tenants` (the requested tenant first): its own and, read-only, the shared
 * ones of the tenants above (`_read_only_filter`).
 */
function visiblePolicies(context: AuthContext, tenants: readonly string[]): AuthPolicy[] {
  const branch = new Set(tenantBranch(context.data.tenants, tenants[0] ?? '').map((tenant) => tenant.uuid));
  return context.directory.allPolicies().filter((policy) => tenants.includes(policy.tenantUuid) || (policy.shared && branch.has(policy.tenantUuid)));
}

/** `PolicyFullSchema` dump; a shared policy seen from below shows that tenant and is read-only there. */
export function policyJson(policy: AuthPolicy, tenants: readonly string[] | null) {
  const first = tenants?.[0];
  const exposed = first !== undefined && policy.shared && !tenants?.includes(policy.tenantUuid) ? first : policy.tenantUuid;
  const readOnly = policy.shared && exposed !== policy.tenantUuid;
  return {
    uuid: policy.uuid,
    tenant_uuid: exposed,
    name: policy.name,
    slug: policy.slug,
    description: policy.description,
    acl: [...policy.acl],
    read_only: readOnly,
    shared: readOnly ? false : policy.shared,
  };
}

/** `PolicyDAO.get` / `get_by(slug=…)`: the 404 names what was looked for, as a Python dict. */
export function findPolicy(context: AuthContext, key: {uuid: string} | {slug: string}, tenants: readonly string[] | null): AuthPolicy | DemoResponse {
  const candidates = tenants === null ? context.directory.allPolicies() : visiblePolicies(context, tenants);
  const found = candidates.find((policy) => ('uuid' in key ? policy.uuid === key.uuid : policy.slug === key.slug));
  return found ?? legacy(context, 404, `No such policy ${pythonReprValue(key)}`);
}

/** The caller's own ACL, as `AccessCheck(auth_id, session_uuid, acl)`. */
export function callerAccess(caller: Caller): AccessCheck {
  return new AccessCheck(caller.record.account.acl, caller.record.account.uuid, caller.record.sessionUuid);
}

/** How `GET /policies` sorts, searches and filters (`PolicyDAO`; the demo has no groups). */
function policyColumns(context: AuthContext): ListColumns<AuthPolicy> {
  return {
    sortValue: (policy, column) =>
      column === 'name' ? policy.name : column === 'slug' ? policy.slug : column === 'description' ? policy.description : policy.uuid,
    searchValues: (policy) => [policy.name, policy.description],
    matches: (policy, key, value) => {
      if (key === 'user_uuid') return context.directory.user(value)?.policyUuids.includes(policy.uuid) ?? false;
      if (key === 'group_uuid') return false;
      if (key === 'tenant_uuid') return policy.tenantUuid === value;
      return (key === 'uuid' ? policy.uuid : key === 'name' ? policy.name : policy.slug) === value;
    },
  };
}

/** `GET /policies`: `{items, total}`, total counting every visible policy whatever the filters. */
function listPolicies(context: AuthContext, request: DemoRequest): DemoResponse {
  const caller = authorizeScoped(context, request, 'auth.policies.read');
  if (isResponse(caller)) return caller;
  const query = parseList(request.query, POLICY_LIST, context.clock());
  if (isResponse(query)) return query;
  if (query.order !== null && !SORTABLE.has(query.order)) return legacy(context, 400, `Invalid sort column: ${query.order}`);
  const tenants = scopedTenants(context, caller.tenant, query.recurse);
  const visible = visiblePolicies(context, tenants);
  const readOnly = query.booleans.get('read_only');
  const parent = context.data.tenants.find((tenant) => tenant.uuid === caller.tenant)?.parent_uuid ?? null;
  const above = new Set(parent === null ? [] : tenantBranch(context.data.tenants, parent).map((tenant) => tenant.uuid));
  const wanted = visible.filter((policy) => {
    if (readOnly === true) return policy.shared && above.has(policy.tenantUuid);
    if (readOnly === false) return tenants.includes(policy.tenantUuid);
    return true;
  });
  const {page} = listPage(wanted, query, policyColumns(context));
  return {status: 200, json: {items: page.map((policy) => policyJson(policy, tenants)), total: visible.length}};
}

/** `POST /policies`: 200 with the policy; 400/409 legacy bodies; 401 for an ACL the caller lacks. */
function createPolicy(context: AuthContext, request: DemoRequest): DemoResponse {
  const caller = authorizeScoped(context, request, 'auth.policies.create');
  if (isResponse(caller)) return caller;
  const body = readPolicyBody(request.body);
  if (typeof body === 'string') return body === '' ? badRequest() : legacy(context, 400, `Invalid value supplied for field: ${body}`);
  const access = callerAccess(caller);
  const refused = body.acl.find((entry) => !access.mayAddAccess(entry));
  if (refused !== undefined) return {status: 401, json: unauthorizedAccess(caller.token, refused, context.clock())};
  const {directory, data} = context;
  const slug = body.slug ?? directory.defaultSlug(body.name, caller.tenant);
  const branch = new Set(tenantBranch(data.tenants, caller.tenant).map((tenant) => tenant.uuid));
  const subtree = new Set(tenantSubtree(data.tenants, caller.tenant).map((tenant) => tenant.uuid));
  if (directory.policyClashes({name: body.name, slug, tenantUuid: caller.tenant, shared: body.shared}, branch, subtree)) {
    return legacy(context, 409, `Policy "${body.name}" already exists`);
  }
  const policy = directory.createPolicy({...body, slug, tenantUuid: caller.tenant});
  return {status: 200, json: policyJson(policy, null)};
}

/** `GET|DELETE /policies/{uuid|slug}`: by uuid across the visible subtree, by slug in the tenant only. */
function policyItem(context: AuthContext, request: DemoRequest, key: {uuid: string} | {slug: string}): DemoResponse {
  const [name, value] = 'uuid' in key ? ['policy_uuid', key.uuid] : ['policy_slug', key.slug];
  const verb = request.method === 'GET' ? 'read' : 'delete';
  const caller = authorizeScoped(context, request, requiredAcl(`auth.policies.{${name}}.${verb}`, {[name]: value}));
  if (isResponse(caller)) return caller;
  const tenants = scopedTenants(context, caller.tenant, 'uuid' in key);
  const policy = findPolicy(context, key, tenants);
  if (isResponse(policy)) return policy;
  if (request.method === 'GET') return {status: 200, json: policyJson(policy, tenants)};
  const access = callerAccess(caller);
  const refused = policy.acl.find((entry) => !access.mayRemoveAccess(entry));
  if (refused !== undefined) return {status: 401, json: unauthorizedAccess(caller.token, refused, context.clock())};
  if (policy.shared && !tenants.includes(policy.tenantUuid)) return legacy(context, 403, `Forbidden policy deletion: "${policy.uuid}"`);
  if (!tenants.includes(policy.tenantUuid)) return legacy(context, 404, `No such policy ${policy.uuid}`);
  context.directory.deletePolicy(policy.uuid);
  return {status: 204};
}

interface PolicyBody {
  name: string;
  slug: string | null;
  description: string | null;
  acl: string[];
  shared: boolean;
}

/**
 * `PolicyFullSchema().load`: the body, or the first invalid field's name (wazo-auth reports only
 * that one), or '' when the body is not JSON at all.
 */
function readPolicyBody(raw: Buffer): PolicyBody | string {
  const body = objectBody(raw);
  if (body === 'not-json') return '';
  if (body === 'not-an-object') return '_schema';
  const {name, slug = null, description = null, acl = [], shared = false} = body;
  if (typeof name !== 'string' || name.length < 1 || name.length > 80) return 'name';
  if (slug !== null && (typeof slug !== 'string' || slug.length < 1 || slug.length > 80 || !SLUG.test(slug))) return 'slug';
  if (description !== null && typeof description !== 'string') return 'description';
  if (!Array.isArray(acl) || !acl.every((entry): entry is string => typeof entry === 'string')) return 'acl';
  const flag = loadBoolean(shared);
  if (flag === undefined) return 'shared';
  return {name, slug, description, acl, shared: flag};
}
