/**
 * The references one confd answer embeds for another record (`{id, name, links}`, `{uuid, firstname,
 * lastname, links}`...), and destinations with their target's name flattened in.
 */
import type {DemoData} from './model.js';
import type {Json, JsonObject} from './pbx-model.js';

/** References (`{id, name, links}` and the like) one record's answer embeds for another. */
export interface Refs {
  link(rel: string, path: string): JsonObject[];
  user(id: number): JsonObject | null;
  extension(id: number): JsonObject | null;
  group(id: number): JsonObject | null;
  queue(id: number): JsonObject | null;
  incall(id: number): JsonObject | null;
  schedule(id: number): JsonObject | null;
  callPermission(id: number): JsonObject | null;
  named(rel: string, id: number | string, name: Json): JsonObject;
  /** A destination as confd dumps it: with its target's name flattened in (`user_firstname`, `group_label`...). */
  destination(destination: Json): Json;
}

/** Drop the references whose record is gone (there are none in generated data, but a map may miss). */
export function present<T>(items: ReadonlyArray<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}

export function createRefs(data: DemoData, confdBase: string): Refs {
  const link = (rel: string, path: string): JsonObject[] => [{rel, href: `${confdBase}/${path}`}];
  const {pbx} = data;
  const refs: Refs = {
    link,
    user(id) {
      const user = data.usersById.get(id);
      return user ? {uuid: user.uuid, firstname: user.firstname, lastname: user.lastname, links: link('users', `users/${user.uuid}`)} : null;
    },
    extension(id) {
      const extension = data.extensionsById.get(id);
      return extension ? {id, exten: extension.exten, context: extension.context, links: link('extensions', `extensions/${id}`)} : null;
    },
    group(id) {
      const group = pbx.groups[id - 1];
      return group ? {uuid: group.uuid, id, name: group.fields.name, label: group.fields.label, links: link('groups', `groups/${group.uuid}`)} : null;
    },
    queue(id) {
      const queue = pbx.queues[id - 1];
      return queue ? {id, name: queue.fields.name, label: queue.fields.label, links: link('queues', `queues/${id}`)} : null;
    },
    incall(id) {
      const incall = pbx.incalls[id - 1];
      return incall ? {id, extensions: present(incall.extensionIds.map(refs.extension)), links: link('incalls', `incalls/${id}`)} : null;
    },
    schedule(id) {
      const schedule = pbx.schedules[id - 1];
      return schedule ? {id, name: schedule.fields.name, links: link('schedules', `schedules/${id}`)} : null;
    },
    callPermission(id) {
      const permission = pbx.callpermissions[id - 1];
      return permission ? {id, tenant_uuid: permission.tenantUuid, name: permission.fields.name, links: link('callpermissions', `callpermissions/${id}`)} : null;
    },
    named: (rel, id, name) => ({[typeof id === 'number' ? 'id' : 'uuid']: id, name, links: link(rel, `${rel}/${id}`)}),
    destination: (destination) => (isObject(destination) ? {...destination, ...targetNames(data, destination)} : destination),
  };
  return refs;
}

export function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** confd's destination schemas' post_dump: the target's names beside its id (absent if it is gone). */
function targetNames(data: DemoData, destination: JsonObject): JsonObject {
  const {pbx} = data;
  const at = <T>(items: readonly T[], key: string): T | undefined => {
    const id = destination[key];
    return typeof id === 'number' ? items[id - 1] : undefined;
  };
  switch (destination.type) {
    case 'user': {
      const user = typeof destination.user_id === 'number' ? data.usersById.get(destination.user_id) : undefined;
      return user ? {user_firstname: user.firstname, user_lastname: user.lastname} : {};
    }
    case 'group': {
      const group = at(pbx.groups, 'group_id');
      return group ? {group_name: group.fields.name, group_label: group.fields.label} : {};
    }
    case 'queue': {
      const queue = at(pbx.queues, 'queue_id');
      return queue ? {queue_label: queue.fields.label} : {};
    }
    case 'ivr': {
      const ivr = at(pbx.ivr, 'ivr_id');
      return ivr ? {ivr_name: ivr.fields.name} : {};
    }
    case 'voicemail': {
      const voicemail = at(pbx.voicemails, 'voicemail_id');
      return voicemail ? {voicemail_name: voicemail.fields.name} : {};
    }
    case 'conference': {
      const conference = at(pbx.conferences, 'conference_id');
      return conference ? {conference_name: conference.fields.name} : {};
    }
    case 'switchboard': {
      const switchboard = pbx.switchboards.find((board) => board.uuid === destination.switchboard_uuid);
      return switchboard ? {switchboard_name: switchboard.fields.name} : {};
    }
    case 'application': {
      const application = pbx.applications.find((candidate) => candidate.uuid === destination.application_uuid);
      return application ? {application_name: application.fields.name} : {};
    }
    default:
      return {};
  }
}

