/**
 * Relations built from the references confd embeds (`{id, name}`, `{uuid, firstname, lastname}`,
 * a destination's `user_id`…), shared by every descriptor. Raw server text: the screens sanitise it.
 */
import type {ConfdCollection} from '../api/contract.js';
import type {Destination, RecordRef} from '../api/pbx-schemas.js';
import {fullName} from './labels.js';
import type {Relation} from './types.js';

/** How a reference names its record: label, name, person, number, `exten@context`, else `#id`. */
export function refName(ref: RecordRef): string {
  const person = fullName(ref);
  const extension = ref.exten ? (ref.context ? `${ref.exten}@${ref.context}` : ref.exten) : '';
  return ref.label || ref.name || person || ref.number || extension || (ref.id ?? ref.uuid ?? '?').toString();
}

/** What `GET /{collection}/{id}` takes for a reference: the id, else the uuid (users, groups, switchboards…). */
export function refId(ref: RecordRef, prefer: 'id' | 'uuid' = 'id'): number | string | undefined {
  const id = ref.id ?? undefined;
  // An empty uuid names nothing (`GET /users/` would be the list).
  const uuid = ref.uuid || undefined;
  return prefer === 'uuid' ? (uuid ?? id) : (id ?? uuid);
}

/** One relation per reference that can be opened (a reference without id nor uuid cannot). */
export function refRelations(
  refs: readonly RecordRef[] | null | undefined,
  collection: ConfdCollection,
  label: string,
  prefer: 'id' | 'uuid' = 'id',
): Relation[] {
  return (refs ?? []).flatMap((ref) => {
    const id = refId(ref, prefer);
    return id === undefined ? [] : [{label, collection, id, title: refName(ref)}];
  });
}

/** The relation of one reference, if it can be opened. */
export function refRelation(ref: RecordRef | null | undefined, collection: ConfdCollection, label: string, prefer: 'id' | 'uuid' = 'id'): Relation[] {
  return ref ? refRelations([ref], collection, label, prefer) : [];
}

/** The names of references as one cell. */
export function refsCell(refs: readonly RecordRef[] | null | undefined): string {
  return (refs ?? []).map(refName).join(', ');
}

/** The first extension's `exten@context` (groups, queues, conferences, incalls…). */
export function firstExtension(refs: readonly RecordRef[] | null | undefined): string {
  const first = refs?.[0];
  return first ? refName(first) : '';
}

/** Where each destination type leads: the collection and the key of the target's id. */
const destinationTargets: ReadonlyArray<{type: string; collection: ConfdCollection; key: keyof Destination; name: (d: Destination) => string}> = [
  {type: 'user', collection: 'users', key: 'user_id', name: (d) => fullName({firstname: d.user_firstname, lastname: d.user_lastname})},
  {type: 'group', collection: 'groups', key: 'group_id', name: (d) => d.group_label ?? ''},
  {type: 'queue', collection: 'queues', key: 'queue_id', name: (d) => d.queue_label ?? ''},
  {type: 'ivr', collection: 'ivr', key: 'ivr_id', name: (d) => d.ivr_name ?? ''},
  {type: 'voicemail', collection: 'voicemails', key: 'voicemail_id', name: (d) => d.voicemail_name ?? ''},
  {type: 'conference', collection: 'conferences', key: 'conference_id', name: (d) => d.conference_name ?? ''},
  {type: 'outcall', collection: 'outcalls', key: 'outcall_id', name: (d) => d.exten ?? ''},
  {type: 'switchboard', collection: 'switchboards', key: 'switchboard_uuid', name: (d) => d.switchboard_name ?? ''},
  {type: 'application', collection: 'applications', key: 'application_uuid', name: (d) => d.application_name ?? ''},
];

/** A destination's target as a relation (`Destination: group Sales`); none for hangup, sound, custom, none. */
export function destinationRelation(destination: Destination | null | undefined, label = 'Destination'): Relation[] {
  if (!destination?.type) return [];
  const target = destinationTargets.find((candidate) => candidate.type === destination.type);
  const id = target ? destination[target.key] : undefined;
  if (!target || (typeof id !== 'number' && (typeof id !== 'string' || id === ''))) return [];
  return [{label: `${label} (${destination.type})`, collection: target.collection, id, title: target.name(destination) || `#${id}`}];
}

/** A destination as one cell: `group Sales`, `hangup`, `extension 1234@default`. */
export function destinationCell(destination: Destination | null | undefined): string {
  if (!destination) return '';
  const type = destination.type ?? '';
  const target = destinationTargets.find((candidate) => candidate.type === type);
  const name = target ? target.name(destination) || String(destination[target.key] ?? '') : destination.exten ? refName(destination) : '';
  return [type, name].filter((part) => part).join(' ');
}

/**
 * The row key of a record: its id or uuid. confd always sends one, but the spec does not require
 * it (nor forbids an empty string), so a record without either is keyed by its content (and cannot
 * be opened).
 */
export function recordKey(item: {id?: number | string | null; uuid?: string | null}): string {
  const id = item.id === '' ? undefined : item.id;
  return String(id ?? (item.uuid || `?${JSON.stringify(item).slice(0, 200)}`));
}
