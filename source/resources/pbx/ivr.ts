/** confd IVRs (voice menus): each choice's destination and the numbers that reach the menu. */
import type {Incall, Ivr} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {destinationRelation, firstExtension, recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {idColumn, textColumn} from './columns.js';

/** The first number of the first incall reaching the record (IVRs, switchboards have no extension of their own). */
export function incallNumber(incalls: Pick<Incall, 'extensions'>[] | null | undefined): string {
  return firstExtension(incalls?.[0]?.extensions);
}

export const ivrDescriptor: ResourceDescriptor<'ivr'> = {
  name: 'ivr',
  title: 'IVR',
  aliases: ['ivrs', 'menus'],
  acl: 'confd.ivr.read',
  listView: undefined,
  columns: [
    textColumn<Ivr>('name', 'Name', 1, (ivr) => ivr.name, 'name', 3),
    textColumn<Ivr>('exten', 'Number', 2, (ivr) => incallNumber(ivr.incalls), undefined, 2),
    textColumn<Ivr>('choices', 'Choices', 4, (ivr) => ivr.choices?.length ?? 0, undefined, 1),
    textColumn<Ivr>('description', 'Description', 5, (ivr) => ivr.description, 'description', 3),
    idColumn<Ivr>(3),
  ],
  defaultOrder: 'id',
  sortColumns: ['id', 'name', 'description'],
  key: recordKey,
  detail: (ivr) =>
    buildDetail(ivr, {
      groups: [
        {title: 'IVR', keys: ['id', 'tenant_uuid', 'name', 'description', 'greeting_sound', 'menu_sound', 'invalid_sound', 'abort_sound', 'timeout', 'max_tries']},
        {title: 'Choices', keys: ['choices']},
        {title: 'Fallbacks', keys: ['invalid_destination', 'timeout_destination', 'abort_destination']},
        {title: 'Incalls', keys: ['incalls']},
      ],
    }),
  relations: (ivr) => [
    ...(ivr.choices ?? []).flatMap((choice) => destinationRelation(choice.destination, `Choice ${choice.exten ?? '?'}`)),
    ...destinationRelation(ivr.invalid_destination, 'When invalid'),
    ...destinationRelation(ivr.timeout_destination, 'On timeout'),
    ...destinationRelation(ivr.abort_destination, 'On abort'),
    ...refRelations(ivr.incalls, 'incalls', 'Incall'),
  ],
};
