/** confd call pickups: who may answer whose ringing phone. */
import type {CallPickup} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {enabledColumn, idColumn, memberCount, textColumn} from './columns.js';

// Wazo dumps `interceptors`/`targets`; confd.yml names them `surrogates`/`recipients`: read either.
const interceptorsOf = (pickup: CallPickup) => pickup.interceptors ?? pickup.surrogates;
const targetsOf = (pickup: CallPickup) => pickup.targets ?? pickup.recipients;

export const callPickupsDescriptor: ResourceDescriptor<'callpickups'> = {
  name: 'callpickups',
  title: 'Call pickups',
  aliases: ['callpickup', 'pickups', 'pickup'],
  acl: 'confd.callpickups.read',
  listView: undefined,
  columns: [
    textColumn<CallPickup>('name', 'Name', 1, (pickup) => pickup.name, 'name', 3),
    textColumn<CallPickup>('interceptors', 'Interceptors', 2, (pickup) => memberCount(interceptorsOf(pickup)), undefined, 1),
    textColumn<CallPickup>('targets', 'Targets', 3, (pickup) => memberCount(targetsOf(pickup)), undefined, 1),
    enabledColumn<CallPickup>(5, 'enabled'),
    textColumn<CallPickup>('description', 'Description', 6, (pickup) => pickup.description, 'description', 3),
    idColumn<CallPickup>(4),
  ],
  defaultOrder: 'name',
  sortColumns: ['name', 'id', 'description', 'enabled'],
  key: recordKey,
  detail: (pickup) =>
    buildDetail(pickup, {
      groups: [
        {title: 'Call pickup', keys: ['id', 'tenant_uuid', 'name', 'enabled', 'description']},
        {title: 'Members', keys: ['interceptors', 'targets', 'surrogates', 'recipients']},
      ],
    }),
  relations: (pickup) => [
    ...refRelations(interceptorsOf(pickup)?.users, 'users', 'Interceptor', 'uuid'),
    ...refRelations(interceptorsOf(pickup)?.groups, 'groups', 'Interceptor group'),
    ...refRelations(targetsOf(pickup)?.users, 'users', 'Target', 'uuid'),
    ...refRelations(targetsOf(pickup)?.groups, 'groups', 'Target group'),
  ],
};
