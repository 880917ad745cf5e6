/**
 * confd's JSON for the other collections: each record's own fields, then its relations named as in
 * confd.yml (`members.users`, `destination`, `trunks`, `extensions`...), each relation carrying the
 * ids and `links` a client follows. Links use the base URL built from the request's Host.
 */
import {deviceFields} from './devices.js';
import {isObject, present, type Refs} from './pbx-refs.js';
import type {DeviceView, PbxIndex, SipEndpointView} from './pbx-index.js';
import type {DemoData} from './model.js';
import type {
  AgentRecord, ApplicationRecord, CallPermissionRecord, CallPickupRecord, ContextRecord, ExtensionOwnerRecord, GroupRecord,
  IncallRecord, IvrRecord, Json, JsonObject, OutcallRecord, PagingRecord, QueueRecord, ScheduleRecord, SwitchboardRecord,
  TrunkRecord, VoicemailRecord,
} from './pbx-model.js';

function withoutLinks({links: _links, ...rest}: JsonObject): JsonObject {
  return rest;
}

/** The JSON of each collection's records for one request. */
export function createPbxSerializer(data: DemoData, index: PbxIndex, refs: Refs) {
  const {pbx} = data;
  const {link} = refs;
  const incallsOf = (kind: string, id: number | string) => present(index.incallsTo(kind, id).map(refs.incall));
  const users = (ids: readonly number[]) => present(ids.map(refs.user));
  const extensions = (ids: readonly number[]) => present(ids.map(refs.extension));
  const schedules = (ids: readonly number[]) => present(ids.map(refs.schedule));
  /** Schedule exceptional periods and IVR choices: objects that each hold a `destination`. */
  const periodsWithNames = (entries: Json): Json =>
    Array.isArray(entries) ? entries.map((entry) => (isObject(entry) ? {...entry, destination: refs.destination(entry.destination ?? null)} : entry)) : entries;

  const trunkEndpoints = (trunk: TrunkRecord): JsonObject => {
    const endpoint = trunk.endpoint;
    return {
      endpoint_sip: endpoint?.kind === 'sip'
        ? {uuid: endpoint.uuid, name: endpoint.name, label: endpoint.label, auth_section_options: [['username', endpoint.name]], links: link('endpoint_sip', `endpoints/sip/${endpoint.uuid}`)}
        : null,
      endpoint_custom: endpoint?.kind === 'custom' ? {id: endpoint.id, interface: endpoint.interface, links: link('endpoint_custom', `endpoints/custom/${endpoint.id}`)} : null,
      endpoint_iax: endpoint?.kind === 'iax' ? {id: endpoint.id, name: endpoint.name, links: link('endpoint_iax', `endpoints/iax/${endpoint.id}`)} : null,
    };
  };

  return {
    context: (context: ContextRecord): JsonObject => ({
      ...context.fields,
      uuid: context.uuid,
      contexts: present(context.contextIds.map((id) => {
        const included = pbx.contexts[id - 1];
        return included ? {id, name: included.fields.name, label: included.fields.label, links: link('contexts', `contexts/${id}`)} : null;
      })),
      links: link('contexts', `contexts/${context.id}`),
    }),
    group: (group: GroupRecord): JsonObject => ({
      ...group.fields,
      extensions: extensions(group.extensionIds),
      fallbacks: {noanswer_destination: refs.destination(group.fallbacks.noanswer_destination), congestion_destination: refs.destination(group.fallbacks.congestion_destination)},
      incalls: incallsOf('group', group.id),
      members: {
        users: present(group.memberUsers.map((member) => {
          const user = refs.user(member.userId);
          return user ? {...user, priority: member.priority} : null;
        })),
        extensions: group.memberExtensions,
      },
      schedules: schedules(group.scheduleIds),
      call_permissions: present(group.callPermissionIds.map(refs.callPermission)),
      links: link('groups', `groups/${group.uuid}`),
    }),
    queue: (queue: QueueRecord): JsonObject => ({
      ...queue.fields,
      wait_time_destination: refs.destination(queue.fields.wait_time_destination ?? null),
      wait_ratio_destination: refs.destination(queue.fields.wait_ratio_destination ?? null),
      extensions: extensions(queue.extensionIds),
      schedules: schedules(queue.scheduleIds),
      members: {
        agents: present(queue.memberAgents.map((member) => {
          const agent = pbx.agents[member.agentId - 1];
          if (!agent) return null;
          const {firstname, lastname, number} = agent.fields;
          return {id: agent.id, firstname, lastname, number, penalty: member.penalty, priority: member.priority, links: link('agents', `agents/${agent.id}`)};
        })),
        users: present(queue.memberUsers.map((member) => {
          const user = refs.user(member.userId);
          return user ? {...user, priority: member.priority} : null;
        })),
      },
      links: link('queues', `queues/${queue.id}`),
    }),
    agent: (agent: AgentRecord): JsonObject => ({
      ...agent.fields,
      queues: present(index.queuesOfAgent(agent.id).map(({queueId, penalty}) => {
        const queue = refs.queue(queueId);
        return queue ? {...queue, penalty} : null;
      })),
      users: users(agent.userIds),
      skills: [],
      links: link('agents', `agents/${agent.id}`),
    }),
    voicemail: (voicemail: VoicemailRecord): JsonObject => ({...voicemail.fields, users: users(voicemail.userIds), links: link('voicemails', `voicemails/${voicemail.id}`)}),
    conference: (conference: ExtensionOwnerRecord): JsonObject => ({
      ...conference.fields,
      extensions: extensions(conference.extensionIds),
      incalls: incallsOf('conference', conference.id),
      links: link('conferences', `conferences/${conference.id}`),
    }),
    parkinglot: (lot: ExtensionOwnerRecord): JsonObject => ({...lot.fields, extensions: extensions(lot.extensionIds), links: link('parkinglots', `parkinglots/${lot.id}`)}),
    paging: (paging: PagingRecord): JsonObject => ({
      ...paging.fields,
      callers: {users: users(paging.callerIds)},
      members: {users: users(paging.memberIds)},
      links: link('pagings', `pagings/${paging.id}`),
    }),
    // confd.yml names these `recipients` and `surrogates`, but CallPickupSchema dumps `interceptors`
    // and `targets` (each with `groups` and `users`, without links): the demo answers what Wazo does.
    callpickup: (pickup: CallPickupRecord): JsonObject => ({
      ...pickup.fields,
      interceptors: {groups: [], users: users(pickup.interceptorIds).map(withoutLinks)},
      targets: {groups: [], users: users(pickup.targetIds).map(withoutLinks)},
      links: link('callpickups', `callpickups/${pickup.id}`),
    }),
    callpermission: (permission: CallPermissionRecord): JsonObject => ({
      ...permission.fields,
      users: users(permission.userIds),
      groups: present(permission.groupIds.map(refs.group)),
      outcalls: present(permission.outcallIds.map((id) => {
        const outcall = pbx.outcalls[id - 1];
        return outcall ? refs.named('outcalls', id, outcall.fields.name) : null;
      })),
      links: link('callpermissions', `callpermissions/${permission.id}`),
    }),
    schedule: (schedule: ScheduleRecord): JsonObject => {
      const use = index.scheduleUsers(schedule.id);
      return {
        ...schedule.fields,
        closed_destination: refs.destination(schedule.fields.closed_destination ?? null),
        exceptional_periods: periodsWithNames(schedule.fields.exceptional_periods ?? []),
        incalls: use.incalls.map((id) => ({id, links: link('incalls', `incalls/${id}`)})),
        users: users(use.users),
        groups: present(use.groups.map(refs.group)),
        queues: present(use.queues.map(refs.queue)),
        outcalls: use.outcalls.map((id) => refs.named('outcalls', id, pbx.outcalls[id - 1]?.fields.name ?? null)),
        links: link('schedules', `schedules/${schedule.id}`),
      };
    },
    trunk: (trunk: TrunkRecord): JsonObject => ({
      ...trunk.fields,
      ...trunkEndpoints(trunk),
      outcalls: trunk.outcallIds.map((id) => refs.named('outcalls', id, pbx.outcalls[id - 1]?.fields.name ?? null)),
      register_iax: null,
      register_sip: null,
      links: link('trunks', `trunks/${trunk.id}`),
    }),
    outcall: (outcall: OutcallRecord): JsonObject => ({
      ...outcall.fields,
      trunks: present(outcall.trunkIds.map((id) => {
        const trunk = pbx.trunks[id - 1];
        return trunk ? {id, tenant_uuid: trunk.tenantUuid, ...trunkEndpoints(trunk), links: link('trunks', `trunks/${id}`)} : null;
      })),
      extensions: present(outcall.extensions.map(({extensionId, ...dialing}) => {
        const extension = refs.extension(extensionId);
        return extension ? {...extension, ...dialing} : null;
      })),
      schedules: present(outcall.scheduleIds.map((id) => {
        const schedule = refs.schedule(id);
        return schedule ? {...schedule, tenant_uuid: outcall.tenantUuid} : null;
      })),
      call_permissions: present(outcall.callPermissionIds.map(refs.callPermission)),
      links: link('outcalls', `outcalls/${outcall.id}`),
    }),
    incall: (incall: IncallRecord): JsonObject => ({
      ...incall.fields,
      destination: refs.destination(incall.fields.destination),
      extensions: extensions(incall.extensionIds),
      schedules: schedules(incall.scheduleIds),
      links: link('incalls', `incalls/${incall.id}`),
    }),
    ivr: (ivr: IvrRecord): JsonObject => ({
      ...ivr.fields,
      invalid_destination: refs.destination(ivr.fields.invalid_destination ?? null),
      timeout_destination: refs.destination(ivr.fields.timeout_destination ?? null),
      abort_destination: refs.destination(ivr.fields.abort_destination ?? null),
      choices: periodsWithNames(ivr.fields.choices ?? []),
      incalls: incallsOf('ivr', ivr.id),
      links: link('ivr', `ivr/${ivr.id}`),
    }),
    switchboard: (switchboard: SwitchboardRecord): JsonObject => ({
      ...switchboard.fields,
      members: {users: users(switchboard.memberUserIds)},
      incalls: incallsOf('switchboard', switchboard.uuid),
      fallbacks: {noanswer_destination: refs.destination(switchboard.fallbacks.noanswer_destination)},
      links: link('switchboards', `switchboards/${switchboard.uuid}`),
    }),
    application: (application: ApplicationRecord): JsonObject => ({...application.fields, lines: [], links: link('applications', `applications/${application.uuid}`)}),
    device: (device: DeviceView): JsonObject => ({...deviceFields(device), links: link('devices', `devices/${device.id}`)}),
    sipEndpoint: (endpoint: SipEndpointView): JsonObject => sipEndpointJson(data, endpoint, refs),
  };
}

export type PbxSerializer = ReturnType<typeof createPbxSerializer>;

/** A SIP endpoint as confd's default view dumps it: its own options, the templates it includes. */
function sipEndpointJson(data: DemoData, endpoint: SipEndpointView, refs: Refs): JsonObject {
  const {link} = refs;
  const {pbx} = data;
  const tenantTemplates = pbx.sipTemplates.filter((template) => template.tenantUuid === endpoint.tenantUuid);
  const included = endpoint.template
    ? []
    : tenantTemplates.filter((template) => template.label === 'global' || (template.label === 'webrtc' && endpoint.line?.isWebrtc === true) || (template.label === 'registration_trunk' && endpoint.trunk !== undefined));
  // A secret derived from the uuid, so nothing is stored per endpoint; the client must hide it.
  const secret = [...endpoint.uuid.replace(/-/g, '')].reverse().join('').slice(0, 16);
  const line = endpoint.line;
  const user = line?.userIds[0] === undefined ? undefined : data.usersById.get(line.userIds[0]);
  return {
    uuid: endpoint.uuid,
    tenant_uuid: endpoint.tenantUuid,
    name: endpoint.name,
    label: endpoint.label,
    aor_section_options: endpoint.template ? [] : [['max_contacts', '1'], ['remove_existing', 'true'], ['qualify_frequency', '60']],
    auth_section_options: endpoint.template ? [] : [['username', endpoint.name], ['password', secret]],
    endpoint_section_options: endpoint.templateRecord
      ? endpoint.templateRecord.endpointOptions
      : user ? [['callerid', `"${`${user.firstname} ${user.lastname ?? ''}`.trim()}" <${line?.callerIdNum ?? ''}>`]] : [],
    identify_section_options: endpoint.trunk ? [['match', '198.51.100.7']] : [],
    registration_section_options: endpoint.trunk ? [['client_uri', `sip:${endpoint.name}@sip.example.net`], ['server_uri', 'sip:sip.example.net']] : [],
    registration_outbound_auth_section_options: endpoint.trunk ? [['username', endpoint.name], ['password', secret]] : [],
    outbound_auth_section_options: endpoint.trunk ? [['username', endpoint.name], ['password', secret]] : [],
    transport: endpoint.template ? null : {uuid: pbx.transportUuid, links: link('transports', `sip/transports/${pbx.transportUuid}`)},
    templates: included.map((template) => ({uuid: template.uuid, label: template.label, links: link('endpoint_sip_templates', `endpoints/sip/templates/${template.uuid}`)})),
    asterisk_id: null,
    line: line ? {id: line.id, name: line.name, links: link('lines', `lines/${line.id}`)} : null,
    trunk: endpoint.trunk ? {id: endpoint.trunk.id, links: link('trunks', `trunks/${endpoint.trunk.id}`)} : null,
    links: link(endpoint.template ? 'endpoint_sip_templates' : 'endpoint_sip', `${endpoint.template ? 'endpoints/sip/templates' : 'endpoints/sip'}/${endpoint.uuid}`),
  };
}
