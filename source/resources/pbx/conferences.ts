/** confd conferences (rooms; the PINs are secrets: hidden). */
import type {Conference} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {extensionColumn, idColumn, textColumn} from './columns.js';

export const conferencesDescriptor: ResourceDescriptor<'conferences'> = {
  name: 'conferences',
  title: 'Conferences',
  aliases: ['conference', 'conf'],
  acl: 'confd.conferences.read',
  listView: undefined,
  columns: [
    textColumn<Conference>('name', 'Name', 1, (conference) => conference.name, 'name', 3),
    extensionColumn<Conference>(2),
    textColumn<Conference>('max-users', 'Max users', 4, (conference) => conference.max_users, undefined, 1),
    idColumn<Conference>(3),
  ],
  defaultOrder: 'name',
  sortColumns: ['name', 'id', 'preprocess_subroutine', 'exten'],
  key: recordKey,
  detail: (conference) =>
    buildDetail(conference, {
      groups: [
        {title: 'Conference', keys: ['id', 'tenant_uuid', 'name', 'pin', 'admin_pin', 'max_users', 'record', 'music_on_hold', 'preprocess_subroutine']},
        {title: 'Announcements', keys: ['quiet_join_leave', 'announce_join_leave', 'announce_user_count', 'announce_only_user']},
        {title: 'Numbers', keys: ['extensions', 'incalls']},
      ],
    }),
  relations: (conference) => [...refRelations(conference.extensions, 'extensions', 'Extension'), ...refRelations(conference.incalls, 'incalls', 'Incall')],
};
