/** confd schedules: opening hours, where calls go when closed, and what uses them. */
import type {Schedule} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {destinationCell, destinationRelation, recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {enabledColumn, idColumn, textColumn} from './columns.js';

export const schedulesDescriptor: ResourceDescriptor<'schedules'> = {
  name: 'schedules',
  title: 'Schedules',
  aliases: ['schedule', 'sched'],
  acl: 'confd.schedules.read',
  listView: undefined,
  columns: [
    textColumn<Schedule>('name', 'Name', 1, (schedule) => schedule.name, 'name', 3),
    textColumn<Schedule>('timezone', 'Timezone', 3, (schedule) => schedule.timezone, 'timezone', 2),
    textColumn<Schedule>('closed', 'When closed', 2, (schedule) => destinationCell(schedule.closed_destination), undefined, 3),
    enabledColumn<Schedule>(5),
    idColumn<Schedule>(4),
  ],
  defaultOrder: 'name',
  sortColumns: ['name', 'id', 'timezone'],
  key: recordKey,
  detail: (schedule) =>
    buildDetail(schedule, {
      groups: [
        {title: 'Schedule', keys: ['id', 'tenant_uuid', 'name', 'timezone', 'enabled', 'closed_destination']},
        {title: 'Periods', keys: ['open_periods', 'exceptional_periods']},
        {title: 'Used by', keys: ['incalls', 'users', 'groups', 'queues', 'outcalls']},
      ],
    }),
  relations: (schedule) => [
    ...destinationRelation(schedule.closed_destination, 'When closed'),
    ...refRelations(schedule.incalls, 'incalls', 'Incall'),
    ...refRelations(schedule.users, 'users', 'User', 'uuid'),
    ...refRelations(schedule.groups, 'groups', 'Group'),
    ...refRelations(schedule.queues, 'queues', 'Queue'),
    ...refRelations(schedule.outcalls, 'outcalls', 'Outcall'),
  ],
};
