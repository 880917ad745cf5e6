/** What the generators of the other confd collections share while they build one tenant. */
import {EXOTIC_LABELS} from './names.js';
import type {Random} from './random.js';
import type {ExtensionOwner, ExtensionRecord, LineRecord, UserRecord} from './model.js';
import type {Destination, PbxData, UserRelations} from './pbx-model.js';
import type {TenantPlan} from './data.js';

/** The users, lines and extensions already generated, which the other collections point at. */
export interface PbxInput {
  /** A line may get a device (the first user's main line always has one). */
  linesById: ReadonlyMap<number, LineRecord>;
  /** Appended to: groups, queues, conferences, parking lots and outcalls get numbers. */
  extensions: ExtensionRecord[];
}

/** One tenant being built, with what it holds so far (destinations only point inside a tenant). */
export interface TenantBuild {
  random: Random;
  pbx: PbxData;
  input: PbxInput;
  plan: TenantPlan;
  outcallContext: string;
  users: readonly UserRecord[];
  /** Ids of this tenant's records, by collection, for destinations and memberships. */
  own: {
    voicemails: number[];
    agents: number[];
    groups: number[];
    queues: number[];
    conferences: number[];
    ivr: number[];
    outcalls: number[];
    schedules: number[];
    switchboards: string[];
    applications: string[];
  };
}

/** Usually the plain label, sometimes one a terminal will find hard. */
export function label(random: Random, plain: string): string {
  return random.chance(0.15) ? random.pick(EXOTIC_LABELS) : plain;
}

/** Up to `max` distinct items, in their original order (possibly none). */
export function pickSome<T>(random: Random, items: readonly T[], max: number): T[] {
  const count = Math.min(items.length, random.int(0, max));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((index) => items[index] as T);
}

/** The reverse relations of one user, created on first use (most users have none). */
export function relationsOf(pbx: PbxData, userId: number): UserRelations {
  let relations = pbx.byUser.get(userId);
  if (!relations) {
    relations = {groupIds: [], queueIds: [], voicemailId: null, agentId: null, callPermissionIds: [], switchboardUuids: [], incallIds: [], scheduleIds: []};
    pbx.byUser.set(userId, relations);
  }
  return relations;
}

/** A new extension owned by `owner`; by default the tenant's next internal number. */
export function addExtension(build: TenantBuild, owner: ExtensionOwner, context?: string, exten?: string): ExtensionRecord {
  const {extensions} = build.input;
  const extension: ExtensionRecord = {
    id: extensions.length + 1,
    tenantUuid: build.plan.tenant.uuid,
    exten: exten ?? String(build.plan.nextExten++),
    context: context ?? build.plan.internalContext,
    type: 'internal',
    enabled: true,
    lineIds: [],
    owner,
  };
  extensions.push(extension);
  return extension;
}

export type DestinationKind =
  | 'user' | 'group' | 'queue' | 'ivr' | 'voicemail' | 'conference' | 'switchboard' | 'application'
  | 'outcall' | 'extension' | 'hangup' | 'sound' | 'custom' | 'none';

/** Every kind, so the first incalls of a tenant show each one. */
export const DESTINATION_KINDS: readonly DestinationKind[] = [
  'user', 'group', 'queue', 'ivr', 'voicemail', 'conference', 'switchboard', 'application', 'outcall',
  'extension', 'hangup', 'sound', 'custom', 'none',
];

/**
 * A destination of `kind` inside the tenant, shaped like confd's destination schemas (the optional
 * keys present, null when unset); `none` when the tenant has nothing of that kind.
 */
export function destinationTo(build: TenantBuild, kind: DestinationKind): Destination {
  const {random, own} = build;
  const pickId = (ids: readonly number[]) => (ids.length === 0 ? undefined : random.pick(ids));
  switch (kind) {
    case 'user': {
      const user = build.users.length === 0 ? undefined : random.pick(build.users);
      if (user) return {type: 'user', user_id: user.id, ring_time: random.chance(0.5) ? null : 25, moh_uuid: null};
      break;
    }
    case 'group': {
      const id = pickId(own.groups);
      if (id !== undefined) return {type: 'group', group_id: id, ring_time: null};
      break;
    }
    case 'queue': {
      const id = pickId(own.queues);
      if (id !== undefined) return {type: 'queue', queue_id: id, ring_time: null, skill_rule_id: null, skill_rule_variables: null};
      break;
    }
    case 'ivr': {
      const id = pickId(own.ivr);
      if (id !== undefined) return {type: 'ivr', ivr_id: id};
      break;
    }
    case 'voicemail': {
      const id = pickId(own.voicemails);
      if (id !== undefined) return {type: 'voicemail', voicemail_id: id, skip_instructions: random.chance(0.3), greeting: random.chance(0.5) ? null : 'unavailable'};
      break;
    }
    case 'conference': {
      const id = pickId(own.conferences);
      if (id !== undefined) return {type: 'conference', conference_id: id};
      break;
    }
    case 'switchboard':
      if (own.switchboards.length > 0) return {type: 'switchboard', switchboard_uuid: random.pick(own.switchboards)};
      break;
    case 'application':
      if (own.applications.length > 0) return {type: 'application', application: 'custom', application_uuid: random.pick(own.applications)};
      break;
    case 'outcall': {
      const id = pickId(own.outcalls);
      if (id !== undefined) return {type: 'outcall', outcall_id: id, exten: `1418555${String(random.int(0, 9999)).padStart(4, '0')}`};
      break;
    }
    case 'extension':
      return {type: 'extension', exten: String(random.int(1001, build.plan.nextExten)), context: build.plan.internalContext};
    case 'hangup':
      return {type: 'hangup', cause: random.pick(['normal', 'busy', 'congestion']), timeout: null};
    case 'sound':
      return {type: 'sound', filename: random.pick(['closed', 'holiday-greeting', 'tt-monkeys']), skip: false, no_answer: random.chance(0.5)};
    case 'custom':
      return {type: 'custom', command: 'Playback(demo-congrats)'};
    case 'none':
      break;
  }
  return {type: 'none'};
}
