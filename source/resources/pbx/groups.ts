/** confd groups (ring groups): members, their numbers, incoming calls reaching them. */
import type {Group} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {extensionColumn, idColumn, memberCount, textColumn} from './columns.js';

export const groupsDescriptor: ResourceDescriptor<'groups'> = {
  name: 'groups',
  title: 'Groups',
  aliases: ['group', 'grp', 'g'],
  acl: 'confd.groups.read',
  listView: undefined,
  columns: [
    textColumn<Group>('label', 'Label', 1, (group) => group.label, 'label', 3),
    extensionColumn<Group>(2),
    textColumn<Group>('members', 'Members', 3, (group) => memberCount(group.members), undefined, 1),
    textColumn<Group>('strategy', 'Strategy', 5, (group) => group.ring_strategy, undefined, 1),
    textColumn<Group>('name', 'Name', 6, (group) => group.name, 'name'),
    idColumn<Group>(4),
  ],
  defaultOrder: 'label',
  sortColumns: ['label', 'id', 'name', 'preprocess_subroutine', 'exten'],
  key: recordKey,
  detail: (group) =>
    buildDetail(group, {
      groups: [
        {title: 'Group', keys: ['id', 'uuid', 'tenant_uuid', 'name', 'label', 'enabled', 'ring_strategy', 'timeout', 'user_timeout', 'retry_delay', 'max_calls']},
        {title: 'Members', keys: ['members']},
        {title: 'Numbers and routing', keys: ['extensions', 'incalls', 'fallbacks', 'schedules', 'call_permissions']},
      ],
    }),
  relations: (group) => [
    ...refRelations(group.members?.users, 'users', 'Member', 'uuid'),
    ...refRelations(group.extensions, 'extensions', 'Extension'),
    ...refRelations(group.incalls, 'incalls', 'Incall'),
    ...refRelations(group.schedules, 'schedules', 'Schedule'),
    ...refRelations(group.call_permissions, 'callpermissions', 'Call permission'),
  ],
};
