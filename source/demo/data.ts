/**
 * Deterministic demo data: users, lines and extensions spread over the demo tenants, with accents,
 * non-Latin scripts, long and empty values, shared lines and line-less users.
 */
import {createRandom, type Random} from './random.js';
import {DEMO_TENANT_UUIDS, demoTenants} from './tenants.js';
import {DESCRIPTIONS, FIRST_NAMES, LANGUAGES, LAST_NAMES, LONG_FIRST_NAMES, LONG_LAST_NAMES, TIMEZONES} from './names.js';
import {fold} from './text.js';
import {generatePbx} from './pbx-data.js';
import type {DemoData, ExtensionRecord, LineProtocol, LineRecord, TenantRecord, UserRecord} from './model.js';

export interface DataOptions {
  users: number;
  lines: number;
  seed: number;
}

/** One tenant while it is generated: its contexts, its users and the next free internal number. */
export interface TenantPlan {
  tenant: TenantRecord;
  internalContext: string;
  incallContext: string;
  users: UserRecord[];
  nextExten: number;
}

const CREATED_FROM = Date.UTC(2019, 0, 1);
const CREATED_SPAN_MS = 6 * 365 * 24 * 60 * 60 * 1000;

/** Build the whole data set; the same options always give the same data. */
export function generateDemoData(options: DataOptions): DemoData {
  const random = createRandom(options.seed);
  const xivoUuid = random.uuid();
  const tenants = demoTenants();
  const plans = new Map<string, TenantPlan>(
    tenants.map((tenant) => [
      tenant.uuid,
      {
        tenant,
        internalContext: `ctx-${tenant.slug.replace(/_/g, '-')}-internal-${random.hex(8)}`,
        incallContext: `ctx-${tenant.slug.replace(/_/g, '-')}-incall-${random.hex(8)}`,
        users: [],
        nextExten: 1001,
      },
    ]),
  );
  const planOf = (uuid: string): TenantPlan => {
    const plan = plans.get(uuid);
    if (!plan) throw new Error(`no plan for tenant ${uuid}`);
    return plan;
  };

  const users: UserRecord[] = [];
  for (let index = 0; index < options.users; index++) {
    const user = makeUser(random, index, tenants);
    users.push(user);
    planOf(user.tenantUuid).users.push(user);
  }

  const lines: LineRecord[] = [];
  const extensions: ExtensionRecord[] = [];
  const counts = splitLines(options.lines, options.users, [...plans.values()]);
  for (const plan of plans.values()) {
    const tenantLines = makeLines(random, plan, counts.get(plan.tenant.uuid) ?? 0, lines.length);
    for (const line of tenantLines) lines.push(line);
    assignLines(random, plan.users, tenantLines);
    for (const line of tenantLines) addExtensions(random, plan, line, extensions);
    addIncalls(random, plan, Math.floor(tenantLines.length / 10), extensions);
  }
  const usersById = new Map(users.map((user) => [user.id, user]));
  for (const line of lines) fillCallerId(line, usersById, extensions);
  const linesById = new Map(lines.map((line) => [line.id, line]));
  // Its own generator, so the users, lines and extensions above stay what they were for a seed.
  const pbx = generatePbx(createRandom(options.seed ^ PBX_SEED_MASK), [...plans.values()], {linesById, extensions});

  return {
    xivoUuid,
    tenants,
    users,
    lines,
    extensions,
    usersById,
    usersByUuid: new Map(users.map((user) => [user.uuid, user])),
    linesById,
    extensionsById: new Map(extensions.map((extension) => [extension.id, extension])),
    pbx,
  };
}

const PBX_SEED_MASK = 0x5eed_c0de;

function pickTenant(random: Random, index: number): string {
  // The first user is always an "Émilie" in Acme and the second the hostile one in Acme Lab.
  if (index === 0) return DEMO_TENANT_UUIDS.acme;
  if (index === 1) return DEMO_TENANT_UUIDS.acmeLab;
  const roll = random.next();
  if (roll < 0.8) return DEMO_TENANT_UUIDS.acme;
  if (roll < 0.92) return DEMO_TENANT_UUIDS.acmeLab;
  return DEMO_TENANT_UUIDS.globex;
}

function makeUser(random: Random, index: number, tenants: TenantRecord[]): UserRecord {
  const id = index + 1;
  const uuid = random.uuid();
  const tenantUuid = pickTenant(random, index);
  const tenantSlug = tenants.find((tenant) => tenant.uuid === tenantUuid)?.slug ?? 'demo';
  let firstname = random.chance(0.02) ? random.pick(LONG_FIRST_NAMES) : random.pick(FIRST_NAMES);
  const lastRoll = random.next();
  let lastname: string = lastRoll < 0.04 ? '' : lastRoll < 0.06 ? random.pick(LONG_LAST_NAMES) : random.pick(LAST_NAMES);
  if (index === 0) {
    firstname = 'Émilie';
    lastname = 'Tremblay';
  }
  const user: UserRecord = {
    id,
    uuid,
    tenantUuid,
    firstname,
    lastname,
    email: null,
    timezone: random.chance(0.7) ? random.pick(TIMEZONES) : null,
    language: random.chance(0.8) ? random.pick(LANGUAGES) : null,
    description: random.chance(0.25) ? random.pick(DESCRIPTIONS) : null,
    callerId: `"${`${firstname} ${lastname}`.trim()}"`,
    outgoingCallerId: random.chance(0.9) ? 'default' : 'anonymous',
    mobilePhoneNumber: random.chance(0.5) ? `+1514555${String(random.int(0, 9999)).padStart(4, '0')}` : null,
    username: null,
    password: random.hex(12),
    musicOnHold: random.chance(0.7) ? 'default' : null,
    preprocessSubroutine: null,
    userfield: random.chance(0.1) ? `cost-center-${random.int(100, 999)}` : null,
    callTransferEnabled: random.chance(0.5),
    dtmfHangupEnabled: random.chance(0.3),
    callRecordEnabled: false,
    onlineCallRecordEnabled: random.chance(0.2),
    supervisionEnabled: random.chance(0.9),
    ringSeconds: random.pick([20, 30, 30, 30, 45, 60]),
    simultaneousCalls: random.pick([1, 5, 5, 5, 10]),
    subscriptionType: random.pick([0, 0, 0, 1, 1, 2, 10]),
    createdAt: naiveIso(new Date(CREATED_FROM + Math.floor(random.next() * CREATED_SPAN_MS)), random.int(0, 999)),
    enabled: random.chance(0.95),
    lineIds: [],
  };
  const first = slug(firstname);
  const last = slug(lastname);
  const local = first && last ? `${first}.${last}` : first || last || 'user';
  if (random.chance(0.8)) user.email = `${local}${id}@${tenantSlug.replace(/_/g, '-')}.example.com`;
  if (random.chance(0.9)) user.username = `${local}${id}`;
  if (index === 1) makeHostile(user);
  return user;
}

/**
 * Deliberately hostile values (terminal escapes, control characters, bidi overrides) so the UI's
 * sanitiser is exercised against real server data. This user lives in Acme Lab, off the first page.
 */
function makeHostile(user: UserRecord): void {
  user.firstname = 'Evil\u001b[31mRed';
  user.lastname = '\u202Egnp.exe';
  user.email = null;
  user.username = 'evil\u001b]0;pwned\u0007';
  user.description = 'Line one\nLine two\tTabbed\u0007Bell\u009b2J\u200f';
  user.callerId = '"Evil\u001b[31mRed \u202Egnp.exe" <\u001b[2J>';
}

function slug(value: string): string {
  return fold(value).replace(/[^a-z0-9]+/g, '');
}

/** `%Y-%m-%dT%H:%M:%S.%f` in UTC without offset, as Python's naive isoformat prints it. */
function naiveIso(date: Date, extraMicros: number): string {
  const micros = String(date.getUTCMilliseconds() * 1000 + extraMicros).padStart(6, '0');
  return `${date.toISOString().slice(0, 19)}.${micros}`;
}

/** Lines per tenant, proportional to its users; Acme takes the remainder. */
function splitLines(total: number, userCount: number, plans: TenantPlan[]): Map<string, number> {
  const counts = new Map<string, number>();
  let given = 0;
  for (const plan of plans) {
    if (plan.tenant.uuid === DEMO_TENANT_UUIDS.acme) continue;
    const count = userCount === 0 ? 0 : Math.floor((total * plan.users.length) / userCount);
    counts.set(plan.tenant.uuid, count);
    given += count;
  }
  counts.set(DEMO_TENANT_UUIDS.acme, total - given);
  return counts;
}

function makeLines(random: Random, plan: TenantPlan, count: number, firstIndex: number): LineRecord[] {
  const lines: LineRecord[] = [];
  for (let index = 0; index < count; index++) {
    const id = firstIndex + index + 1;
    const roll = random.next();
    // One line in the whole data set has no endpoint at all (protocol and name null).
    const protocol: LineProtocol | null = id === 7 ? null : roll < 0.85 ? 'sip' : roll < 0.95 ? 'sccp' : 'custom';
    const code = String(random.int(100000, 999999));
    lines.push({
      id,
      tenantUuid: plan.tenant.uuid,
      name: protocol === 'sip' ? random.hex(8) : protocol === 'custom' ? `dahdi/i1/${random.int(1, 99)}` : null,
      protocol,
      context: plan.internalContext,
      provisioningCode: code,
      position: 1,
      deviceId: random.chance(0.3) ? random.hex(32) : null,
      callerIdName: null,
      callerIdNum: null,
      registrar: 'default',
      isWebrtc: protocol === 'sip' && random.chance(0.2),
      endpointUuid: protocol === 'sip' ? random.uuid() : null,
      endpointId: protocol === 'sccp' || protocol === 'custom' ? id : null,
      extensionIds: [],
      userIds: [],
    });
  }
  return lines;
}

const MAX_USERS_PER_LINE = 4;

/** Users get 0, 1 or several lines; most lines have one user, some several, leftovers none. */
function assignLines(random: Random, users: UserRecord[], lines: LineRecord[]): void {
  let cursor = 0;
  for (const user of users) {
    const roll = random.next();
    const wanted = roll < 0.12 ? 0 : roll < 0.85 ? 1 : roll < 0.95 ? 2 : 3;
    for (let count = 0; count < wanted; count++) {
      let line: LineRecord | undefined;
      if (cursor < lines.length && (cursor === 0 || random.chance(0.93))) line = lines[cursor++];
      else if (cursor > 0) {
        // A shared line has a few users, as on a real PBX: once the lines run out, users go without.
        const shared = lines[random.int(0, cursor - 1)];
        line = shared && shared.userIds.length < MAX_USERS_PER_LINE ? shared : undefined;
      }
      if (!line || user.lineIds.includes(line.id)) continue;
      user.lineIds.push(line.id);
      line.userIds.push(user.id);
    }
  }
}

function addExtensions(random: Random, plan: TenantPlan, line: LineRecord, extensions: ExtensionRecord[]): void {
  const roll = random.next();
  const count = roll < 0.08 ? 0 : roll < 0.92 ? 1 : 2;
  for (let index = 0; index < count; index++) {
    const extension: ExtensionRecord = {
      id: extensions.length + 1,
      tenantUuid: plan.tenant.uuid,
      exten: String(plan.nextExten++),
      context: plan.internalContext,
      type: 'internal',
      enabled: true,
      lineIds: [line.id],
    };
    extensions.push(extension);
    line.extensionIds.push(extension.id);
  }
  // An sccp line is named after its number.
  if (line.protocol === 'sccp') {
    const main = line.extensionIds[0];
    line.name = main === undefined ? String(line.id) : (extensions[main - 1]?.exten ?? String(line.id));
  }
}

function addIncalls(random: Random, plan: TenantPlan, count: number, extensions: ExtensionRecord[]): void {
  for (let index = 0; index < count; index++) {
    extensions.push({
      id: extensions.length + 1,
      tenantUuid: plan.tenant.uuid,
      exten: `1514555${String(random.int(0, 9999)).padStart(4, '0')}`,
      context: plan.incallContext,
      type: 'incall',
      enabled: random.chance(0.9),
      lineIds: [],
    });
  }
}

/** A line shows its first user's name and its main extension, as confd fills them on association. */
function fillCallerId(line: LineRecord, usersById: Map<number, UserRecord>, extensions: ExtensionRecord[]): void {
  const user = line.userIds[0] === undefined ? undefined : usersById.get(line.userIds[0]);
  if (user) line.callerIdName = `${user.firstname} ${user.lastname ?? ''}`.trim();
  const main = line.extensionIds[0];
  if (main !== undefined) line.callerIdNum = extensions[main - 1]?.exten ?? null;
}
