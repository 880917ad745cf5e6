/**
 * Reverse relations of the demo data (who points at a record), and the two collections confd derives
 * from lines rather than stores apart here: devices (provd) and SIP endpoints. Those are built on
 * first use, so a demo of 100 000 users pays for them only if they are browsed.
 */
import type {DemoData, LineRecord} from './model.js';
import type {SipTemplateRecord, SpareDeviceRecord, TrunkRecord} from './pbx-model.js';

/** A SIP endpoint: a line's, a trunk's, or a template. */
export interface SipEndpointView {
  uuid: string;
  tenantUuid: string;
  name: string;
  label: string;
  template: boolean;
  line?: LineRecord;
  trunk?: TrunkRecord;
  templateRecord?: SipTemplateRecord;
}

/** A provd device: one a line uses, or a spare one. */
export interface DeviceView {
  id: string;
  tenantUuid: string;
  lineIds: number[];
  spare?: SpareDeviceRecord;
}

export interface PbxIndex {
  /** Incall ids whose destination is `kind` `id` (`group:3`, `switchboard:<uuid>`...). */
  incallsTo(kind: string, id: number | string): readonly number[];
  /** Queue ids an agent is a member of, with its penalty. */
  queuesOfAgent(agentId: number): ReadonlyArray<{queueId: number; penalty: number}>;
  /** What uses a schedule. */
  scheduleUsers(scheduleId: number): {users: number[]; groups: number[]; queues: number[]; incalls: number[]; outcalls: number[]};
  devices(): readonly DeviceView[];
  device(id: string): DeviceView | undefined;
  sipEndpoints(): readonly SipEndpointView[];
  sipEndpoint(uuid: string): SipEndpointView | undefined;
  sipTemplates(): readonly SipEndpointView[];
}

const DESTINATION_KEYS: Record<string, string> = {
  user: 'user_id', group: 'group_id', queue: 'queue_id', ivr: 'ivr_id', voicemail: 'voicemail_id',
  conference: 'conference_id', switchboard: 'switchboard_uuid', application: 'application_uuid', outcall: 'outcall_id',
};

export function buildPbxIndex(data: DemoData): PbxIndex {
  const {pbx} = data;
  const incalls = new Map<string, number[]>();
  for (const incall of pbx.incalls) {
    const {destination} = incall.fields;
    const key = DESTINATION_KEYS[destination.type];
    const target = key === undefined ? undefined : destination[key];
    if (typeof target === 'number' || typeof target === 'string') push(incalls, `${destination.type}:${target}`, incall.id);
  }
  const agentQueues = new Map<number, Array<{queueId: number; penalty: number}>>();
  for (const queue of pbx.queues) {
    for (const member of queue.memberAgents) push(agentQueues, member.agentId, {queueId: queue.id, penalty: member.penalty});
  }
  const schedules = new Map<number, {users: number[]; groups: number[]; queues: number[]; incalls: number[]; outcalls: number[]}>();
  const scheduleUse = (id: number) => {
    let use = schedules.get(id);
    if (!use) schedules.set(id, (use = {users: [], groups: [], queues: [], incalls: [], outcalls: []}));
    return use;
  };
  for (const [userId, relations] of pbx.byUser) for (const id of relations.scheduleIds) scheduleUse(id).users.push(userId);
  for (const group of pbx.groups) for (const id of group.scheduleIds) scheduleUse(id).groups.push(group.id);
  for (const queue of pbx.queues) for (const id of queue.scheduleIds) scheduleUse(id).queues.push(queue.id);
  for (const incall of pbx.incalls) for (const id of incall.scheduleIds) scheduleUse(id).incalls.push(incall.id);
  for (const outcall of pbx.outcalls) for (const id of outcall.scheduleIds) scheduleUse(id).outcalls.push(outcall.id);

  let devices: {list: DeviceView[]; byId: Map<string, DeviceView>} | undefined;
  const deviceTable = () => {
    if (devices) return devices;
    const list: DeviceView[] = [];
    const byId = new Map<string, DeviceView>();
    for (const line of data.lines) {
      if (line.deviceId === null) continue;
      const known = byId.get(line.deviceId);
      if (known) known.lineIds.push(line.id);
      else {
        const view: DeviceView = {id: line.deviceId, tenantUuid: line.tenantUuid, lineIds: [line.id]};
        list.push(view);
        byId.set(view.id, view);
      }
    }
    for (const spare of pbx.spareDevices) {
      const view: DeviceView = {id: spare.id, tenantUuid: spare.tenantUuid, lineIds: [], spare};
      list.push(view);
      byId.set(view.id, view);
    }
    return (devices = {list, byId});
  };

  let sip: {endpoints: SipEndpointView[]; templates: SipEndpointView[]; byUuid: Map<string, SipEndpointView>} | undefined;
  const sipTable = () => {
    if (sip) return sip;
    const endpoints: SipEndpointView[] = [];
    for (const line of data.lines) {
      if (line.protocol !== 'sip' || line.endpointUuid === null) continue;
      const name = line.name ?? line.endpointUuid;
      endpoints.push({uuid: line.endpointUuid, tenantUuid: line.tenantUuid, name, label: name, template: false, line});
    }
    for (const trunk of pbx.trunks) {
      if (trunk.endpoint?.kind !== 'sip') continue;
      const {uuid, name, label} = trunk.endpoint;
      endpoints.push({uuid, tenantUuid: trunk.tenantUuid, name, label, template: false, trunk});
    }
    const templates = pbx.sipTemplates.map((record): SipEndpointView => ({
      uuid: record.uuid, tenantUuid: record.tenantUuid, name: record.name, label: record.label, template: true, templateRecord: record,
    }));
    const byUuid = new Map([...endpoints, ...templates].map((view) => [view.uuid, view]));
    return (sip = {endpoints, templates, byUuid});
  };

  return {
    incallsTo: (kind, id) => incalls.get(`${kind}:${id}`) ?? [],
    queuesOfAgent: (agentId) => agentQueues.get(agentId) ?? [],
    scheduleUsers: (id) => schedules.get(id) ?? {users: [], groups: [], queues: [], incalls: [], outcalls: []},
    devices: () => deviceTable().list,
    device: (id) => deviceTable().byId.get(id),
    sipEndpoints: () => sipTable().endpoints,
    sipEndpoint: (uuid) => sipTable().byUuid.get(uuid),
    sipTemplates: () => sipTable().templates,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
