/**
 * The demo's other confd collections behave like confd over real HTTPS: relations hold both ways
 * (what a client follows from one record finds the other), list semantics follow xivo-dao's search
 * configs (default orders, order columns, search, tenants), devices follow provd, and every route
 * asks for its own ACL.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, DEMO_TENANT_UUIDS, type DemoServer} from '../../source/demo/server.js';
import {confdGet, login} from '../helpers/demo.js';

type Item = Record<string, unknown>;
type Page = {total: number; items: Item[]};
const idOf = (href: unknown): string => String((href as Array<{href: string}>)[0]?.href.split('/').pop());

describe('wazo-confd collections of the demo', () => {
  let server: DemoServer;
  let admin: string;
  const get = async (path: string, token = admin, headers: Record<string, string> = {}): Promise<Item> => {
    const response = await confdGet(server, token, path, headers);
    assert.equal(response.status, 200, `${path}: ${response.text}`);
    return response.json as Item;
  };
  const list = async (path: string, token = admin, headers: Record<string, string> = {}) => (await get(path, token, headers)) as unknown as Page;

  before(async () => {
    server = await startDemoServer({
      users: 400,
      lines: 480,
      accounts: [
        {username: 'globex', password: 'pw', acl: ['confd.#', 'auth.tenants.read'], tenantUuid: DEMO_TENANT_UUIDS.globex},
        {username: 'grouplister', password: 'pw', acl: ['confd.groups.read']},
      ],
    });
    admin = await login(server);
  });
  after(() => server.close());

  test('a group member is a user whose groups list the group, and a group opens by uuid or id', async () => {
    const groups = await list('/groups?recurse=true');
    const group = groups.items.find((candidate) => ((candidate.members as {users: Item[]}).users.length > 0)) ?? assert.fail('a group with members');
    for (const member of (group.members as {users: Item[]}).users) {
      const user = await get(`/users/${idOf(member.links)}`);
      assert.ok((user.groups as Item[]).some((entry) => entry.uuid === group.uuid && entry.id === group.id), `user ${String(user.id)} in ${String(group.label)}`);
    }
    assert.deepEqual(await get(`/groups/${String(group.id)}`), await get(`/groups/${String(group.uuid)}`));
  });

  test('user → voicemail, agent, queues and call permissions, and back', async () => {
    const users = (await list('/users?recurse=true')).items;
    const withAll = (key: string) => users.filter((user) => (Array.isArray(user[key]) ? (user[key] as unknown[]).length > 0 : user[key] !== null));
    const voicemailUser = withAll('voicemail')[0] ?? assert.fail('a user with a voicemail');
    const voicemail = await get(`/voicemails/${String((voicemailUser.voicemail as Item).id)}`);
    assert.ok((voicemail.users as Item[]).some((entry) => entry.uuid === voicemailUser.uuid));
    assert.deepEqual((voicemailUser.fallbacks as Item).noanswer_destination, {
      type: 'voicemail', voicemail_id: voicemail.id, skip_instructions: false, greeting: null, voicemail_name: voicemail.name,
    });
    const agentUser = withAll('agent')[0] ?? assert.fail('a user with an agent');
    const agent = await get(`/agents/${String((agentUser.agent as Item).id)}`);
    assert.deepEqual((agent.users as Item[]).map((entry) => entry.uuid), [agentUser.uuid]);
    const queueUser = withAll('queues')[0] ?? assert.fail('a user in a queue');
    const queue = await get(`/queues/${String((queueUser.queues as Item[])[0]?.id)}`);
    assert.ok((queue.members as {users: Item[]}).users.some((entry) => entry.uuid === queueUser.uuid));
    const permissionUser = withAll('call_permissions')[0] ?? assert.fail('a user with a call permission');
    const permission = await get(`/callpermissions/${String((permissionUser.call_permissions as Item[])[0]?.id)}`);
    assert.ok((permission.users as Item[]).some((entry) => entry.uuid === permissionUser.uuid));
  });

  test('view=directory carries the main line, agent, voicemail number and extension of each user', async () => {
    const full = (await list('/users?recurse=true')).items;
    const directory = new Map((await list('/users?recurse=true&view=directory')).items.map((user) => [user.id, user]));
    assert.equal(directory.size, full.length);
    let withAgent = 0;
    for (const user of full) {
      const entry = directory.get(user.id) as Item;
      const line = (user.lines as Item[])[0];
      const extension = (line?.extensions as Item[] | undefined)?.[0];
      const agent = user.agent as Item | null;
      const voicemail = user.voicemail as Item | null;
      withAgent += agent ? 1 : 0;
      assert.deepEqual(
        [entry.uuid, entry.line_id, entry.agent_id, entry.exten, entry.context, entry.mobile_phone_number],
        [user.uuid, line?.id ?? null, agent ? String(agent.id) : null, extension?.exten ?? null, extension?.context ?? null, user.mobile_phone_number],
      );
      if (voicemail) assert.equal(entry.voicemail_number, (await get(`/voicemails/${String(voicemail.id)}`)).number);
      else assert.equal(entry.voicemail_number, null);
    }
    assert.ok(withAgent > 0);
  });

  test('queue agents list the queue; trunks and outcalls point at each other', async () => {
    const queues = (await list('/queues?recurse=true')).items;
    const queue = queues.find((candidate) => (candidate.members as {agents: Item[]}).agents.length > 0) ?? assert.fail('a queue with agents');
    const member = (queue.members as {agents: Item[]}).agents[0] as Item;
    const agent = await get(`/agents/${String(member.id)}`);
    assert.ok((agent.queues as Item[]).some((entry) => entry.id === queue.id && entry.penalty === member.penalty));
    const outcalls = (await list('/outcalls?recurse=true')).items;
    assert.ok(outcalls.length > 0);
    for (const outcall of outcalls) {
      for (const trunkRef of outcall.trunks as Item[]) {
        const trunk = await get(`/trunks/${String(trunkRef.id)}`);
        assert.ok((trunk.outcalls as Item[]).some((entry) => entry.id === outcall.id), `trunk ${String(trunk.id)} ↔ outcall ${String(outcall.id)}`);
      }
      for (const extension of outcall.extensions as Item[]) assert.equal(((await get(`/extensions/${String(extension.id)}`)).outcall as Item).id, outcall.id);
    }
  });

  test('incalls reach destinations of every kind, each of which exists', async () => {
    const incalls = (await list('/incalls')).items;
    const kinds = new Set(incalls.map((incall) => (incall.destination as Item).type));
    for (const kind of ['user', 'group', 'queue', 'ivr', 'voicemail', 'conference', 'switchboard', 'application', 'outcall', 'extension', 'hangup', 'sound', 'custom', 'none']) {
      assert.ok(kinds.has(kind), `an incall to a ${kind}`);
    }
    const paths: Record<string, [string, string]> = {
      user: ['users', 'user_id'], group: ['groups', 'group_id'], queue: ['queues', 'queue_id'], ivr: ['ivr', 'ivr_id'], voicemail: ['voicemails', 'voicemail_id'],
      conference: ['conferences', 'conference_id'], switchboard: ['switchboards', 'switchboard_uuid'], application: ['applications', 'application_uuid'], outcall: ['outcalls', 'outcall_id'],
    };
    // confd flattens the target's name into the destination, as its destination schemas dump it.
    const names: Record<string, (target: Item) => Item> = {
      user: (user) => ({user_firstname: user.firstname, user_lastname: user.lastname}), group: (group) => ({group_name: group.name, group_label: group.label}),
      queue: (queue) => ({queue_label: queue.label}), ivr: (ivr) => ({ivr_name: ivr.name}), voicemail: (voicemail) => ({voicemail_name: voicemail.name}),
      conference: (conference) => ({conference_name: conference.name}), switchboard: (board) => ({switchboard_name: board.name}),
      application: (application) => ({application_name: application.name}), outcall: () => ({}),
    };
    for (const incall of incalls.slice(0, 40)) {
      const destination = incall.destination as Item;
      const target = paths[String(destination.type)];
      if (target) {
        const record = await get(`/${target[0]}/${String(destination[target[1]])}`);
        const expected = names[String(destination.type)]?.(record) ?? {};
        for (const [key, value] of Object.entries(expected)) assert.equal(destination[key], value, `${key} of incall ${String(incall.id)}`);
      }
      const extension = await get(`/extensions/${String((incall.extensions as Item[])[0]?.id)}`);
      assert.equal((extension.incall as Item).id, incall.id);
    }
    const userIncall = incalls.find((incall) => (incall.destination as Item).type === 'user') as Item;
    const userId = (userIncall.destination as Item).user_id;
    const filtered = await list(`/incalls?user_id=${String(userId)}`);
    assert.ok(filtered.items.length > 0 && filtered.items.every((incall) => (incall.destination as Item).user_id === userId));
    assert.ok(((await get(`/users/${String(userId)}`)).incalls as Item[]).some((entry) => entry.id === userIncall.id));
  });

  test('a line leads to its device and its SIP endpoint, which leads back to the line', async () => {
    const lines = (await list('/lines?recurse=true')).items;
    const line = lines.find((candidate) => candidate.device_id !== null && candidate.endpoint_sip !== null) ?? assert.fail('a SIP line on a device');
    const device = await get(`/devices/${String(line.device_id)}`, admin, {'wazo-tenant': String(line.tenant_uuid)});
    assert.equal(device.id, line.device_id);
    assert.match(String(device.mac), /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    const endpoint = await get(`/endpoints/sip/${String((line.endpoint_sip as Item).uuid)}`);
    assert.equal((endpoint.line as Item).id, line.id);
    const templates = endpoint.templates as Item[];
    assert.ok(templates.length > 0);
    await get(`/endpoints/sip/templates/${String(templates[0]?.uuid)}`);
    const missing = await confdGet(server, admin, `/endpoints/sip/${String(templates[0]?.uuid)}`);
    assert.equal(missing.status, 404, 'a template is not an endpoint');
  });

  test('a context holds extensions, and includes the outgoing context', async () => {
    const contexts = (await list('/contexts')).items;
    const internal = contexts.find((context) => context.type === 'internal') ?? assert.fail('an internal context');
    const extensions = await list(`/extensions?context=${String(internal.name)}&limit=5`);
    assert.ok(extensions.total > 0);
    const included = (internal.contexts as Item[])[0] ?? assert.fail('an included context');
    assert.equal((await get(`/contexts/${String(included.id)}`)).type, 'outcall');
    const groups = (await list('/groups')).items.filter((group) => (group.extensions as Item[]).length > 0);
    const exten = (groups[0]?.extensions as Item[])[0] as Item;
    assert.equal(((await get(`/extensions/${String(exten.id)}`)).group as Item).uuid, groups[0]?.uuid);
  });

  test('default orders and order columns follow xivo-dao', async () => {
    const labels = (await list('/groups')).items.map((group) => String(group.label).toLowerCase());
    assert.ok(labels.length > 3);
    const numbers = (await list('/voicemails')).items.map((voicemail) => String(voicemail.number));
    assert.deepEqual(numbers, [...numbers].sort());
    const extens = (await list('/incalls')).items.map((incall) => ((incall.extensions as Item[])[0] as Item).exten as string);
    assert.deepEqual(extens, [...extens].sort());
    const ids = (await list('/queues?direction=desc')).items.map((queue) => queue.id as number);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const ivrOrder = await confdGet(server, admin, '/ivr?order=exten');
    assert.equal(ivrOrder.status, 400, 'IVRs search on exten but do not sort on it');
    assert.deepEqual(ivrOrder.json, ["Input Error - order: column 'exten' was not found"]);
    assert.equal((await confdGet(server, admin, '/groups?limit=0')).status, 400);
  });

  test('search is accent- and case-insensitive, paging keeps the total, tenants stay apart', async () => {
    const all = await list('/groups?recurse=true');
    const page = await list('/groups?recurse=true&limit=3&offset=2');
    assert.equal(page.total, all.total);
    assert.deepEqual(page.items.map((group) => group.id), all.items.slice(2, 5).map((group) => group.id));
    const found = await list('/voicemails?search=HELENE&recurse=true');
    assert.ok(found.items.every((voicemail) => /h[eé]l[eè]ne/i.test(`${String(voicemail.name)} ${String(voicemail.email)}`)), JSON.stringify(found.items.map((v) => v.name)));
    const globex = await login(server, {username: 'globex', password: 'pw'});
    const theirs = await list('/groups', globex);
    assert.ok(theirs.total > 0 && theirs.items.every((group) => group.tenant_uuid === DEMO_TENANT_UUIDS.globex));
    const acmeGroup = all.items.find((group) => group.tenant_uuid === DEMO_TENANT_UUIDS.acme) as Item;
    assert.equal((await confdGet(server, globex, `/groups/${String(acmeGroup.uuid)}`)).status, 404);
    assert.ok((await list('/groups')).items.every((group) => group.tenant_uuid === DEMO_TENANT_UUIDS.acme));
  });

  test('devices are provd: default order ip, limit=0 means all, lower-cased search, scoping tenant only for items', async () => {
    const devices = await list('/devices?recurse=true');
    const ips = devices.items.map((device) => device.ip).filter((ip): ip is string => typeof ip === 'string');
    assert.deepEqual(ips, [...ips].sort());
    const descending = (await list('/devices?recurse=true&direction=desc')).items.map((device) => device.ip);
    const firstNull = descending.indexOf(null);
    assert.ok(firstNull > 0 && descending.slice(firstNull).every((ip) => ip === null), 'devices without an address stay last');
    assert.deepEqual(descending.slice(0, firstNull), [...ips].reverse());
    assert.equal((await list('/devices?recurse=true&limit=0')).total, devices.total);
    const yealink = await list('/devices?recurse=true&search=YEALINK');
    assert.ok(yealink.total > 0 && yealink.items.every((device) => device.vendor === 'Yealink'));
    const labDevice = devices.items.find((device) => device.tenant_uuid === DEMO_TENANT_UUIDS.acmeLab) ?? assert.fail('a device in Acme Lab');
    assert.equal((await confdGet(server, admin, `/devices/${String(labDevice.id)}`)).status, 404, 'not in the token tenant');
    await get(`/devices/${String(labDevice.id)}`, admin, {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab});
    const bad = await confdGet(server, admin, '/devices?order=colour');
    assert.deepEqual([bad.status, bad.json], [400, ["Input Error - order: column 'colour' was not found"]]);
  });

  test('each route asks for its own ACL, and 404s name the resource', async () => {
    const reader = await login(server, {username: 'reader', password: 'reader'});
    const denied = await confdGet(server, reader, '/groups');
    assert.equal(denied.status, 401);
    assert.deepEqual(denied.json, [`('${reader}', 'confd.groups.read', None)`]);
    const lister = await login(server, {username: 'grouplister', password: 'pw'});
    const groups = await list('/groups', lister);
    const uuid = String(groups.items[0]?.uuid);
    const item = await confdGet(server, lister, `/groups/${uuid}`);
    assert.equal(item.status, 401);
    assert.deepEqual(item.json, [`('${lister}', 'confd.groups.${uuid}.read', None)`]);
    assert.equal((await confdGet(server, lister, '/endpoints/sip')).status, 401);
    const missing = await confdGet(server, admin, '/queues/99999');
    assert.deepEqual(missing.json, ["Resource Not Found - Queue was not found ('id': 99999)"]);
    const noGroup = await confdGet(server, admin, '/groups/00000000-0000-4000-8000-000000000000');
    assert.deepEqual(noGroup.json, ["Resource Not Found - Group was not found ('uuid': '00000000-0000-4000-8000-000000000000')"]);
  });

  test('names include the hostile and exotic text the client must survive', async () => {
    const labels: string[] = [];
    for (const path of ['groups', 'queues', 'conferences', 'ivr', 'schedules', 'outcalls', 'callpickups']) {
      for (const item of (await list(`/${path}?recurse=true`)).items) labels.push(String(item.label ?? item.name ?? ''), String(item.description ?? ''));
    }
    const text = labels.join('\n');
    for (const [what, pattern] of [['emoji ZWJ', /\u200D/u], ['CJK or Hangul', /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u], ['RTL', /[\p{Script=Arabic}\p{Script=Hebrew}]/u]] as const) {
      assert.match(text, pattern, what);
    }
  });
});
