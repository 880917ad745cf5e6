/** The demo server's in-memory records: what wazo-confd keeps in its database, before serialisation. */
import type {PbxData} from './pbx-model.js';

export interface TenantRecord {
  uuid: string;
  name: string;
  slug: string;
  parent_uuid: string | null;
}

export type LineProtocol = 'sip' | 'sccp' | 'custom';

export interface UserRecord {
  id: number;
  uuid: string;
  tenantUuid: string;
  firstname: string;
  lastname: string | null;
  email: string | null;
  timezone: string | null;
  language: string | null;
  description: string | null;
  callerId: string | null;
  outgoingCallerId: string | null;
  mobilePhoneNumber: string | null;
  username: string | null;
  password: string | null;
  musicOnHold: string | null;
  preprocessSubroutine: string | null;
  userfield: string | null;
  callTransferEnabled: boolean;
  dtmfHangupEnabled: boolean;
  callRecordEnabled: boolean;
  onlineCallRecordEnabled: boolean;
  supervisionEnabled: boolean;
  ringSeconds: number;
  simultaneousCalls: number;
  subscriptionType: number;
  createdAt: string;
  enabled: boolean;
  /** Line ids in association order: the first one is the main line. */
  lineIds: number[];
}

export interface LineRecord {
  id: number;
  tenantUuid: string;
  /** The endpoint's name; null when the line has no endpoint. */
  name: string | null;
  protocol: LineProtocol | null;
  context: string;
  provisioningCode: string;
  position: number;
  deviceId: string | null;
  callerIdName: string | null;
  callerIdNum: string | null;
  registrar: string;
  isWebrtc: boolean;
  /** The sip endpoint's UUID, or the sccp/custom endpoint's id. */
  endpointUuid: string | null;
  endpointId: number | null;
  /** Extension ids: the first one is the main extension. */
  extensionIds: number[];
  userIds: number[];
}

export interface ExtensionRecord {
  id: number;
  tenantUuid: string;
  exten: string;
  context: string;
  type: 'internal' | 'incall';
  enabled: boolean;
  lineIds: number[];
  /** What the number dials, besides lines: a group, a queue, an incall... */
  owner?: ExtensionOwner;
}

/** The record an extension belongs to (confd's extension `group`, `queue`, `incall`... relations). */
export interface ExtensionOwner {
  kind: 'group' | 'queue' | 'conference' | 'parkinglot' | 'incall' | 'outcall';
  id: number;
}

/** Everything the generator made, with id lookups. */
export interface DemoData {
  xivoUuid: string;
  tenants: TenantRecord[];
  users: UserRecord[];
  lines: LineRecord[];
  extensions: ExtensionRecord[];
  usersById: Map<number, UserRecord>;
  usersByUuid: Map<string, UserRecord>;
  linesById: Map<number, LineRecord>;
  extensionsById: Map<number, ExtensionRecord>;
  /** The other collections (groups, queues, trunks...), wired to the users, lines and extensions. */
  pbx: PbxData;
}
