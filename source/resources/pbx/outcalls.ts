/** confd outcalls (outgoing routes): the trunks they go out on and the patterns they match. */
import type {Outcall} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations, refsCell} from '../refs.js';
import type {Relation, ResourceDescriptor} from '../types.js';
import {enabledColumn, idColumn, textColumn} from './columns.js';
import {trunkName} from './trunks.js';

export const outcallsDescriptor: ResourceDescriptor<'outcalls'> = {
  name: 'outcalls',
  title: 'Outcalls',
  aliases: ['outcall', 'out'],
  acl: 'confd.outcalls.read',
  listView: undefined,
  columns: [
    textColumn<Outcall>('name', 'Name', 1, (outcall) => outcall.name, 'name', 3),
    textColumn<Outcall>('patterns', 'Patterns', 2, (outcall) => refsCell(outcall.extensions), undefined, 3),
    textColumn<Outcall>('trunks', 'Trunks', 3, (outcall) => (outcall.trunks ?? []).map(trunkName).join(', '), undefined, 3),
    enabledColumn<Outcall>(5),
    idColumn<Outcall>(4),
  ],
  defaultOrder: 'id',
  sortColumns: ['id', 'description', 'name', 'preprocess_subroutine'],
  key: recordKey,
  detail: (outcall) =>
    buildDetail(outcall, {
      groups: [
        {title: 'Outcall', keys: ['id', 'tenant_uuid', 'name', 'description', 'enabled', 'internal_caller_id', 'ring_time', 'preprocess_subroutine']},
        {title: 'Trunks', keys: ['trunks']},
        {title: 'Patterns', keys: ['extensions']},
        {title: 'Schedules and permissions', keys: ['schedules', 'call_permissions']},
      ],
    }),
  relations: (outcall) => [
    ...(outcall.trunks ?? []).flatMap((trunk): Relation[] => (trunk.id == null ? [] : [{label: 'Trunk', collection: 'trunks', id: trunk.id, title: trunkName(trunk)}])),
    ...refRelations(outcall.extensions, 'extensions', 'Pattern'),
    ...refRelations(outcall.schedules, 'schedules', 'Schedule'),
    ...refRelations(outcall.call_permissions, 'callpermissions', 'Call permission'),
  ],
};
