/** confd incalls (incoming routes, DIDs): the numbers and the destination of any type they lead to. */
import type {Incall} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {destinationCell, destinationRelation, recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {extensionColumn, idColumn, textColumn} from './columns.js';

export const incallsDescriptor: ResourceDescriptor<'incalls'> = {
  name: 'incalls',
  title: 'Incalls',
  aliases: ['incall', 'in', 'did'],
  acl: 'confd.incalls.read',
  listView: undefined,
  columns: [
    extensionColumn<Incall>(1),
    textColumn<Incall>('destination', 'Destination', 2, (incall) => destinationCell(incall.destination), undefined, 3),
    textColumn<Incall>('description', 'Description', 4, (incall) => incall.description, 'description', 3),
    textColumn<Incall>('caller-id', 'Caller ID name', 5, (incall) => incall.caller_id_name),
    idColumn<Incall>(3, null),
  ],
  defaultOrder: 'exten',
  sortColumns: ['exten', 'description', 'greeting_sound', 'preprocess_subroutine', 'user_id'],
  key: recordKey,
  detail: (incall) =>
    buildDetail(incall, {
      groups: [
        {title: 'Incall', keys: ['id', 'tenant_uuid', 'description', 'caller_id_mode', 'caller_id_name', 'greeting_sound', 'preprocess_subroutine']},
        {title: 'Destination', keys: ['destination']},
        {title: 'Numbers and schedules', keys: ['extensions', 'schedules']},
      ],
    }),
  relations: (incall) => [
    ...destinationRelation(incall.destination),
    ...refRelations(incall.extensions, 'extensions', 'Extension'),
    ...refRelations(incall.schedules, 'schedules', 'Schedule'),
  ],
};
