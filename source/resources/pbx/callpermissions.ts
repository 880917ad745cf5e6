/** confd call permissions: who may (or may not) dial which numbers (the password is a secret: hidden). */
import type {CallPermission} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {enabledColumn, idColumn, textColumn} from './columns.js';

export const callPermissionsDescriptor: ResourceDescriptor<'callpermissions'> = {
  name: 'callpermissions',
  title: 'Call permissions',
  aliases: ['callpermission', 'permissions', 'perms'],
  acl: 'confd.callpermissions.read',
  listView: undefined,
  columns: [
    textColumn<CallPermission>('name', 'Name', 1, (permission) => permission.name, 'name', 3),
    textColumn<CallPermission>('mode', 'Mode', 2, (permission) => permission.mode, 'mode', 1),
    enabledColumn<CallPermission>(3, 'enabled'),
    textColumn<CallPermission>('description', 'Description', 5, (permission) => permission.description, 'description', 3),
    idColumn<CallPermission>(4),
  ],
  defaultOrder: 'name',
  sortColumns: ['name', 'id', 'description', 'enabled', 'mode'],
  key: recordKey,
  detail: (permission) =>
    buildDetail(permission, {
      groups: [
        {title: 'Call permission', keys: ['id', 'tenant_uuid', 'name', 'mode', 'enabled', 'password', 'description', 'extensions']},
        {title: 'Applies to', keys: ['users', 'groups', 'outcalls']},
      ],
    }),
  relations: (permission) => [
    ...refRelations(permission.users, 'users', 'User', 'uuid'),
    ...refRelations(permission.groups, 'groups', 'Group'),
    ...refRelations(permission.outcalls, 'outcalls', 'Outcall'),
  ],
};
