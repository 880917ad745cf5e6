/** confd switchboards (operator consoles): their operators and the incalls reaching them. */
import type {Switchboard} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {memberCount, textColumn, uuidColumn} from './columns.js';
import {incallNumber} from './ivr.js';

export const switchboardsDescriptor: ResourceDescriptor<'switchboards'> = {
  name: 'switchboards',
  title: 'Switchboards',
  aliases: ['switchboard', 'sb'],
  acl: 'confd.switchboards.read',
  listView: undefined,
  columns: [
    textColumn<Switchboard>('name', 'Name', 1, (switchboard) => switchboard.name, 'name', 3),
    textColumn<Switchboard>('exten', 'Number', 2, (switchboard) => incallNumber(switchboard.incalls), undefined, 2),
    textColumn<Switchboard>('members', 'Operators', 3, (switchboard) => memberCount(switchboard.members), undefined, 1),
    uuidColumn<Switchboard>(4),
  ],
  defaultOrder: 'name',
  sortColumns: ['name'],
  key: recordKey,
  detail: (switchboard) =>
    buildDetail(switchboard, {
      groups: [
        {title: 'Switchboard', keys: ['uuid', 'tenant_uuid', 'name', 'timeout', 'queue_music_on_hold', 'waiting_room_music_on_hold', 'fallbacks']},
        {title: 'Operators', keys: ['members']},
        {title: 'Incalls', keys: ['incalls']},
      ],
    }),
  relations: (switchboard) => [...refRelations(switchboard.members?.users, 'users', 'Operator', 'uuid'), ...refRelations(switchboard.incalls, 'incalls', 'Incall')],
};
