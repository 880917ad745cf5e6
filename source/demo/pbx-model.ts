/**
 * The demo's records for confd's other collections (groups, queues, trunks, incalls...). Each keeps
 * its scalar fields exactly as confd dumps them (`fields`, snake_case, spread into the answer) and its
 * relations as ids, so one serialiser per collection can follow them both ways.
 */

/** A JSON value as the demo sends it. */
export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type JsonObject = {[key: string]: Json};

/**
 * A dialplan destination as confd dumps it (`DestinationType`): `{type: 'user', user_id: 3, ...}`.
 * The `type` picks which other keys are set.
 */
export type Destination = JsonObject & {type: string};

/** A record with an integer id, a tenant and confd's scalar fields. */
export interface Row<F extends JsonObject> {
  id: number;
  tenantUuid: string;
  fields: F;
}

export interface ContextRecord extends Row<JsonObject & {name: string; label: string; type: string}> {
  uuid: string;
  /** Included contexts. */
  contextIds: number[];
}

export interface GroupRecord extends Row<JsonObject & {name: string; label: string}> {
  uuid: string;
  memberUsers: Array<{userId: number; priority: number}>;
  memberExtensions: Array<{exten: string; context: string; priority: number}>;
  extensionIds: number[];
  fallbacks: {noanswer_destination: Destination | null; congestion_destination: Destination | null};
  callPermissionIds: number[];
  scheduleIds: number[];
}

export interface QueueRecord extends Row<JsonObject & {name: string; label: string}> {
  memberUsers: Array<{userId: number; priority: number}>;
  memberAgents: Array<{agentId: number; penalty: number; priority: number}>;
  extensionIds: number[];
  scheduleIds: number[];
}

export interface AgentRecord extends Row<JsonObject & {number: string; firstname: string | null; lastname: string | null}> {
  userIds: number[];
}

export interface VoicemailRecord extends Row<JsonObject & {name: string; number: string; context: string}> {
  userIds: number[];
}

/** Conferences and parking lots: a number in a context, nothing else to follow. */
export interface ExtensionOwnerRecord extends Row<JsonObject & {name: string | null}> {
  extensionIds: number[];
}

export interface PagingRecord extends Row<JsonObject & {name: string | null; number: string}> {
  callerIds: number[];
  memberIds: number[];
}

export interface CallPickupRecord extends Row<JsonObject & {name: string}> {
  /** Users who may pick up (confd's `interceptors`; confd.yml calls them `surrogates`). */
  interceptorIds: number[];
  /** Users whose calls may be picked up (confd's `targets`; confd.yml's `recipients`). */
  targetIds: number[];
}

export interface CallPermissionRecord extends Row<JsonObject & {name: string}> {
  userIds: number[];
  groupIds: number[];
  outcallIds: number[];
}

export interface ScheduleRecord extends Row<JsonObject & {name: string | null}> {}

export type TrunkEndpoint =
  | {kind: 'sip'; uuid: string; name: string; label: string}
  | {kind: 'custom'; id: number; interface: string}
  | {kind: 'iax'; id: number; name: string};

export interface TrunkRecord extends Row<JsonObject & {context: string | null}> {
  endpoint: TrunkEndpoint | null;
  outcallIds: number[];
}

export interface OutcallRecord extends Row<JsonObject & {name: string}> {
  trunkIds: number[];
  extensions: Array<{extensionId: number; caller_id: string | null; external_prefix: string | null; prefix: string | null; strip_digits: number}>;
  scheduleIds: number[];
  callPermissionIds: number[];
}

export interface IncallRecord extends Row<JsonObject & {destination: Destination}> {
  extensionIds: number[];
  scheduleIds: number[];
}

export interface IvrRecord extends Row<JsonObject & {name: string}> {}

export interface SwitchboardRecord {
  uuid: string;
  tenantUuid: string;
  fields: JsonObject & {name: string};
  memberUserIds: number[];
  fallbacks: {noanswer_destination: Destination | null};
}

export interface ApplicationRecord {
  uuid: string;
  tenantUuid: string;
  fields: JsonObject & {name: string | null};
}

/** A SIP endpoint template (`/endpoints/sip/templates`), which line and trunk endpoints include. */
export interface SipTemplateRecord {
  uuid: string;
  tenantUuid: string;
  name: string;
  label: string;
  endpointOptions: Array<[string, string]>;
}

/** A device that no line uses (on the shelf, or waiting for auto-provisioning). */
export interface SpareDeviceRecord {
  id: string;
  tenantUuid: string;
  status: 'autoprov' | 'not_configured' | 'corrupted';
  description: string | null;
}

/** Everything besides users, lines and extensions, with the reverse relations the serialisers need. */
export interface PbxData {
  contexts: ContextRecord[];
  groups: GroupRecord[];
  queues: QueueRecord[];
  agents: AgentRecord[];
  voicemails: VoicemailRecord[];
  conferences: ExtensionOwnerRecord[];
  parkinglots: ExtensionOwnerRecord[];
  pagings: PagingRecord[];
  callpickups: CallPickupRecord[];
  callpermissions: CallPermissionRecord[];
  schedules: ScheduleRecord[];
  trunks: TrunkRecord[];
  outcalls: OutcallRecord[];
  incalls: IncallRecord[];
  ivr: IvrRecord[];
  switchboards: SwitchboardRecord[];
  applications: ApplicationRecord[];
  sipTemplates: SipTemplateRecord[];
  spareDevices: SpareDeviceRecord[];
  /** The one SIP transport every endpoint uses. */
  transportUuid: string;
  /** user id → the ids of what points at it. Only users that have some are present. */
  byUser: Map<number, UserRelations>;
}

export interface UserRelations {
  groupIds: number[];
  queueIds: number[];
  voicemailId: number | null;
  agentId: number | null;
  callPermissionIds: number[];
  switchboardUuids: string[];
  incallIds: number[];
  scheduleIds: number[];
}
