/**
 * confd's JSON shapes (UserSchema, UserSummarySchema, UserDirectorySchema, LineListSchema,
 * ExtensionSchema), field for field and in the same order as examples/confd-*.json, with the user's
 * and the extension's relations to the other collections. Links use the base URL built from the
 * request's Host.
 */
import {createRefs, present} from './pbx-refs.js';
import type {DemoData, ExtensionRecord, LineRecord, UserRecord} from './model.js';
import type {Json, JsonObject} from './pbx-model.js';

/** Turns records into confd JSON for one request (one base URL). */
export interface Serializer {
  user(user: UserRecord): JsonObject;
  userSummary(user: UserRecord): JsonObject;
  userDirectory(user: UserRecord): JsonObject;
  line(line: LineRecord): JsonObject;
  extension(extension: ExtensionRecord): JsonObject;
}

/** `confdBase` is `https://HOST/api/confd/1.1` as the client reached it. */
export function createSerializer(data: DemoData, confdBase: string): Serializer {
  const refs = createRefs(data, confdBase);
  const {link} = refs;
  const {pbx} = data;

  const lineExtension = (id: number): JsonObject | null => {
    const extension = data.extensionsById.get(id);
    if (!extension) return null;
    return {id, exten: extension.exten, context: extension.context, links: link('extensions', `extensions/${id}`)};
  };

  const line = (record: LineRecord): JsonObject => ({
    id: record.id,
    tenant_uuid: record.tenantUuid,
    name: record.name,
    protocol: record.protocol,
    device_id: record.deviceId,
    device_slot: record.position,
    provisioning_extension: record.provisioningCode,
    context: record.context,
    provisioning_code: record.provisioningCode,
    position: record.position,
    caller_id_name: record.callerIdName,
    caller_id_num: record.callerIdNum,
    registrar: record.registrar,
    links: link('lines', `lines/${record.id}`),
    application: null,
    endpoint_sip:
      record.protocol === 'sip' && record.endpointUuid
        ? {
            uuid: record.endpointUuid,
            label: record.name,
            name: record.name,
            auth_section_options: [['username', record.name]],
            links: link('endpoint_sip', `endpoints/sip/${record.endpointUuid}`),
          }
        : null,
    endpoint_sccp:
      record.protocol === 'sccp' && record.endpointId !== null
        ? {id: record.endpointId, links: link('endpoint_sccp', `endpoints/sccp/${record.endpointId}`)}
        : null,
    endpoint_custom:
      record.protocol === 'custom' && record.endpointId !== null
        ? {
            id: record.endpointId,
            interface: record.name,
            links: link('endpoint_custom', `endpoints/custom/${record.endpointId}`),
          }
        : null,
    extensions: record.extensionIds.map(lineExtension).filter((item) => item !== null),
    users: present(record.userIds.map(refs.user)),
    is_webrtc: record.isWebrtc,
  });

  const userLines = (user: UserRecord): LineRecord[] =>
    user.lineIds.map((id) => data.linesById.get(id)).filter((item) => item !== undefined);
  const mainExtension = (user: UserRecord): ExtensionRecord | undefined => {
    const id = userLines(user)[0]?.extensionIds[0];
    return id === undefined ? undefined : data.extensionsById.get(id);
  };
  const none: UserRelationsJson = {agent: null, call_permissions: [], groups: [], incalls: [], schedules: [], switchboards: [], voicemail: null, queues: [], noanswer: null};
  const userRelations = (user: UserRecord): UserRelationsJson => {
    const relations = pbx.byUser.get(user.id);
    if (!relations) return none;
    const agent = relations.agentId === null ? undefined : pbx.agents[relations.agentId - 1];
    const voicemail = relations.voicemailId === null ? undefined : pbx.voicemails[relations.voicemailId - 1];
    return {
      agent: agent ? {id: agent.id, number: agent.fields.number, links: link('agents', `agents/${agent.id}`)} : null,
      call_permissions: present(relations.callPermissionIds.map((id) => {
        const permission = refs.callPermission(id);
        return permission ? {id, name: permission.name ?? null, links: permission.links ?? null} : null;
      })),
      groups: present(relations.groupIds.map((id) => {
        const group = pbx.groups[id - 1];
        return group ? {uuid: group.uuid, id, name: group.fields.name, links: link('groups', `groups/${group.uuid}`)} : null;
      })),
      incalls: present(relations.incallIds.map(refs.incall)),
      schedules: present(relations.scheduleIds.map(refs.schedule)),
      switchboards: present(relations.switchboardUuids.map((uuid) => {
        const switchboard = pbx.switchboards.find((candidate) => candidate.uuid === uuid);
        return switchboard ? {uuid, name: switchboard.fields.name, links: link('switchboards', `switchboards/${uuid}`)} : null;
      })),
      voicemail: voicemail ? {id: voicemail.id, name: voicemail.fields.name, links: link('voicemails', `voicemails/${voicemail.id}`)} : null,
      queues: present(relations.queueIds.map(refs.queue)),
      // A user with a voicemail falls back to it when unanswered, as the web UI sets it up.
      noanswer: voicemail ? refs.destination({type: 'voicemail', voicemail_id: voicemail.id, skip_instructions: false, greeting: null}) : null,
    };
  };
  const owner = (extension: ExtensionRecord, kind: string): JsonObject | null => {
    if (extension.owner?.kind !== kind) return null;
    const {id} = extension.owner;
    switch (kind) {
      case 'group': return refs.group(id);
      case 'queue': return refs.queue(id);
      case 'incall': return {id, links: link('incalls', `incalls/${id}`)};
      case 'conference': return refs.named('conferences', id, pbx.conferences[id - 1]?.fields.name ?? null);
      case 'parkinglot': return refs.named('parkinglots', id, pbx.parkinglots[id - 1]?.fields.name ?? null);
      default: return refs.named('outcalls', id, pbx.outcalls[id - 1]?.fields.name ?? null);
    }
  };

  return {
    line,
    user(user) {
      const relations = userRelations(user);
      return {
        id: user.id,
        uuid: user.uuid,
        tenant_uuid: user.tenantUuid,
        firstname: user.firstname,
        lastname: user.lastname,
        email: user.email,
        timezone: user.timezone,
        country: null,
        language: user.language,
        description: user.description,
        caller_id: user.callerId,
        outgoing_caller_id: user.outgoingCallerId,
        mobile_phone_number: user.mobilePhoneNumber,
        mobile_fallback_enabled: false,
        username: user.username,
        password: user.password,
        music_on_hold: user.musicOnHold,
        preprocess_subroutine: user.preprocessSubroutine,
        userfield: user.userfield,
        call_transfer_enabled: user.callTransferEnabled,
        dtmf_hangup_enabled: user.dtmfHangupEnabled,
        call_record_outgoing_external_enabled: user.callRecordEnabled,
        call_record_outgoing_internal_enabled: user.callRecordEnabled,
        call_record_incoming_internal_enabled: user.callRecordEnabled,
        call_record_incoming_external_enabled: user.callRecordEnabled,
        call_record_enabled: user.callRecordEnabled,
        online_call_record_enabled: user.onlineCallRecordEnabled,
        supervision_enabled: user.supervisionEnabled,
        ring_seconds: user.ringSeconds,
        simultaneous_calls: user.simultaneousCalls,
        call_permission_password: null,
        subscription_type: user.subscriptionType,
        created_at: user.createdAt,
        enabled: user.enabled,
        links: link('users', `users/${user.id}`),
        agent: relations.agent,
        call_permissions: relations.call_permissions,
        call_pickup_target_users: [],
        fallbacks: {noanswer_destination: relations.noanswer, busy_destination: null, congestion_destination: null, fail_destination: null},
        groups: relations.groups,
        incalls: relations.incalls,
        lines: userLines(user).map(line),
        forwards: {
          busy: {enabled: false, destination: null},
          noanswer: {enabled: false, destination: null},
          unconditional: {enabled: false, destination: null},
        },
        schedules: relations.schedules,
        services: {dnd: {enabled: false}, incallfilter: {enabled: false}},
        switchboards: relations.switchboards,
        voicemail: relations.voicemail,
        queues: relations.queues,
        func_key_template_id: null,
      };
    },
    userSummary(user) {
      const main = userLines(user)[0];
      const extension = mainExtension(user);
      return {
        id: user.id,
        uuid: user.uuid,
        firstname: user.firstname,
        lastname: user.lastname,
        email: user.email,
        extension: extension?.exten ?? null,
        context: extension?.context ?? null,
        provisioning_code: main?.provisioningCode ?? null,
        protocol: main?.protocol ?? null,
        enabled: user.enabled,
        subscription_type: user.subscriptionType,
        is_webrtc: main?.isWebrtc ?? false,
      };
    },
    userDirectory(user) {
      const main = userLines(user)[0];
      const extension = mainExtension(user);
      const relations = pbx.byUser.get(user.id);
      const voicemail = relations?.voicemailId == null ? undefined : pbx.voicemails[relations.voicemailId - 1];
      return {
        id: user.id,
        uuid: user.uuid,
        line_id: main?.id ?? null,
        // UserDirectorySchema dumps the agent id through a String field.
        agent_id: relations?.agentId == null ? null : String(relations.agentId),
        firstname: user.firstname,
        lastname: user.lastname,
        email: user.email,
        exten: extension?.exten ?? null,
        mobile_phone_number: user.mobilePhoneNumber,
        voicemail_number: voicemail?.fields.number ?? null,
        userfield: user.userfield,
        description: user.description,
        context: extension?.context ?? null,
      };
    },
    extension(extension) {
      return {
        id: extension.id,
        tenant_uuid: extension.tenantUuid,
        exten: extension.exten,
        context: extension.context,
        type: extension.type,
        commented: !extension.enabled,
        enabled: extension.enabled,
        links: link('extensions', `extensions/${extension.id}`),
        conference: owner(extension, 'conference'),
        parking_lot: owner(extension, 'parkinglot'),
        group: owner(extension, 'group'),
        incall: owner(extension, 'incall'),
        lines: extension.lineIds.map((id) => {
          const record = data.linesById.get(id);
          return {id, name: record?.name ?? null, links: link('lines', `lines/${id}`)};
        }),
        outcall: owner(extension, 'outcall'),
        queue: owner(extension, 'queue'),
      };
    },
  };
}

/** The user's relations to the other collections, as UserSchema nests them. */
interface UserRelationsJson {
  agent: JsonObject | null;
  call_permissions: JsonObject[];
  groups: JsonObject[];
  incalls: JsonObject[];
  schedules: JsonObject[];
  switchboards: JsonObject[];
  voicemail: JsonObject | null;
  queues: JsonObject[];
  noanswer: Json;
}
