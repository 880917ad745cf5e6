/**
 * Deterministic groups, queues, agents, voicemails, contexts, conferences, parking lots, pagings,
 * call pickups and call permissions for each demo tenant, wired to its users and extensions. Counts
 * grow with the tenant's users but stay modest (tens to a few hundred), so 100 000 users stay cheap.
 */
import {EXOTIC_LABELS, PLAIN_LABELS} from './names.js';
import {addExtension, destinationTo, label, pickSome, relationsOf, type PbxInput, type TenantBuild} from './pbx-build.js';
import {addRouting} from './pbx-routing.js';
import type {Random} from './random.js';
import type {TenantPlan} from './data.js';
import type {PbxData} from './pbx-model.js';

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));

/** Build every other collection, tenant by tenant; appends the extensions they own to `input`. */
export function generatePbx(random: Random, plans: readonly TenantPlan[], input: PbxInput): PbxData {
  const pbx: PbxData = {
    contexts: [], groups: [], queues: [], agents: [], voicemails: [], conferences: [], parkinglots: [], pagings: [],
    callpickups: [], callpermissions: [], schedules: [], trunks: [], outcalls: [], incalls: [], ivr: [],
    switchboards: [], applications: [], sipTemplates: [], spareDevices: [], transportUuid: random.uuid(), byUser: new Map(),
  };
  for (const plan of plans) {
    const slug = plan.tenant.slug.replace(/_/g, '-');
    const build: TenantBuild = {
      random, pbx, input, plan, users: plan.users,
      outcallContext: `ctx-${slug}-outcall-${random.hex(8)}`,
      own: {voicemails: [], agents: [], groups: [], queues: [], conferences: [], ivr: [], outcalls: [], schedules: [], switchboards: [], applications: []},
    };
    const usersEnd = plan.nextExten - 1;
    giveDevice(build);
    addVoicemails(build);
    addAgents(build);
    const groupsStart = plan.nextExten;
    addGroups(build);
    const queuesStart = plan.nextExten;
    addQueues(build);
    const conferencesStart = plan.nextExten;
    addConferences(build);
    addParkingLots(build);
    addPagings(build);
    addCallPickups(build);
    addRouting(build);
    addCallPermissions(build);
    addContexts(build, {usersEnd, groupsStart, queuesStart, conferencesStart, end: plan.nextExten - 1});
  }
  return pbx;
}

/** The tenant's first user's main line sits on a device, whatever the seed: user → group → line → device. */
function giveDevice(build: TenantBuild): void {
  const lineId = build.users[0]?.lineIds[0];
  const line = lineId === undefined ? undefined : build.input.linesById.get(lineId);
  if (line && line.deviceId === null) line.deviceId = build.random.hex(32);
}

function addContexts(build: TenantBuild, ranges: {usersEnd: number; groupsStart: number; queuesStart: number; conferencesStart: number; end: number}): void {
  const {random, pbx, plan} = build;
  const range = (start: number, end: number) => (end < start ? [] : [{start: String(start), end: String(end)}]);
  const add = (name: string, type: string, plain: string, fields: Record<string, Array<Record<string, string | number>>>, contextIds: number[] = []) => {
    const id = pbx.contexts.length + 1;
    pbx.contexts.push({
      id, uuid: random.uuid(), tenantUuid: plan.tenant.uuid, contextIds,
      fields: {
        id, name, label: label(random, `${plain} (${plan.tenant.name})`), type,
        user_ranges: [], group_ranges: [], queue_ranges: [], conference_room_ranges: [], incall_ranges: [], ...fields,
        description: random.chance(0.5) ? null : `${plain} calls of ${plan.tenant.name}`, enabled: true, tenant_uuid: plan.tenant.uuid,
      },
    });
    return id;
  };
  const outcall = add(build.outcallContext, 'outcall', 'Outgoing', {});
  add(plan.internalContext, 'internal', 'Internal', {
    user_ranges: range(1000, Math.max(ranges.usersEnd, 1999)),
    group_ranges: range(ranges.groupsStart, ranges.queuesStart - 1),
    queue_ranges: range(ranges.queuesStart, ranges.conferencesStart - 1),
    conference_room_ranges: range(ranges.conferencesStart, ranges.end),
  }, [outcall]);
  add(plan.incallContext, 'incall', 'Incoming', {incall_ranges: [{start: '15145550000', end: '15145559999', did_length: 4}]});
}

function addVoicemails(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  const withVoicemail = users.slice(0, 600).filter(() => random.chance(0.4)).slice(0, 250);
  for (const user of [undefined, ...withVoicemail]) {
    const id = pbx.voicemails.length + 1;
    const name = user ? `${user.firstname} ${user.lastname ?? ''}`.trim() : label(random, `${plan.tenant.name} general mailbox`);
    pbx.voicemails.push({
      id, tenantUuid: plan.tenant.uuid, userIds: user ? [user.id] : [],
      fields: {
        id, name, number: String(user ? 7000 + id : 7000), context: plan.internalContext,
        password: random.chance(0.8) ? String(random.int(1000, 999999)) : null,
        email: user?.email ?? null, pager: null, language: user?.language ?? null, timezone: user?.timezone ?? null,
        max_messages: random.chance(0.6) ? null : random.pick([10, 50, 100]), attach_audio: random.chance(0.3) ? null : random.chance(0.5),
        delete_messages: false, ask_password: random.chance(0.8), enabled: random.chance(0.95), tenant_uuid: plan.tenant.uuid,
        accesstype: user ? 'personal' : 'global', options: random.chance(0.2) ? [['saycid', 'yes'], ['envelope', 'no']] : [],
      },
    });
    build.own.voicemails.push(id);
    if (user) relationsOf(pbx, user.id).voicemailId = id;
  }
}

function addAgents(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  const count = clamp(users.length / 20, 1, 150);
  for (let index = 0; index < count; index++) {
    const id = pbx.agents.length + 1;
    // Most agents are a user's; the last one is on its own (no user, no name).
    const user = index < count - 1 ? users[index * 7 + 3] : undefined;
    pbx.agents.push({
      id, tenantUuid: plan.tenant.uuid, userIds: user ? [user.id] : [],
      fields: {
        id, firstname: user?.firstname ?? null, lastname: user?.lastname ?? null, number: String(8000 + index),
        password: random.chance(0.7) ? String(random.int(1000, 9999)) : null, language: user?.language ?? null,
        preprocess_subroutine: null, description: random.chance(0.3) ? label(random, 'Evening team') : null, tenant_uuid: plan.tenant.uuid,
      },
    });
    build.own.agents.push(id);
    if (user) relationsOf(pbx, user.id).agentId = id;
  }
}

/** The first groups after the first of each tenant always show these: a ZWJ family, CJK, RTL, a long value. */
const GROUP_SHOWCASE: readonly string[] = [/\u200D/u, /\p{Script=Han}/u, /\p{Script=Arabic}/u, /^.{150}/su]
  .map((pattern) => EXOTIC_LABELS.find((text) => pattern.test(text)))
  .filter((text) => text !== undefined);

const RING_STRATEGIES = ['all', 'random', 'least_recent', 'linear', 'fewest_calls', 'memorized_round_robin', 'weight_random'];

function addGroups(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  const count = clamp(users.length / 25, 2, 60);
  for (let index = 0; index < count; index++) {
    const id = pbx.groups.length + 1;
    const uuid = random.uuid();
    const picked = pickSome(random, users, index === 0 ? 0 : 12);
    // The tenant's first user (Émilie in Acme) is always in its second group: a path to walk in demos.
    const first = users[0];
    const members = index === 1 && first && !picked.includes(first) ? [first, ...picked] : picked;
    const extension = random.chance(0.9) ? addExtension(build, {kind: 'group', id}) : undefined;
    pbx.groups.push({
      id, uuid, tenantUuid: plan.tenant.uuid,
      memberUsers: members.map((user, priority) => ({userId: user.id, priority})),
      memberExtensions: random.chance(0.2) ? [{exten: `1514555${String(random.int(0, 9999)).padStart(4, '0')}`, context: plan.internalContext, priority: members.length}] : [],
      extensionIds: extension ? [extension.id] : [],
      fallbacks: {noanswer_destination: random.chance(0.5) ? destinationTo(build, random.pick(['voicemail', 'user', 'hangup'] as const)) : null, congestion_destination: null},
      callPermissionIds: [], scheduleIds: [],
      fields: {
        id, uuid, name: `grp-${plan.tenant.slug}-${uuid}`, label: GROUP_SHOWCASE[index - 1] ?? label(random, `${random.pick(PLAIN_LABELS)} ${index + 1}`),
        ring_strategy: random.pick(RING_STRATEGIES), preprocess_subroutine: null, timeout: random.chance(0.5) ? null : random.pick([20, 30, 60]),
        user_timeout: 15, retry_delay: 5, ring_in_use: random.chance(0.8), music_on_hold: random.chance(0.5) ? 'default' : null,
        caller_id_mode: random.chance(0.7) ? null : 'prepend', caller_id_name: random.chance(0.7) ? null : `[${index + 1}] `,
        mark_answered_elsewhere: random.chance(0.2), dtmf_record_toggle: false, enabled: random.chance(0.95), max_calls: 0,
        tenant_uuid: plan.tenant.uuid, ignore_forward: random.chance(0.5),
      },
    });
    for (const user of members) relationsOf(pbx, user.id).groupIds.push(id);
    build.own.groups.push(id);
  }
}

function addQueues(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  const count = clamp(users.length / 50, 1, 30);
  for (let index = 0; index < count; index++) {
    const id = pbx.queues.length + 1;
    const members = pickSome(random, users, 10);
    const agents = pickSome(random, build.own.agents, 6);
    const extension = addExtension(build, {kind: 'queue', id});
    const plain = `${random.pick(PLAIN_LABELS)} queue`;
    pbx.queues.push({
      id, tenantUuid: plan.tenant.uuid, extensionIds: [extension.id], scheduleIds: [],
      memberUsers: members.map((user, priority) => ({userId: user.id, priority})),
      memberAgents: agents.map((agentId, priority) => ({agentId, penalty: random.int(0, 3), priority})),
      fields: {
        id, name: `${plain.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${id}`, label: label(random, plain),
        data_quality: false, dtmf_hangup_callee_enabled: false, dtmf_hangup_caller_enabled: false, dtmf_transfer_callee_enabled: random.chance(0.5),
        dtmf_transfer_caller_enabled: false, dtmf_record_callee_enabled: false, dtmf_record_caller_enabled: false, dtmf_record_toggle: false,
        retry_on_timeout: true, ring_on_hold: false, timeout: random.chance(0.5) ? null : 300, announce_hold_time_on_entry: random.chance(0.3),
        ignore_forward: true, preprocess_subroutine: null, music_on_hold: 'default',
        wait_time_threshold: random.chance(0.6) ? null : 120, wait_time_destination: random.chance(0.6) ? null : destinationTo(build, 'voicemail'),
        wait_ratio_threshold: null, wait_ratio_destination: null, caller_id_mode: null, caller_id_name: null,
        mark_answered_elsewhere: true, enabled: random.chance(0.95), options: [['maxlen', '0'], ['wrapuptime', String(random.int(0, 30))]],
        tenant_uuid: plan.tenant.uuid,
      },
    });
    for (const user of members) relationsOf(pbx, user.id).queueIds.push(id);
    build.own.queues.push(id);
  }
}

function addConferences(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  const count = clamp(users.length / 100, 1, 10);
  for (let index = 0; index < count; index++) {
    const id = pbx.conferences.length + 1;
    const extension = random.chance(0.9) ? addExtension(build, {kind: 'conference', id}) : undefined;
    pbx.conferences.push({
      id, tenantUuid: plan.tenant.uuid, extensionIds: extension ? [extension.id] : [],
      fields: {
        id, name: index === 0 && random.chance(0.5) ? null : label(random, `Room ${index + 1}`), preprocess_subroutine: null,
        pin: random.chance(0.5) ? String(random.int(1000, 9999)) : null, admin_pin: random.chance(0.3) ? String(random.int(1000, 9999)) : null,
        quiet_join_leave: false, announce_join_leave: random.chance(0.5), announce_user_count: random.chance(0.5), announce_only_user: true,
        music_on_hold: random.chance(0.5) ? 'default' : null, max_users: random.pick([0, 10, 50]), record: false, tenant_uuid: plan.tenant.uuid,
      },
    });
    build.own.conferences.push(id);
  }
}

function addParkingLots(build: TenantBuild): void {
  const {random, pbx, plan} = build;
  const count = plan.users.length > 100 ? 2 : 1;
  for (let index = 0; index < count; index++) {
    const id = pbx.parkinglots.length + 1;
    const base = 700 + index * 100;
    const extension = addExtension(build, {kind: 'parkinglot', id}, plan.internalContext, String(base));
    pbx.parkinglots.push({
      id, tenantUuid: plan.tenant.uuid, extensionIds: [extension.id],
      fields: {
        id, name: index === 0 ? label(random, 'Parking') : null, tenant_uuid: plan.tenant.uuid, slots_start: String(base + 1), slots_end: String(base + 50),
        timeout: random.chance(0.8) ? 45 : null, music_on_hold: random.chance(0.5) ? 'default' : null,
      },
    });
  }
}

function addPagings(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  const count = random.int(1, 3);
  for (let index = 0; index < count; index++) {
    const id = pbx.pagings.length + 1;
    pbx.pagings.push({
      id, tenantUuid: plan.tenant.uuid, callerIds: pickSome(random, users, 3).map((user) => user.id), memberIds: pickSome(random, users, 12).map((user) => user.id),
      fields: {
        id, tenant_uuid: plan.tenant.uuid, name: index === 1 ? null : label(random, `Overhead ${index + 1}`), number: String(index + 1),
        announce_caller: true, announce_sound: random.chance(0.5) ? null : 'beep', caller_notification: random.chance(0.5), duplex: false,
        record: false, ignore_forward: true, enabled: true,
      },
    });
  }
}

function addCallPickups(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  const count = random.int(2, 4);
  for (let index = 0; index < count; index++) {
    const id = pbx.callpickups.length + 1;
    pbx.callpickups.push({
      id, tenantUuid: plan.tenant.uuid, interceptorIds: pickSome(random, users, 5).map((user) => user.id), targetIds: pickSome(random, users, 8).map((user) => user.id),
      fields: {id, tenant_uuid: plan.tenant.uuid, name: label(random, `pickup-${random.pick(PLAIN_LABELS).toLowerCase().replace(/ /g, '-')}-${id}`), description: random.chance(0.5) ? null : 'Pick up a colleague’s call', enabled: random.chance(0.9)},
    });
  }
}

const PERMISSIONS = [
  {name: 'International', extensions: ['_011.', '_00.'], mode: 'deny'},
  {name: 'Premium numbers', extensions: ['_1900XXXXXXX', '_1976XXXXXXX'], mode: 'deny'},
  {name: 'Long distance', extensions: ['_1NXXNXXXXXX'], mode: 'allow'},
  {name: 'Nuit 🌙', extensions: [], mode: 'deny'},
];

/** After routing: a permission applies to users, groups and outcalls of the tenant. */
function addCallPermissions(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  for (const permission of PERMISSIONS.slice(0, random.int(2, PERMISSIONS.length))) {
    const id = pbx.callpermissions.length + 1;
    const members = pickSome(random, users, 10);
    const groupIds = pickSome(random, build.own.groups, 2);
    const outcallIds = pickSome(random, build.own.outcalls, 2);
    pbx.callpermissions.push({
      id, tenantUuid: plan.tenant.uuid, userIds: members.map((user) => user.id), groupIds, outcallIds,
      fields: {
        id, tenant_uuid: plan.tenant.uuid, name: `${permission.name} (${plan.tenant.slug})`,
        password: random.chance(0.5) ? null : String(random.int(1000, 9999)), mode: permission.mode,
        enabled: random.chance(0.9), description: random.chance(0.5) ? null : label(random, 'Blocks costly calls'),
        extensions: [...permission.extensions],
      },
    });
    for (const user of members) relationsOf(pbx, user.id).callPermissionIds.push(id);
    for (const groupId of groupIds) pbx.groups[groupId - 1]?.callPermissionIds.push(id);
    for (const outcallId of outcallIds) pbx.outcalls[outcallId - 1]?.callPermissionIds.push(id);
  }
}
