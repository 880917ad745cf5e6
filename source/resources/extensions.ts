/**
 * The confd extensions collection: columns, detail layout and relations (extension → lines).
 */
import type {Extension} from '../api/schemas.js';
import {buildDetail, textOf, type DetailLayout} from './detail.js';
import {lineLabel, lineRelation} from './labels.js';
import {recordKey, refRelation} from './refs.js';
import type {Relation, ResourceDescriptor} from './types.js';

/** The extension's lines by name (or `#id` when confd gives no name). */
export function linesCell(extension: Extension): string {
  return (extension.lines ?? []).map(lineLabel).join(', ');
}

const layout: DetailLayout = {
  groups: [
    {title: 'Extension', keys: ['id', 'tenant_uuid', 'exten', 'context', 'type', 'enabled', 'commented']},
    {title: 'Lines', keys: ['lines']},
    {title: 'Destinations', keys: ['incall', 'outcall', 'group', 'queue', 'conference', 'parking_lot']},
  ],
  summaries: {lines: (element) => `${textOf(element, 'name') || '(no name)'} (#${textOf(element, 'id')})`},
};

/** What the extension rings: its lines, or the one group, queue, conference, parking lot, incall or outcall owning it. */
function relations(extension: Extension): Relation[] {
  return [
    ...(extension.lines ?? []).flatMap(lineRelation),
    ...refRelation(extension.group, 'groups', 'Owner group'),
    ...refRelation(extension.queue, 'queues', 'Owner queue'),
    ...refRelation(extension.conference, 'conferences', 'Owner conference'),
    ...refRelation(extension.parking_lot, 'parkinglots', 'Owner parking lot'),
    ...refRelation(extension.incall, 'incalls', 'Owner incall'),
    ...refRelation(extension.outcall, 'outcalls', 'Owner outcall'),
  ];
}

/** Extensions: sorted by number like confd; only exten, context and type sort. */
export const extensionsDescriptor: ResourceDescriptor<'extensions'> = {
  name: 'extensions',
  title: 'Extensions',
  aliases: ['extension', 'exten', 'ext', 'e'],
  acl: 'confd.extensions.read',
  // confd lists extensions in one form only: the table's rows are the full records.
  listView: undefined,
  columns: [
    {id: 'exten', title: 'Exten', priority: 1, minWidth: 6, flex: 1, value: (extension) => extension.exten, sortKey: 'exten'},
    {id: 'context', title: 'Context', priority: 2, minWidth: 8, flex: 2, value: (extension) => extension.context, sortKey: 'context'},
    {id: 'type', title: 'Type', priority: 4, width: 8, value: (extension) => extension.type, sortKey: 'type'},
    {id: 'lines', title: 'Lines', priority: 3, minWidth: 8, flex: 2, value: linesCell},
    {id: 'id', title: 'ID', priority: 5, width: 6, align: 'right', value: (extension) => extension.id},
  ],
  defaultOrder: 'exten',
  sortColumns: ['exten', 'context', 'type'],
  key: recordKey,
  detail: (extension) => buildDetail(extension, layout),
  relations,
};
