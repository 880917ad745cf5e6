/** The confd collections the demo serves, described with xivo-dao's columns (NOTES §7). */
import {CollectionIndex, type CollectionSpec} from './query.js';
import {buildPbxCollections, type PbxCollections} from './confd-collections.js';
import type {DemoData, ExtensionRecord, LineRecord, UserRecord} from './model.js';

/** The search indexes of users, lines and extensions. */
export interface DemoCollections {
  users: CollectionIndex<UserRecord>;
  lines: CollectionIndex<LineRecord>;
  extensions: CollectionIndex<ExtensionRecord>;
  /** Groups, queues, trunks and the rest, served by one generic route. */
  pbx: PbxCollections;
}

/** Build the indexes (search haystacks and default orders) once, at start. */
export function buildCollections(data: DemoData): DemoCollections {
  return {
    users: new CollectionIndex(userSpec(data)),
    lines: new CollectionIndex(lineSpec(data)),
    extensions: new CollectionIndex(extensionSpec(data)),
    pbx: buildPbxCollections(data),
  };
}

function userSpec(data: DemoData): CollectionSpec<UserRecord> {
  // exten, context and provisioning_code come from the user's main line and its main extension.
  const mainLine = (user: UserRecord): LineRecord | undefined =>
    user.lineIds[0] === undefined ? undefined : data.linesById.get(user.lineIds[0]);
  const mainExtension = (user: UserRecord): ExtensionRecord | undefined => {
    const id = mainLine(user)?.extensionIds[0];
    return id === undefined ? undefined : data.extensionsById.get(id);
  };
  const exten = (user: UserRecord) => mainExtension(user)?.exten ?? null;
  return {
    resource: 'User',
    items: data.users,
    tenantOf: (user) => user.tenantUuid,
    columns: {
      id: (user) => user.id,
      uuid: (user) => user.uuid,
      firstname: (user) => user.firstname,
      lastname: (user) => user.lastname,
      fullname: (user) => (user.lastname === null ? null : `${user.firstname} ${user.lastname}`),
      caller_id: (user) => user.callerId,
      description: (user) => user.description,
      userfield: (user) => user.userfield,
      email: (user) => user.email,
      mobile_phone_number: (user) => user.mobilePhoneNumber,
      music_on_hold: (user) => user.musicOnHold,
      outgoing_caller_id: (user) => user.outgoingCallerId,
      preprocess_subroutine: (user) => user.preprocessSubroutine,
      voicemail_number: () => null,
      provisioning_code: (user) => mainLine(user)?.provisioningCode ?? null,
      exten,
      extension: exten,
      context: (user) => mainExtension(user)?.context ?? null,
      username: (user) => user.username,
      enabled: (user) => user.enabled,
      subscription_type: (user) => user.subscriptionType,
    },
    searchColumns: [
      'fullname', 'caller_id', 'description', 'userfield', 'email', 'mobile_phone_number', 'preprocess_subroutine',
      'outgoing_caller_id', 'exten', 'username', 'provisioning_code', 'subscription_type',
    ],
    defaultOrder: 'lastname',
    collated: true,
    listFilterColumns: ['uuid', 'exten', 'mobile_phone_number'],
  };
}

function lineSpec(data: DemoData): CollectionSpec<LineRecord> {
  const columns: CollectionSpec<LineRecord>['columns'] = {
    context: (line) => line.context,
    provisioning_code: (line) => line.provisioningCode,
    provisioning_extension: (line) => line.provisioningCode,
    position: (line) => line.position,
    device_slot: (line) => line.position,
    protocol: (line) => line.protocol,
    device_id: (line) => line.deviceId,
    name: (line) => line.name,
    caller_id_name: (line) => line.callerIdName,
    caller_id_num: (line) => line.callerIdNum,
    exten: (line) => (line.extensionIds[0] === undefined ? null : (data.extensionsById.get(line.extensionIds[0])?.exten ?? null)),
  };
  return {
    resource: 'Line',
    items: data.lines,
    tenantOf: (line) => line.tenantUuid,
    columns,
    searchColumns: Object.keys(columns),
    defaultOrder: 'name',
    collated: false,
  };
}

function extensionSpec(data: DemoData): CollectionSpec<ExtensionRecord> {
  return {
    resource: 'Extension',
    items: data.extensions,
    tenantOf: (extension) => extension.tenantUuid,
    columns: {exten: (e) => e.exten, context: (e) => e.context, type: (e) => e.type},
    searchColumns: ['exten', 'context', 'type'],
    defaultOrder: 'exten',
    collated: false,
  };
}
