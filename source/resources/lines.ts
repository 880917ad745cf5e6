/**
 * The confd lines collection: columns, detail layout and relations (line → users, extensions).
 */
import type {Line} from '../api/schemas.js';
import {buildDetail, textOf, type DetailLayout} from './detail.js';
import {callerIdLabel, extensionLabel, extensionRelation, fullName, lineLabel} from './labels.js';
import {recordKey, refId} from './refs.js';
import type {Relation, ResourceDescriptor} from './types.js';

/** The line's extensions as `exten@context, …`. */
export function extensionsCell(line: Line): string {
  return (line.extensions ?? []).map(extensionLabel).filter((label) => label).join(', ');
}

/** The names of the line's users, comma-separated. */
export function usersCell(line: Line): string {
  return (line.users ?? []).map(fullName).join(', ');
}

const layout: DetailLayout = {
  groups: [
    {
      title: 'Line',
      keys: ['id', 'tenant_uuid', 'name', 'protocol', 'context', 'position', 'registrar', 'device_id', 'device_slot',
        'provisioning_code', 'provisioning_extension', 'application', 'is_webrtc'],
    },
    {title: 'Caller ID', keys: ['caller_id_name', 'caller_id_num']},
    {title: 'Endpoint', keys: ['endpoint_sip', 'endpoint_sccp', 'endpoint_custom']},
    {title: 'Extensions', keys: ['extensions']},
    {title: 'Users', keys: ['users']},
  ],
  summaries: {
    extensions: (element) => `${textOf(element, 'exten')}@${textOf(element, 'context')}`,
    users: (element) => {
      const name = [textOf(element, 'firstname'), textOf(element, 'lastname')].filter((part) => part).join(' ');
      return `${name} (${textOf(element, 'uuid')})`;
    },
  },
};

function relations(line: Line): Relation[] {
  return [
    ...(line.users ?? []).flatMap((user): Relation[] => {
      // A user reference without id nor uuid names no record to open.
      const id = refId(user);
      return id === undefined ? [] : [{label: 'User', collection: 'users', id, title: fullName(user) || String(user.uuid || id)}];
    }),
    ...(line.extensions ?? []).flatMap(extensionRelation),
    ...(line.device_id ? [{label: 'Device', collection: 'devices' as const, id: line.device_id, title: line.device_id}] : []),
    ...(line.endpoint_sip?.uuid
      ? [{label: 'SIP endpoint', collection: 'sip-endpoints' as const, id: line.endpoint_sip.uuid, title: line.endpoint_sip.label || line.endpoint_sip.name || line.endpoint_sip.uuid}]
      : []),
  ];
}

/** Lines: sorted by name like confd; every column is searchable. */
export const linesDescriptor: ResourceDescriptor<'lines'> = {
  name: 'lines',
  title: 'Lines',
  aliases: ['line', 'l'],
  acl: 'confd.lines.read',
  // confd lists lines in one form only: the table's rows are the full records.
  listView: undefined,
  columns: [
    {id: 'name', title: 'Name', priority: 1, minWidth: 8, flex: 2, value: lineLabel, sortKey: 'name'},
    {id: 'protocol', title: 'Protocol', priority: 4, width: 8, value: (line) => line.protocol, sortKey: 'protocol'},
    {id: 'context', title: 'Context', priority: 5, minWidth: 8, flex: 2, value: (line) => line.context, sortKey: 'context'},
    {id: 'extensions', title: 'Extensions', priority: 2, minWidth: 8, flex: 2, value: extensionsCell, sortKey: 'exten'},
    {
      id: 'caller-id', title: 'Caller ID', priority: 3, minWidth: 10, flex: 3,
      value: (line) => callerIdLabel(line.caller_id_name, line.caller_id_num), sortKey: 'caller_id_name',
    },
    {id: 'users', title: 'Users', priority: 3, minWidth: 10, flex: 3, value: usersCell},
    {id: 'device', title: 'Device', priority: 6, minWidth: 8, flex: 2, value: (line) => line.device_id, sortKey: 'device_id'},
  ],
  defaultOrder: 'name',
  sortColumns: ['name', 'protocol', 'context', 'exten', 'caller_id_name', 'caller_id_num', 'device_id', 'provisioning_code', 'position'],
  key: recordKey,
  detail: (line) => buildDetail(line, layout),
  relations,
};
