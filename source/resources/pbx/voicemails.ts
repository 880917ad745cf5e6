/** confd voicemails: boxes and their users (the PIN is a secret: hidden). */
import type {Voicemail} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations, refsCell} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {idColumn, textColumn} from './columns.js';

export const voicemailsDescriptor: ResourceDescriptor<'voicemails'> = {
  name: 'voicemails',
  title: 'Voicemails',
  aliases: ['voicemail', 'vm'],
  acl: 'confd.voicemails.read',
  listView: undefined,
  columns: [
    textColumn<Voicemail>('number', 'Number', 1, (voicemail) => voicemail.number, 'number', 1),
    textColumn<Voicemail>('name', 'Name', 2, (voicemail) => voicemail.name, 'name', 3),
    textColumn<Voicemail>('context', 'Context', 4, (voicemail) => voicemail.context, 'context'),
    textColumn<Voicemail>('email', 'Email', 5, (voicemail) => voicemail.email, 'email', 3),
    textColumn<Voicemail>('users', 'Users', 3, (voicemail) => refsCell(voicemail.users), undefined, 3),
    idColumn<Voicemail>(6, null),
  ],
  defaultOrder: 'number',
  sortColumns: ['number', 'name', 'email', 'context', 'language', 'timezone', 'pager', 'accesstype'],
  key: recordKey,
  detail: (voicemail) =>
    buildDetail(voicemail, {
      groups: [
        {title: 'Voicemail', keys: ['id', 'tenant_uuid', 'number', 'context', 'name', 'password', 'ask_password', 'email', 'pager', 'language', 'timezone', 'enabled', 'accesstype']},
        {title: 'Messages', keys: ['max_messages', 'attach_audio', 'delete_messages', 'options']},
        {title: 'Users', keys: ['users']},
      ],
    }),
  relations: (voicemail) => refRelations(voicemail.users, 'users', 'User', 'uuid'),
};
