/**
 * wazo-confd under `/api/confd/1.1`: users, lines, extensions and infos (NOTES §3, §4, §7), and the
 * other collections of the registry (confd-collections.ts) through one generic list and item route.
 */
import {header, UUID_SEGMENT, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {confdNotFound, confdUnauthorized} from './errors.js';
import {tokenAllows, visibleTenants, type DemoContext} from './context.js';
import {requiredAcl} from './acl.js';
import {ListParamError} from './query.js';
import type {ServedCollection} from './confd-collections.js';
import {createSerializer, type Serializer} from './serialize.js';
import {tenantSubtree} from './tenants.js';
import type {TokenRecord} from './tokens.js';

const WAZO_VERSION = '25.14';

type CollectionName = 'users' | 'lines' | 'extensions';

/** The wazo-confd routing table. */
export function confdRoutes(context: DemoContext): Route[] {
  const list = (name: CollectionName): Route => ({
    methods: ['GET'],
    pattern: new RegExp(`^/${name}$`),
    handler: (request) => listCollection(context, request, name),
  });
  // `/users/<int:id>` and `/users/<uuid:id>` both route to one user; lines and extensions take ints.
  const item = (name: CollectionName, idPattern: string, methods: string[]): Route => ({
    methods,
    pattern: new RegExp(`^/${name}/(?<id>${idPattern})$`),
    handler: (request, params) => getItem(context, request, name, params.id ?? ''),
  });
  return [
    list('users'),
    item('users', `\\d+|${UUID_SEGMENT}`, ['GET', 'HEAD']),
    list('lines'),
    item('lines', '\\d+', ['GET']),
    list('extensions'),
    item('extensions', '\\d+', ['GET']),
    {methods: ['GET'], pattern: /^\/infos$/, handler: (request) => infos(context, request)},
    // Longer paths first: `endpoints/sip/templates` before `endpoints/sip/<uuid>`.
    ...[...context.collections.pbx.served]
      .sort((a, b) => b.path.length - a.path.length)
      .flatMap((collection): Route[] => [
        {methods: ['GET'], pattern: new RegExp(`^/${collection.path}$`), handler: (request) => listServed(context, request, collection)},
        {methods: ['GET'], pattern: new RegExp(`^/${collection.path}/(?<id>${collection.idPattern})$`), handler: (request, params) => getServed(context, request, collection, params.id ?? '')},
      ]),
  ];
}

function listServed(context: DemoContext, request: DemoRequest, collection: ServedCollection): DemoResponse {
  const auth = authorize(context, request, `confd.${collection.acl}.read`);
  if ('status' in auth) return auth;
  let refused: DemoResponse | undefined;
  const tenants = (recurse: boolean) => {
    const readable = readableTenants(context, auth, recurse);
    if (readable instanceof Set) return readable;
    refused = readable;
    return undefined;
  };
  try {
    const page = collection.list(request.query, tenants, context.collections.pbx.serializer(confdBase(request)));
    return page ? {status: 200, json: page} : (refused ?? {status: 500, json: ['Unexpected error']});
  } catch (error) {
    if (error instanceof ListParamError) return {status: 400, json: error.messages};
    throw error;
  }
}

/** Like the users' item GET: every visible tenant, except for provd's devices (the scoping tenant only). */
function getServed(context: DemoContext, request: DemoRequest, collection: ServedCollection, id: string): DemoResponse {
  const auth = authorize(context, request, requiredAcl(`confd.${collection.acl}.{id}.read`, {id}));
  if ('status' in auth) return auth;
  const tenants = collection.itemScope === 'scoping' ? new Set([auth.tenant]) : readableTenants(context, auth, true);
  if (!(tenants instanceof Set)) return tenants;
  const body = collection.get(id, tenants, context.collections.pbx.serializer(confdBase(request)));
  return body === undefined ? {status: 404, json: collection.notFound(id)} : {status: 200, json: body};
}

function confdBase(request: DemoRequest): string {
  return `https://${request.host}/api/confd/1.1`;
}

interface Authorized {
  record: TokenRecord;
  /** The scoping tenant: `Wazo-Tenant`, else the token's. */
  tenant: string;
}

/**
 * xivo's verify_token as confd runs it: an unknown token answers `[str((token, acl))]`, a missing ACL
 * or a tenant outside the token's subtree `[str((token, acl, tenant or None))]`, both 401.
 */
function authorize(context: DemoContext, request: DemoRequest, required: string): Authorized | DemoResponse {
  const token = header(request, 'x-auth-token') ?? '';
  const record = context.tokens.find(token);
  if (!record) return {status: 401, json: confdUnauthorized([token, required])};
  const tenantHeader = header(request, 'wazo-tenant') || null;
  const tenantAllowed = tenantHeader === null || visibleTenants(context, record).has(tenantHeader);
  if (!tenantAllowed || !tokenAllows(record, required)) {
    return {status: 401, json: confdUnauthorized([token, required, tenantHeader])};
  }
  return {record, tenant: tenantHeader ?? record.account.tenantUuid};
}

/**
 * The tenants a request reads (`Token.visible_tenants`): the scoping tenant, plus its subtree when
 * recursing. confd asks wazo-auth with the caller's own token, so without `auth.tenants.read` it
 * silently keeps the token's tenant, and fails for any other tenant.
 */
function readableTenants(context: DemoContext, auth: Authorized, recurse: boolean): Set<string> | DemoResponse {
  if (!recurse) return new Set([auth.tenant]);
  if (!tokenAllows(auth.record, 'auth.tenants.read')) {
    if (auth.tenant === auth.record.account.tenantUuid) return new Set([auth.tenant]);
    return {status: 500, json: [`Unexpected error: Invalid tenant "${auth.tenant}"`]};
  }
  return new Set(tenantSubtree(context.data.tenants, auth.tenant).map((tenant) => tenant.uuid));
}

function serializerFor(context: DemoContext, request: DemoRequest): Serializer {
  return createSerializer(context.data, confdBase(request));
}

function listCollection(context: DemoContext, request: DemoRequest, name: CollectionName): DemoResponse {
  const auth = authorize(context, request, `confd.${name}.read`);
  if ('status' in auth) return auth;
  let params;
  try {
    params = context.collections[name].parse(request.query);
  } catch (error) {
    if (error instanceof ListParamError) return {status: 400, json: error.messages};
    throw error;
  }
  const tenants = readableTenants(context, auth, params.recurse);
  if (!(tenants instanceof Set)) return tenants;
  const serializer = serializerFor(context, request);
  if (name === 'users') {
    const page = context.collections.users.list(params, tenants);
    const view = request.query.get('view');
    const shape = view === 'summary' ? serializer.userSummary : view === 'directory' ? serializer.userDirectory : serializer.user;
    return {status: 200, json: {total: page.total, items: page.items.map(shape)}};
  }
  if (name === 'lines') {
    const page = context.collections.lines.list(params, tenants);
    return {status: 200, json: {total: page.total, items: page.items.map(serializer.line)}};
  }
  const page = context.collections.extensions.list(params, tenants);
  return {status: 200, json: {total: page.total, items: page.items.map(serializer.extension)}};
}

/** An item GET looks in every tenant the scoping tenant can see (confd uses recurse=True there). */
function getItem(context: DemoContext, request: DemoRequest, name: CollectionName, id: string): DemoResponse {
  const auth = authorize(context, request, requiredAcl(`confd.${name}.{id}.read`, {id}));
  if ('status' in auth) return auth;
  const tenants = readableTenants(context, auth, true);
  if (!(tenants instanceof Set)) return tenants;
  const numeric = /^\d+$/.test(id);
  const key = numeric ? Number(id) : id;
  const serializer = serializerFor(context, request);
  const {data} = context;
  let body: unknown;
  if (name === 'users') {
    const user = numeric ? data.usersById.get(Number(id)) : data.usersByUuid.get(id.toLowerCase());
    if (user && tenants.has(user.tenantUuid)) body = request.method === 'HEAD' ? null : serializer.user(user);
  } else if (name === 'lines') {
    const line = data.linesById.get(Number(id));
    if (line && tenants.has(line.tenantUuid)) body = serializer.line(line);
  } else {
    const extension = data.extensionsById.get(Number(id));
    if (extension && tenants.has(extension.tenantUuid)) body = serializer.extension(extension);
  }
  if (body === undefined) return {status: 404, json: confdNotFound(context.collections[name].spec.resource, key)};
  return body === null ? {status: 200} : {status: 200, json: body};
}

function infos(context: DemoContext, request: DemoRequest): DemoResponse {
  const auth = authorize(context, request, 'confd.infos.read');
  if ('status' in auth) return auth;
  return {status: 200, json: {uuid: context.data.xivoUuid, wazo_version: WAZO_VERSION}};
}
