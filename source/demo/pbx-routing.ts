/**
 * How calls move through a demo tenant: schedules, switchboards, applications, trunks and the outcalls
 * that use them, IVRs, and one incall per incoming number with a destination of every kind; plus the
 * SIP templates endpoints include and a few devices no line uses.
 */
import {PLAIN_LABELS} from './names.js';
import {addExtension, DESTINATION_KINDS, destinationTo, label, pickSome, relationsOf, type DestinationKind, type TenantBuild} from './pbx-build.js';
import type {Destination, TrunkEndpoint} from './pbx-model.js';

/** Everything of this file for one tenant, in dependency order (destinations need their targets). */
export function addRouting(build: TenantBuild): void {
  addSchedules(build);
  addSwitchboards(build);
  addApplications(build);
  addTrunksAndOutcalls(build);
  addIvrs(build);
  addIncalls(build);
  addSipTemplates(build);
  addSpareDevices(build);
  assignSchedules(build);
}

const WEEK = {hours_start: '08:00', hours_end: '17:00', week_days: [1, 2, 3, 4, 5], month_days: range(1, 31), months: range(1, 12)};

function range(from: number, to: number): number[] {
  return Array.from({length: to - from + 1}, (_, index) => from + index);
}

function addSchedules(build: TenantBuild): void {
  const {random, pbx, plan} = build;
  const names = ['Office hours', 'Heures d’ouverture', null];
  for (const name of names.slice(0, random.int(2, 3))) {
    const id = pbx.schedules.length + 1;
    pbx.schedules.push({
      id, tenantUuid: plan.tenant.uuid,
      fields: {
        id, tenant_uuid: plan.tenant.uuid, name: name === null ? null : label(random, name), timezone: random.chance(0.7) ? 'America/Montreal' : null,
        closed_destination: destinationTo(build, random.pick(['voicemail', 'sound', 'hangup'] as const)),
        open_periods: name === null ? [] : [WEEK],
        exceptional_periods: random.chance(0.5) ? [] : [{hours_start: '00:00', hours_end: '23:59', week_days: range(1, 7), month_days: [25], months: [12], destination: destinationTo(build, 'sound')}],
        enabled: true,
      },
    });
    build.own.schedules.push(id);
  }
}

function addSwitchboards(build: TenantBuild): void {
  const {random, pbx, plan, users} = build;
  for (let index = 0; index < random.int(1, 2); index++) {
    const uuid = random.uuid();
    const members = pickSome(random, users, 4);
    pbx.switchboards.push({
      uuid, tenantUuid: plan.tenant.uuid, memberUserIds: members.map((user) => user.id),
      fallbacks: {noanswer_destination: random.chance(0.5) ? null : destinationTo(build, 'voicemail')},
      fields: {
        uuid, tenant_uuid: plan.tenant.uuid, name: label(random, `Switchboard ${plan.tenant.name} ${index + 1}`), timeout: random.chance(0.5) ? null : 30,
        queue_music_on_hold: random.chance(0.5) ? 'default' : null, waiting_room_music_on_hold: null,
      },
    });
    for (const user of members) relationsOf(pbx, user.id).switchboardUuids.push(uuid);
    build.own.switchboards.push(uuid);
  }
}

function addApplications(build: TenantBuild): void {
  const {random, pbx, plan} = build;
  const uuid = random.uuid();
  pbx.applications.push({
    uuid, tenantUuid: plan.tenant.uuid,
    fields: {uuid, tenant_uuid: plan.tenant.uuid, name: label(random, 'Holding room'), destination: 'node', destination_options: {type: 'holding', music_on_hold: 'default', answer: true}},
  });
  // A bare application: no name, no destination, as the API allows.
  const bare = random.uuid();
  if (random.chance(0.6)) pbx.applications.push({uuid: bare, tenantUuid: plan.tenant.uuid, fields: {uuid: bare, tenant_uuid: plan.tenant.uuid, name: null, destination: null, destination_options: {}}});
  build.own.applications.push(uuid);
}

const OUTCALL_PLANS = [
  {name: 'local', patterns: [{exten: '_9NXXXXXX', prefix: null, external_prefix: '9', strip_digits: 1}]},
  {name: 'international', patterns: [{exten: '_9011.', prefix: null, external_prefix: '9', strip_digits: 1}, {exten: '_900.', prefix: '011', external_prefix: null, strip_digits: 3}]},
  {name: 'urgences', patterns: [{exten: '911', prefix: null, external_prefix: null, strip_digits: 0}]},
];

function addTrunksAndOutcalls(build: TenantBuild): void {
  const {random, pbx, plan} = build;
  const trunkIds: number[] = [];
  const count = random.int(2, 3);
  for (let index = 0; index < count; index++) {
    const id = pbx.trunks.length + 1;
    const name = `trunk-${random.hex(8)}`;
    // The first trunk is SIP, the second custom (a DAHDI group); a third may have no endpoint yet.
    const endpoint: TrunkEndpoint | null =
      index === 0 ? {kind: 'sip', uuid: random.uuid(), name, label: label(random, `Provider ${plan.tenant.name}`)}
        : index === 1 ? {kind: 'custom', id: 1000 + id, interface: `dahdi/g${index}`}
          : random.chance(0.5) ? {kind: 'iax', id: 1000 + id, name: `iax-${random.hex(4)}`} : null;
    pbx.trunks.push({
      id, tenantUuid: plan.tenant.uuid, endpoint, outcallIds: [],
      fields: {id, tenant_uuid: plan.tenant.uuid, context: endpoint === null ? null : plan.incallContext, twilio_incoming: false, outgoing_caller_id_format: random.pick(['+E164', 'E164', 'national'])},
    });
    trunkIds.push(id);
  }
  for (const outcallPlan of OUTCALL_PLANS.slice(0, random.int(2, 3))) {
    const id = pbx.outcalls.length + 1;
    const trunks = outcallPlan.name === 'urgences' ? trunkIds.slice(0, 1) : pickSome(random, trunkIds, trunkIds.length);
    pbx.outcalls.push({
      id, tenantUuid: plan.tenant.uuid, trunkIds: trunks, scheduleIds: [], callPermissionIds: [],
      extensions: outcallPlan.patterns.map((pattern) => ({
        extensionId: addExtension(build, {kind: 'outcall', id}, build.outcallContext, pattern.exten).id,
        caller_id: random.chance(0.7) ? null : '"Acme" <15145550000>', external_prefix: pattern.external_prefix, prefix: pattern.prefix, strip_digits: pattern.strip_digits,
      })),
      fields: {
        id, name: `${outcallPlan.name}-${plan.tenant.slug}`, description: random.chance(0.5) ? null : label(random, 'Calls out through the provider'),
        enabled: true, internal_caller_id: random.chance(0.3), preprocess_subroutine: null, ring_time: random.chance(0.5) ? null : 60, tenant_uuid: plan.tenant.uuid,
      },
    });
    for (const trunkId of trunks) pbx.trunks[trunkId - 1]?.outcallIds.push(id);
    build.own.outcalls.push(id);
  }
}

function addIvrs(build: TenantBuild): void {
  const {random, pbx, plan} = build;
  for (let index = 0; index < random.int(1, 3); index++) {
    const id = pbx.ivr.length + 1;
    const choices = (['group', 'queue', 'user', 'voicemail'] as const).slice(0, random.int(0, 4)).map((kind, choice) => ({exten: String(choice + 1), destination: destinationTo(build, kind)}));
    pbx.ivr.push({
      id, tenantUuid: plan.tenant.uuid,
      fields: {
        id, tenant_uuid: plan.tenant.uuid, name: label(random, `${random.pick(PLAIN_LABELS)} menu`), description: random.chance(0.5) ? null : 'Press 1, 2 or 3',
        greeting_sound: random.chance(0.5) ? null : 'welcome', menu_sound: 'main-menu', invalid_sound: null, abort_sound: null, timeout: 5, max_tries: 3,
        invalid_destination: random.chance(0.5) ? null : destinationTo(build, 'hangup'), timeout_destination: random.chance(0.5) ? null : destinationTo(build, 'user'),
        abort_destination: null, choices,
      },
    });
    build.own.ivr.push(id);
  }
}

/** One incall per incoming number: the first ones take every destination kind in turn. */
function addIncalls(build: TenantBuild): void {
  const {random, pbx, plan, input} = build;
  const numbers = input.extensions.filter((extension) => extension.type === 'incall' && extension.tenantUuid === plan.tenant.uuid && !extension.owner);
  const weighted: DestinationKind[] = ['user', 'user', 'user', 'user', 'user', 'group', 'group', 'queue', 'ivr', 'voicemail'];
  numbers.forEach((extension, index) => {
    const id = pbx.incalls.length + 1;
    const destination: Destination = destinationTo(build, DESTINATION_KINDS[index] ?? random.pick(weighted));
    extension.owner = {kind: 'incall', id};
    pbx.incalls.push({
      id, tenantUuid: plan.tenant.uuid, extensionIds: [extension.id], scheduleIds: [],
      fields: {
        id, tenant_uuid: plan.tenant.uuid, preprocess_subroutine: null, description: random.chance(0.7) ? null : label(random, 'Main number'),
        caller_id_mode: random.chance(0.8) ? null : 'prepend', caller_id_name: random.chance(0.8) ? null : 'VIP ', destination,
        greeting_sound: random.chance(0.8) ? null : 'welcome',
      },
    });
    const userId = destination.type === 'user' ? destination.user_id : null;
    if (typeof userId === 'number') relationsOf(pbx, userId).incallIds.push(id);
  });
}

function addSipTemplates(build: TenantBuild): void {
  const {random, pbx, plan} = build;
  const templates: Array<[string, Array<[string, string]>]> = [
    ['global', [['allow', '!all,ulaw,alaw,g722'], ['dtmf_mode', 'rfc4733']]],
    ['webrtc', [['webrtc', 'yes'], ['max_audio_streams', '25']]],
    ['registration_trunk', []],
  ];
  for (const [name, endpointOptions] of templates) {
    pbx.sipTemplates.push({uuid: random.uuid(), tenantUuid: plan.tenant.uuid, name: `${plan.tenant.slug}-${name}`, label: name, endpointOptions});
  }
}

function addSpareDevices(build: TenantBuild): void {
  const {random, pbx, plan} = build;
  pbx.spareDevices.push(
    {id: random.hex(32), tenantUuid: plan.tenant.uuid, status: 'autoprov', description: null},
    {id: random.hex(32), tenantUuid: plan.tenant.uuid, status: 'not_configured', description: label(random, 'Spare phone, shelf 2')},
  );
  if (random.chance(0.5)) pbx.spareDevices.push({id: random.hex(32), tenantUuid: plan.tenant.uuid, status: 'corrupted', description: 'Needs a factory reset'});
}

/** Office hours for some groups, queues, incalls, outcalls and users. */
function assignSchedules(build: TenantBuild): void {
  const {random, pbx, plan, own} = build;
  if (own.schedules.length === 0) return;
  const schedule = () => random.pick(own.schedules);
  for (const id of own.groups) if (random.chance(0.2)) pbx.groups[id - 1]?.scheduleIds.push(schedule());
  for (const id of own.queues) if (random.chance(0.3)) pbx.queues[id - 1]?.scheduleIds.push(schedule());
  for (const id of own.outcalls) if (random.chance(0.3)) pbx.outcalls[id - 1]?.scheduleIds.push(schedule());
  for (const incall of pbx.incalls) if (incall.tenantUuid === plan.tenant.uuid && random.chance(0.3)) incall.scheduleIds.push(schedule());
  for (const user of pickSome(random, build.users, 5)) relationsOf(pbx, user.id).scheduleIds.push(schedule());
}
