/** confd contexts: dial plans, their number ranges and the contexts they include. */
import type {Context} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {idColumn, textColumn} from './columns.js';

export const contextsDescriptor: ResourceDescriptor<'contexts'> = {
  name: 'contexts',
  title: 'Contexts',
  aliases: ['context'],
  acl: 'confd.contexts.read',
  listView: undefined,
  columns: [
    textColumn<Context>('name', 'Name', 1, (context) => context.name, 'name', 2),
    textColumn<Context>('label', 'Label', 2, (context) => context.label, 'label', 3),
    textColumn<Context>('type', 'Type', 3, (context) => context.type, 'type', 1),
    textColumn<Context>('description', 'Description', 5, (context) => context.description, 'description', 3),
    idColumn<Context>(4),
  ],
  defaultOrder: 'id',
  sortColumns: ['id', 'description', 'name', 'label', 'type'],
  key: recordKey,
  detail: (context) =>
    buildDetail(context, {
      groups: [
        {title: 'Context', keys: ['id', 'uuid', 'tenant_uuid', 'name', 'label', 'type', 'enabled', 'description']},
        {title: 'Ranges', keys: ['user_ranges', 'group_ranges', 'queue_ranges', 'conference_room_ranges', 'incall_ranges']},
        {title: 'Included contexts', keys: ['contexts']},
      ],
    }),
  relations: (context) => [
    // confd filters extensions by context name: the context's extensions open as a table.
    ...(context.name ? [{label: 'Extensions in', collection: 'extensions' as const, id: context.name, title: context.name, filter: {key: 'context', value: context.name}}] : []),
    ...refRelations(context.contexts, 'contexts', 'Included context'),
  ],
};
