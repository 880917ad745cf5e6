/**
 * The confd users collection: the table lists the summary view (names, email, main extension,
 * protocol); the detail layout and relations (user → lines → extensions) read the full record.
 */
import type {Line, User, UserSummary} from '../api/schemas.js';
import {buildDetail, type DetailLayout} from './detail.js';
import {extensionLabel, extensionRelation, fullName, lineLabel, lineRelation} from './labels.js';
import {recordKey, refRelation, refRelations} from './refs.js';
import type {Relation, ResourceDescriptor} from './types.js';

/** `exten@context` of the user's main extension, as the summary view flattens it (`extension`, `context`). */
export function mainExtension(user: UserSummary): string {
  return extensionLabel({exten: user.extension, context: user.context});
}

function lineSummary(element: unknown): string {
  const line = element as Line;
  const extensions = (line.extensions ?? []).map(extensionLabel).filter((label) => label).join(', ');
  return [lineLabel(line), line.protocol, extensions].filter((part) => part).join(' · ');
}

const layout: DetailLayout = {
  groups: [
    {
      title: 'User',
      keys: ['id', 'uuid', 'tenant_uuid', 'firstname', 'lastname', 'email', 'username', 'password', 'enabled',
        'description', 'userfield', 'language', 'timezone', 'country', 'subscription_type', 'created_at'],
    },
    {
      title: 'Calls',
      keys: ['caller_id', 'outgoing_caller_id', 'mobile_phone_number', 'mobile_fallback_enabled', 'ring_seconds',
        'simultaneous_calls', 'music_on_hold', 'preprocess_subroutine', 'call_transfer_enabled', 'dtmf_hangup_enabled',
        'supervision_enabled', 'call_permission_password', 'func_key_template_id'],
    },
    {
      title: 'Recording',
      keys: ['call_record_enabled', 'call_record_incoming_internal_enabled', 'call_record_incoming_external_enabled',
        'call_record_outgoing_internal_enabled', 'call_record_outgoing_external_enabled', 'online_call_record_enabled'],
    },
    {title: 'Forwards and services', keys: ['forwards', 'services', 'fallbacks']},
    {title: 'Lines', keys: ['lines']},
    {
      title: 'Memberships',
      keys: ['voicemail', 'agent', 'groups', 'queues', 'incalls', 'schedules', 'switchboards', 'call_permissions',
        'call_pickup_target_users'],
    },
  ],
  summaries: {lines: lineSummary},
};

function relations(user: User): Relation[] {
  return [
    ...(user.lines ?? []).flatMap((line): Relation[] => [
      ...lineRelation(line),
      ...(line.extensions ?? []).flatMap(extensionRelation),
      ...(line.device_id ? [{label: 'Device', collection: 'devices' as const, id: line.device_id, title: line.device_id}] : []),
    ]),
    ...refRelations(user.groups, 'groups', 'Group'),
    ...refRelations(user.queues, 'queues', 'Queue'),
    ...refRelation(user.voicemail, 'voicemails', 'Voicemail'),
    ...refRelation(user.agent, 'agents', 'Agent'),
    ...refRelations(user.call_permissions, 'callpermissions', 'Call permission'),
    ...refRelations(user.switchboards, 'switchboards', 'Switchboard', 'uuid'),
    ...refRelations(user.incalls, 'incalls', 'Incall'),
    ...refRelations(user.schedules, 'schedules', 'Schedule'),
  ];
}

/**
 * Users: sorted by last name like confd, searchable on name, login, email and extension. The
 * columns are what `view=summary` carries (no username, no lines: those are in the detail).
 */
export const usersDescriptor: ResourceDescriptor<'users', 'summary'> = {
  name: 'users',
  title: 'Users',
  aliases: ['user', 'u'],
  acl: 'confd.users.read',
  listView: 'summary',
  columns: [
    {id: 'name', title: 'Name', priority: 1, minWidth: 12, flex: 3, value: fullName, sortKey: 'lastname'},
    {id: 'email', title: 'Email', priority: 3, minWidth: 10, flex: 3, value: (user) => user.email ?? '', sortKey: 'email'},
    {id: 'extension', title: 'Extension', priority: 2, minWidth: 8, flex: 2, value: mainExtension, sortKey: 'exten'},
    {id: 'protocol', title: 'Protocol', priority: 4, width: 8, value: (user) => user.protocol},
    {id: 'id', title: 'ID', priority: 5, width: 6, align: 'right', value: (user) => user.id, sortKey: 'id'},
  ],
  defaultOrder: 'lastname',
  sortColumns: ['lastname', 'firstname', 'username', 'email', 'exten', 'id'],
  key: recordKey,
  detail: (user) => buildDetail(user, layout),
  relations,
};
