/** confd pagings (intercom groups): who may page, and whose phones answer. */
import type {Paging} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {idColumn, memberCount, textColumn} from './columns.js';

export const pagingsDescriptor: ResourceDescriptor<'pagings'> = {
  name: 'pagings',
  title: 'Pagings',
  aliases: ['paging', 'page'],
  acl: 'confd.pagings.read',
  listView: undefined,
  columns: [
    textColumn<Paging>('number', 'Number', 1, (paging) => paging.number, 'number', 1),
    textColumn<Paging>('name', 'Name', 2, (paging) => paging.name, 'name', 3),
    textColumn<Paging>('callers', 'Callers', 4, (paging) => memberCount(paging.callers), undefined, 1),
    textColumn<Paging>('members', 'Members', 3, (paging) => memberCount(paging.members), undefined, 1),
    idColumn<Paging>(5),
  ],
  defaultOrder: 'name',
  sortColumns: ['name', 'id', 'number', 'announce_sound'],
  key: recordKey,
  detail: (paging) =>
    buildDetail(paging, {
      groups: [
        {title: 'Paging', keys: ['id', 'tenant_uuid', 'number', 'name', 'enabled', 'announce_caller', 'announce_sound', 'caller_notification', 'duplex', 'record', 'ignore_forward']},
        {title: 'Members', keys: ['callers', 'members']},
      ],
    }),
  relations: (paging) => [...refRelations(paging.members?.users, 'users', 'Member', 'uuid'), ...refRelations(paging.callers?.users, 'users', 'Caller', 'uuid')],
};
