/**
 * The registry of confd's other collections as the demo serves them: path, id segment, ACL name, the
 * 404 resource name, xivo-dao's columns (order, filters, search, default order) and the serialiser.
 * One generic route in confd-routes.ts serves each of them; indexes are built on first use.
 */
import {CollectionIndex, type CollectionSpec, type ColumnValue} from './query.js';
import {DeviceTable, parseDeviceQuery} from './devices.js';
import {buildPbxIndex, type SipEndpointView} from './pbx-index.js';
import {createPbxSerializer, type PbxSerializer} from './pbx-serialize.js';
import {createRefs} from './pbx-refs.js';
import {UUID_SEGMENT} from './http.js';
import {pythonRepr} from './text.js';
import type {DemoData} from './model.js';
import type {
  ApplicationRecord, CallPickupRecord, ExtensionOwnerRecord, GroupRecord, IncallRecord, IvrRecord, JsonObject, QueueRecord, SwitchboardRecord,
  TrunkRecord, VoicemailRecord,
} from './pbx-model.js';

/** One collection behind `GET /<path>` and `GET /<path>/<id>`. */
export interface ServedCollection {
  /** Below `/api/confd/1.1`, e.g. `groups`, `endpoints/sip/templates`. */
  path: string;
  /** The werkzeug converter(s) of the item route, as a regular expression. */
  idPattern: string;
  /** `confd.<acl>.read` lists, `confd.<acl>.{id}.read` gets one. */
  acl: string;
  /** Devices (provd) look an item up in the scoping tenant only; the others in all visible tenants. */
  itemScope: 'visible' | 'scoping';
  /** Throws ListParamError with confd's messages. */
  list(query: URLSearchParams, tenants: (recurse: boolean) => ReadonlySet<string> | undefined, serializer: PbxSerializer): {total: number; items: JsonObject[]} | undefined;
  get(id: string, tenants: ReadonlySet<string>, serializer: PbxSerializer): JsonObject | undefined;
  notFound(id: string): string[];
}

export interface PbxCollections {
  served: readonly ServedCollection[];
  /** The serialisers for one request's base URL (`https://HOST/api/confd/1.1`). */
  serializer(confdBase: string): PbxSerializer;
}

const INT = '\\d+';

interface Definition<T> {
  path: string;
  idPattern: string;
  resource: string;
  spec: () => Omit<CollectionSpec<T>, 'resource'>;
  find: (id: string) => T | undefined;
  tenantOf: (item: T) => string;
  serialize: (serializer: PbxSerializer) => (item: T) => JsonObject;
}

/** Build the registry over generated data. */
export function buildPbxCollections(data: DemoData): PbxCollections {
  const {pbx} = data;
  const index = buildPbxIndex(data);
  const exten = (ids: readonly number[]): string | null => {
    const first = ids[0];
    return first === undefined ? null : (data.extensionsById.get(first)?.exten ?? null);
  };
  const incallExten = (kind: string, id: number | string): string | null => {
    const incall = index.incallsTo(kind, id)[0];
    return incall === undefined ? null : exten(pbx.incalls[incall - 1]?.extensionIds ?? []);
  };
  const byId = <T>(items: readonly T[]) => (id: string): T | undefined => (/^\d+$/.test(id) ? items[Number(id) - 1] : undefined);
  const byUuid = <T extends {uuid: string}>(items: readonly T[]) => {
    let map: Map<string, T> | undefined;
    return (id: string) => (map ??= new Map(items.map((item) => [item.uuid, item]))).get(id.toLowerCase());
  };
  const fields = <T extends {fields: JsonObject}>(...names: string[]) =>
    Object.fromEntries(names.map((name) => [name, (item: T) => scalar(item.fields[name])])) as Record<string, (item: T) => ColumnValue>;
  const tenant = (item: {tenantUuid: string}) => item.tenantUuid;
  const trunkName = (trunk: TrunkRecord) => {
    const endpoint = trunk.endpoint;
    return endpoint === null ? null : endpoint.kind === 'custom' ? endpoint.interface : endpoint.name;
  };

  const definitions = [
    define<GroupRecord>({path: 'groups', idPattern: `${UUID_SEGMENT}|${INT}`, resource: 'Group', tenantOf: tenant, serialize: (s) => s.group,
      find: (id) => (/^\d+$/.test(id) ? pbx.groups[Number(id) - 1] : byUuid(pbx.groups)(id)),
      spec: () => ({items: pbx.groups, tenantOf: tenant, columns: {...fields('id', 'name', 'label', 'preprocess_subroutine'), exten: (g) => exten(g.extensionIds)}, searchColumns: ['id', 'name', 'label', 'preprocess_subroutine', 'exten'], defaultOrder: 'label', collated: false})}),
    define<QueueRecord>({path: 'queues', idPattern: INT, resource: 'Queue', tenantOf: tenant, serialize: (s) => s.queue, find: byId(pbx.queues),
      spec: () => ({items: pbx.queues, tenantOf: tenant, columns: {...fields('id', 'name', 'label', 'preprocess_subroutine'), exten: (q) => exten(q.extensionIds)}, searchColumns: ['id', 'name', 'label', 'preprocess_subroutine', 'exten'], defaultOrder: 'id', collated: false})}),
    simple('agents', 'Agent', pbx.agents, (s) => s.agent, ['id', 'firstname', 'lastname', 'number', 'preprocess_subroutine'], 'id'),
    simple('contexts', 'Context', pbx.contexts, (s) => s.context, ['id', 'description', 'name', 'label', 'type'], 'id'),
    define<TrunkRecord>({path: 'trunks', idPattern: INT, resource: 'Trunk', tenantOf: tenant, serialize: (s) => s.trunk, find: byId(pbx.trunks),
      spec: () => ({items: pbx.trunks, tenantOf: tenant, columns: {
        ...fields('id', 'context', 'description', 'outgoing_caller_id_format'), name: trunkName,
        label: (trunk) => (trunk.endpoint?.kind === 'sip' ? trunk.endpoint.label : trunkName(trunk)),
      }, searchColumns: ['id', 'context', 'description', 'name', 'label', 'outgoing_caller_id_format'], defaultOrder: 'id', collated: false})}),
    simple('outcalls', 'Outcall', pbx.outcalls, (s) => s.outcall, ['id', 'description', 'name', 'preprocess_subroutine'], 'id'),
    define<IncallRecord>({path: 'incalls', idPattern: INT, resource: 'Incall', tenantOf: tenant, serialize: (s) => s.incall, find: byId(pbx.incalls),
      spec: () => ({items: pbx.incalls, tenantOf: tenant, columns: {
        ...fields('preprocess_subroutine', 'greeting_sound', 'description'), exten: (incall) => exten(incall.extensionIds),
        user_id: (incall) => (incall.fields.destination.type === 'user' ? scalar(incall.fields.destination.user_id) : null),
      }, searchColumns: ['preprocess_subroutine', 'greeting_sound', 'description', 'exten'], defaultOrder: 'exten', collated: false})}),
    define<VoicemailRecord>({path: 'voicemails', idPattern: INT, resource: 'Voicemail', tenantOf: tenant, serialize: (s) => s.voicemail, find: byId(pbx.voicemails),
      spec: () => ({items: pbx.voicemails, tenantOf: tenant, columns: fields('name', 'number', 'email', 'context', 'language', 'timezone', 'pager', 'accesstype'), searchColumns: ['name', 'number', 'email', 'pager'], defaultOrder: 'number', collated: false})}),
    simple('callpermissions', 'CallPermission', pbx.callpermissions, (s) => s.callpermission, ['id', 'name', 'description', 'enabled', 'mode'], 'name'),
    define<ExtensionOwnerRecord>({path: 'conferences', idPattern: INT, resource: 'Conference', tenantOf: tenant, serialize: (s) => s.conference, find: byId(pbx.conferences),
      spec: () => ({items: pbx.conferences, tenantOf: tenant, columns: {...fields('id', 'name', 'preprocess_subroutine'), exten: (c) => exten(c.extensionIds)}, searchColumns: ['id', 'name', 'preprocess_subroutine', 'exten'], defaultOrder: 'name', collated: false})}),
    define<ExtensionOwnerRecord>({path: 'parkinglots', idPattern: INT, resource: 'ParkingLot', tenantOf: tenant, serialize: (s) => s.parkinglot, find: byId(pbx.parkinglots),
      spec: () => ({items: pbx.parkinglots, tenantOf: tenant, columns: {
        ...fields('id', 'name', 'slots_start', 'slots_end', 'timeout'), exten: (lot) => exten(lot.extensionIds),
        context: (lot) => data.extensionsById.get(lot.extensionIds[0] ?? 0)?.context ?? null,
      }, searchColumns: ['name', 'slots_start', 'slots_end', 'timeout', 'exten', 'context'], defaultOrder: 'name', collated: false})}),
    simple('schedules', 'Schedule', pbx.schedules, (s) => s.schedule, ['id', 'name', 'timezone'], 'name'),
    define<IvrRecord>({path: 'ivr', idPattern: INT, resource: 'IVR', tenantOf: tenant, serialize: (s) => s.ivr, find: byId(pbx.ivr),
      spec: () => ({items: pbx.ivr, tenantOf: tenant, columns: {...fields('id', 'name', 'description'), exten: (ivr) => incallExten('ivr', ivr.id)}, searchColumns: ['id', 'name', 'description', 'exten'], sortColumns: ['id', 'name', 'description'], defaultOrder: 'id', collated: false})}),
    define<SwitchboardRecord>({path: 'switchboards', idPattern: UUID_SEGMENT, resource: 'Switchboard', tenantOf: tenant, serialize: (s) => s.switchboard, find: byUuid(pbx.switchboards),
      spec: () => ({items: pbx.switchboards, tenantOf: tenant, columns: {name: (b) => b.fields.name, exten: (b) => incallExten('switchboard', b.uuid)}, searchColumns: ['name', 'exten'], sortColumns: ['name'], defaultOrder: 'name', collated: false})}),
    define<CallPickupRecord>({path: 'callpickups', idPattern: INT, resource: 'CallPickup', tenantOf: tenant, serialize: (s) => s.callpickup, find: byId(pbx.callpickups),
      spec: () => ({items: pbx.callpickups, tenantOf: tenant, columns: fields('id', 'name', 'description', 'enabled'), searchColumns: ['name', 'description'], defaultOrder: 'name', collated: false})}),
    simple('pagings', 'Paging', pbx.pagings, (s) => s.paging, ['id', 'name', 'number', 'announce_sound'], 'name'),
    define<ApplicationRecord>({path: 'applications', idPattern: UUID_SEGMENT, resource: 'Application', tenantOf: tenant, serialize: (s) => s.application, find: byUuid(pbx.applications),
      spec: () => ({items: pbx.applications, tenantOf: tenant, columns: fields('uuid', 'name'), searchColumns: ['uuid', 'name'], defaultOrder: 'uuid', collated: false})}),
    sip('endpoints/sip/templates', 'SIPEndpointTemplate', () => index.sipTemplates()),
    sip('endpoints/sip', 'SIPEndpoint', () => index.sipEndpoints()),
  ];

  const deviceTable = new DeviceTable(() => index.devices());
  const devices: ServedCollection = {
    path: 'devices',
    idPattern: '[^/]+',
    acl: 'devices',
    itemScope: 'scoping',
    list(query, tenants, serializer) {
      const params = parseDeviceQuery(query);
      const visible = tenants(params.recurse);
      if (!visible) return undefined;
      const page = params.run(deviceTable, visible);
      return {total: page.total, items: page.items.map(serializer.device)};
    },
    get(id, tenants, serializer) {
      const device = index.device(id);
      return device && tenants.has(device.tenantUuid) ? serializer.device(device) : undefined;
    },
    notFound: (id) => [`Resource Not Found - Device was not found ('id': ${pythonRepr(id)})`],
  };

  return {
    served: [...definitions, devices],
    serializer: (confdBase) => createPbxSerializer(data, index, createRefs(data, confdBase)),
  };

  function simple<T extends {id: number; tenantUuid: string; fields: JsonObject}>(
    path: string, resource: string, items: readonly T[], serialize: (s: PbxSerializer) => (item: T) => JsonObject, columns: string[], defaultOrder: string,
  ): ServedCollection {
    return define<T>({path, idPattern: INT, resource, tenantOf: tenant, serialize, find: byId(items),
      spec: () => ({items, tenantOf: tenant, columns: fields<T>(...columns), searchColumns: columns, defaultOrder, collated: false})});
  }

  /** xivo-dao's EndpointSIP search: name, asterisk_id, label, template; `uuid` takes a list. */
  function sip(path: string, resource: string, items: () => readonly SipEndpointView[]): ServedCollection {
    return define<SipEndpointView>({path, idPattern: UUID_SEGMENT, resource, tenantOf: tenant, serialize: (s) => s.sipEndpoint,
      find: (id) => {
        const view = index.sipEndpoint(id.toLowerCase());
        return view && items().includes(view) ? view : undefined;
      },
      spec: () => ({items: items(), tenantOf: tenant, columns: {
        uuid: (view) => view.uuid, name: (view) => view.name, asterisk_id: () => null, label: (view) => view.label, template: (view) => view.template,
      }, searchColumns: ['name', 'asterisk_id', 'label', 'template'], sortColumns: ['name', 'asterisk_id', 'label', 'template'], defaultOrder: 'label', collated: false, listFilterColumns: ['uuid']})});
  }
}

function define<T>(definition: Definition<T>): ServedCollection {
  let index: CollectionIndex<T> | undefined;
  const collection = () => (index ??= new CollectionIndex({resource: definition.resource, ...definition.spec()}));
  const uuidKeyed = definition.idPattern === UUID_SEGMENT;
  return {
    path: definition.path,
    idPattern: definition.idPattern,
    acl: definition.path.replace(/\//g, '.'),
    itemScope: 'visible',
    list(query, tenants, serializer) {
      const params = collection().parse(query);
      const visible = tenants(params.recurse);
      if (!visible) return undefined;
      const page = collection().list(params, visible);
      const serialize = definition.serialize(serializer);
      return {total: page.total, items: page.items.map(serialize)};
    },
    get(id, tenants, serializer) {
      const item = definition.find(id);
      return item !== undefined && tenants.has(definition.tenantOf(item)) ? definition.serialize(serializer)(item) : undefined;
    },
    notFound: (id) => {
      const field = uuidKeyed || !/^\d+$/.test(id) ? `'uuid': ${pythonRepr(id)}` : `'id': ${id}`;
      return [`Resource Not Found - ${definition.resource} was not found (${field})`];
    },
  };
}

/** A record field as a sortable, searchable column value. */
function scalar(value: unknown): ColumnValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}
