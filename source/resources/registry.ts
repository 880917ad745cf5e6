/**
 * Every confd collection the dashboard and the scripts know, in the order `Tab` cycles them.
 * Everything that names the collections derives from this list: the command-line grammar
 * (`wazo-tui users|…`), `--help`, the `:` command line, `Tab`, script mode and the README's table.
 * Adding a collection is one descriptor here (plus its path and schema in `api/collections.ts`).
 */
import type {ConfdCollection} from '../api/contract.js';
import {extensionsDescriptor} from './extensions.js';
import {linesDescriptor} from './lines.js';
import {agentsDescriptor} from './pbx/agents.js';
import {applicationsDescriptor} from './pbx/applications.js';
import {callPermissionsDescriptor} from './pbx/callpermissions.js';
import {callPickupsDescriptor} from './pbx/callpickups.js';
import {conferencesDescriptor} from './pbx/conferences.js';
import {contextsDescriptor} from './pbx/contexts.js';
import {devicesDescriptor} from './pbx/devices.js';
import {groupsDescriptor} from './pbx/groups.js';
import {incallsDescriptor} from './pbx/incalls.js';
import {ivrDescriptor} from './pbx/ivr.js';
import {outcallsDescriptor} from './pbx/outcalls.js';
import {pagingsDescriptor} from './pbx/pagings.js';
import {parkingLotsDescriptor} from './pbx/parkinglots.js';
import {queuesDescriptor} from './pbx/queues.js';
import {schedulesDescriptor} from './pbx/schedules.js';
import {sipEndpointsDescriptor, sipTemplatesDescriptor} from './pbx/sip-endpoints.js';
import {switchboardsDescriptor} from './pbx/switchboards.js';
import {trunksDescriptor} from './pbx/trunks.js';
import {voicemailsDescriptor} from './pbx/voicemails.js';
import type {AnyResourceDescriptor, ResourceDescriptor} from './types.js';
import {usersDescriptor} from './users.js';

/** Every known collection, in the order `?`, `--help` and the README list them (`1` is users, `2` lines). */
export const resourceDescriptors: readonly AnyResourceDescriptor[] = [
  usersDescriptor, linesDescriptor, extensionsDescriptor, groupsDescriptor, queuesDescriptor, agentsDescriptor, voicemailsDescriptor,
  devicesDescriptor, contextsDescriptor, incallsDescriptor, outcallsDescriptor, trunksDescriptor, ivrDescriptor, schedulesDescriptor,
  conferencesDescriptor, parkingLotsDescriptor, switchboardsDescriptor, callPermissionsDescriptor, callPickupsDescriptor,
  pagingsDescriptor, applicationsDescriptor, sipEndpointsDescriptor, sipTemplatesDescriptor,
];

/**
 * The collections `Tab` cycles through unless the profiles file's `preferences.tabCycle` says
 * otherwise (validated there): the ones an administrator opens most.
 */
export const defaultTabCycle: readonly ConfdCollection[] = ['users', 'lines', 'extensions', 'groups', 'queues'];

/** The collection after `name` in a `Tab` cycle; from a collection outside it, the cycle's first. */
export function nextInCycle(cycle: readonly ConfdCollection[], name: ConfdCollection, step = 1): ConfdCollection {
  const index = cycle.indexOf(name);
  const count = cycle.length;
  if (count === 0) return name;
  if (index < 0) return cycle[0] ?? name;
  return cycle[(((index + step) % count) + count) % count] ?? name;
}

/** Every `:` name (collection names and aliases) that starts with `prefix`, names first, for Tab completion. */
export function completeCollection(prefix: string): string[] {
  const wanted = prefix.trim().replace(/^:/, '').toLowerCase();
  const names = resourceDescriptors.map((descriptor) => descriptor.name).filter((name) => name.startsWith(wanted));
  const aliases = resourceDescriptors.flatMap((descriptor) => descriptor.aliases).filter((alias) => alias.startsWith(wanted));
  return [...new Set([...names, ...aliases])];
}

/** The collection names in `Tab` order, as the command line takes them. */
export const collectionNames: readonly ConfdCollection[] = resourceDescriptors.map((descriptor) => descriptor.name);

const byName = new Map<string, AnyResourceDescriptor>(resourceDescriptors.map((descriptor) => [descriptor.name, descriptor]));

/** The descriptor of a collection. */
export function descriptorFor<C extends ConfdCollection>(name: C): ResourceDescriptor<C> {
  const descriptor = byName.get(name);
  if (!descriptor) throw new RangeError(`no resource descriptor for ${name}: add it to resourceDescriptors`);
  // The map is keyed by each descriptor's own name, so the one under `name` describes C.
  return descriptor as unknown as ResourceDescriptor<C>;
}

/** Whether `text` is exactly a collection's name (what `wazo-tui NAME` accepts; no aliases). */
export function isCollectionName(text: string | undefined): text is ConfdCollection {
  return text !== undefined && byName.has(text);
}

/** Resolves what the user typed (`:users`, `user`, `U`) to a descriptor, or undefined. */
export function findDescriptor(text: string): AnyResourceDescriptor | undefined {
  const wanted = text.trim().replace(/^:/, '').toLowerCase();
  return resourceDescriptors.find((descriptor) => descriptor.name === wanted || descriptor.aliases.includes(wanted));
}

/** The descriptor `step` places after `name` in `Tab` order, wrapping around (`-1` for Shift-Tab). */
export function nextDescriptor(name: ConfdCollection, step = 1): AnyResourceDescriptor {
  const count = resourceDescriptors.length;
  const index = resourceDescriptors.findIndex((descriptor) => descriptor.name === name);
  const next = resourceDescriptors[(((index + step) % count) + count) % count];
  if (!next) throw new RangeError(`no resource descriptor after ${name}`);
  return next;
}

/** The README's table of collections (between `collections:start` and `collections:end`). */
export function collectionTableMarkdown(): string {
  const code = (text: string) => `\`${text}\``;
  const rows = resourceDescriptors.map((descriptor) =>
    [
      `**${descriptor.title}**`,
      [descriptor.name, ...descriptor.aliases].map((name) => code(`:${name}`)).join(' '),
      descriptor.columns.map((column) => column.title).join(', '),
      descriptor.sortColumns.map(code).join(' '),
      code(descriptor.acl),
    ].join(' | '),
  );
  return ['| Collection | `:` names | Columns | `--order` (first: default) | Needs |', '|---|---|---|---|---|', ...rows.map((row) => `| ${row} |`), ''].join('\n');
}
