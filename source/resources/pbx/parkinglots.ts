/** confd parking lots: the number that parks and the slots calls wait in. */
import type {ParkingLot} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {extensionColumn, idColumn, textColumn} from './columns.js';

export const parkingLotsDescriptor: ResourceDescriptor<'parkinglots'> = {
  name: 'parkinglots',
  title: 'Parking lots',
  aliases: ['parkinglot', 'parking', 'park'],
  acl: 'confd.parkinglots.read',
  listView: undefined,
  columns: [
    textColumn<ParkingLot>('name', 'Name', 1, (lot) => lot.name, 'name', 3),
    extensionColumn<ParkingLot>(2),
    textColumn<ParkingLot>('slots', 'Slots', 3, (lot) => (lot.slots_start || lot.slots_end ? `${lot.slots_start ?? ''}–${lot.slots_end ?? ''}` : ''), 'slots_start', 2),
    textColumn<ParkingLot>('timeout', 'Timeout', 5, (lot) => lot.timeout, 'timeout', 1),
    idColumn<ParkingLot>(4),
  ],
  defaultOrder: 'name',
  sortColumns: ['name', 'id', 'slots_start', 'slots_end', 'timeout', 'exten', 'context'],
  key: recordKey,
  detail: (lot) =>
    buildDetail(lot, {
      groups: [
        {title: 'Parking lot', keys: ['id', 'tenant_uuid', 'name', 'slots_start', 'slots_end', 'timeout', 'music_on_hold']},
        {title: 'Numbers', keys: ['extensions']},
      ],
    }),
  relations: (lot) => refRelations(lot.extensions, 'extensions', 'Extension'),
};
