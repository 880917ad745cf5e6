/**
 * confd's JSON shapes (UserSchema, LineListSchema, ExtensionSchema), field for field and in the same
 * order as examples/confd-*.json. Links use the base URL built from the request's Host.
 */
import type {DemoData, ExtensionRecord, LineRecord, UserRecord} from './model.js';

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type JsonObject = {[key: string]: Json};

/** Turns records into confd JSON for one request (one base URL). */
export interface Serializer {
  user(user: UserRecord): JsonObject;
  userSummary(user: UserRecord): JsonObject;
  line(line: LineRecord): JsonObject;
  extension(extension: ExtensionRecord): JsonObject;
}

/** `confdBase` is `https://HOST/api/confd/1.1` as the client reached it. */
export function createSerializer(data: DemoData, confdBase: string): Serializer {
  const link = (rel: string, path: string): JsonObject[] => [{rel, href: `${confdBase}/${path}`}];

  const lineExtension = (id: number): JsonObject | null => {
    const extension = data.extensionsById.get(id);
    if (!extension) return null;
    return {id, exten: extension.exten, context: extension.context, links: link('extensions', `extensions/${id}`)};
  };
  const lineUser = (id: number): JsonObject | null => {
    const user = data.usersById.get(id);
    if (!user) return null;
    return {uuid: user.uuid, firstname: user.firstname, lastname: user.lastname, links: link('users', `users/${user.uuid}`)};
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
    users: record.userIds.map(lineUser).filter((item) => item !== null),
    is_webrtc: record.isWebrtc,
  });

  const userLines = (user: UserRecord): LineRecord[] =>
    user.lineIds.map((id) => data.linesById.get(id)).filter((item) => item !== undefined);

  return {
    line,
    user(user) {
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
        agent: null,
        call_permissions: [],
        call_pickup_target_users: [],
        fallbacks: {noanswer_destination: null, busy_destination: null, congestion_destination: null, fail_destination: null},
        groups: [],
        incalls: [],
        lines: userLines(user).map(line),
        forwards: {
          busy: {enabled: false, destination: null},
          noanswer: {enabled: false, destination: null},
          unconditional: {enabled: false, destination: null},
        },
        schedules: [],
        services: {dnd: {enabled: false}, incallfilter: {enabled: false}},
        switchboards: [],
        voicemail: null,
        queues: [],
        func_key_template_id: null,
      };
    },
    userSummary(user) {
      const main = userLines(user)[0];
      const extension = main?.extensionIds[0] === undefined ? undefined : data.extensionsById.get(main.extensionIds[0]);
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
        conference: null,
        parking_lot: null,
        group: null,
        incall: null,
        lines: extension.lineIds.map((id) => {
          const record = data.linesById.get(id);
          return {id, name: record?.name ?? null, links: link('lines', `lines/${id}`)};
        }),
        outcall: null,
        queue: null,
      };
    },
  };
}
