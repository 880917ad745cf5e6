/** confd queues (call centre): agent and user members, numbers, schedules. */
import type {Queue} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {extensionColumn, idColumn, memberCount, textColumn} from './columns.js';

export const queuesDescriptor: ResourceDescriptor<'queues'> = {
  name: 'queues',
  title: 'Queues',
  // `:q` quits, as in vi and k9s; Tab completes it to `:queues`.
  aliases: ['queue', 'qu'],
  acl: 'confd.queues.read',
  listView: undefined,
  columns: [
    textColumn<Queue>('label', 'Label', 1, (queue) => queue.label, 'label', 3),
    extensionColumn<Queue>(2),
    textColumn<Queue>('members', 'Members', 3, (queue) => memberCount(queue.members), undefined, 1),
    textColumn<Queue>('name', 'Name', 5, (queue) => queue.name, 'name'),
    idColumn<Queue>(4),
  ],
  defaultOrder: 'id',
  sortColumns: ['id', 'name', 'label', 'preprocess_subroutine', 'exten'],
  key: recordKey,
  detail: (queue) =>
    buildDetail(queue, {
      groups: [
        {title: 'Queue', keys: ['id', 'tenant_uuid', 'name', 'label', 'enabled', 'timeout', 'music_on_hold', 'caller_id_mode', 'caller_id_name']},
        {title: 'Members', keys: ['members']},
        {title: 'Numbers and routing', keys: ['extensions', 'schedules', 'wait_time_threshold', 'wait_time_destination', 'wait_ratio_threshold', 'wait_ratio_destination']},
      ],
    }),
  relations: (queue) => [
    ...refRelations(queue.members?.agents, 'agents', 'Member agent'),
    ...refRelations(queue.members?.users, 'users', 'Member', 'uuid'),
    ...refRelations(queue.extensions, 'extensions', 'Extension'),
    ...refRelations(queue.schedules, 'schedules', 'Schedule'),
  ],
};
