/**
 * The generated groups, queues, incalls and the rest: deterministic, consistent with the users,
 * lines and extensions they point at (inside one tenant), and modest in number however many users.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {generateDemoData} from '../../source/demo/data.js';

const ID_KEYS: Record<string, 'groups' | 'queues' | 'ivr' | 'voicemails' | 'conferences' | 'outcalls'> = {
  group_id: 'groups', queue_id: 'queues', ivr_id: 'ivr', voicemail_id: 'voicemails', conference_id: 'conferences', outcall_id: 'outcalls',
};

describe('generated collections besides users, lines and extensions', () => {
  test('are identical for a seed, and leave the users, lines and extensions of that seed as they were', () => {
    const first = generateDemoData({users: 300, lines: 360, seed: 5});
    const again = generateDemoData({users: 300, lines: 360, seed: 5});
    assert.equal(JSON.stringify({...first.pbx, byUser: [...first.pbx.byUser]}), JSON.stringify({...again.pbx, byUser: [...again.pbx.byUser]}));
    const other = generateDemoData({users: 300, lines: 360, seed: 6});
    assert.notEqual(JSON.stringify(first.pbx.groups), JSON.stringify(other.pbx.groups));
    // The lines' own extensions come first and keep their ids; the others are appended after them.
    const lineExtensions = first.extensions.filter((extension) => extension.lineIds.length > 0);
    assert.ok(lineExtensions.every((extension) => first.extensions[extension.id - 1] === extension));
    const appended = first.extensions.filter((extension) => extension.owner && extension.owner.kind !== 'incall');
    assert.ok(appended.every((extension) => extension.id > Math.max(...lineExtensions.map((line) => line.id))));
  });

  test('point at records that exist, in their own tenant, and agree both ways', () => {
    const data = generateDemoData({users: 500, lines: 600, seed: 2});
    const {pbx} = data;
    const tenantOfUser = (id: number) => data.usersById.get(id)?.tenantUuid;
    for (const group of pbx.groups) {
      for (const member of group.memberUsers) {
        assert.equal(tenantOfUser(member.userId), group.tenantUuid);
        assert.ok(pbx.byUser.get(member.userId)?.groupIds.includes(group.id));
      }
    }
    for (const [userId, relations] of pbx.byUser) {
      for (const id of relations.groupIds) assert.ok(pbx.groups[id - 1]?.memberUsers.some((member) => member.userId === userId));
      for (const id of relations.queueIds) assert.ok(pbx.queues[id - 1]?.memberUsers.some((member) => member.userId === userId));
      if (relations.voicemailId !== null) assert.deepEqual(pbx.voicemails[relations.voicemailId - 1]?.userIds, [userId]);
      if (relations.agentId !== null) assert.deepEqual(pbx.agents[relations.agentId - 1]?.userIds, [userId]);
      for (const id of relations.incallIds) assert.equal(pbx.incalls[id - 1]?.fields.destination.user_id, userId);
    }
    for (const trunk of pbx.trunks) for (const id of trunk.outcallIds) assert.ok(pbx.outcalls[id - 1]?.trunkIds.includes(trunk.id));
    for (const extension of data.extensions) {
      if (!extension.owner) continue;
      const {kind, id} = extension.owner;
      const owner = {group: pbx.groups, queue: pbx.queues, conference: pbx.conferences, parkinglot: pbx.parkinglots, incall: pbx.incalls, outcall: pbx.outcalls}[kind][id - 1];
      assert.equal(owner?.tenantUuid, extension.tenantUuid, `${kind} ${id}`);
      const ids = 'extensions' in owner && Array.isArray(owner.extensions) ? owner.extensions.map((entry) => entry.extensionId) : (owner as {extensionIds: number[]}).extensionIds;
      assert.ok(ids.includes(extension.id), `${kind} ${id} owns extension ${extension.id}`);
    }
    const incallNumbers = data.extensions.filter((extension) => extension.type === 'incall');
    assert.equal(pbx.incalls.length, incallNumbers.length, 'every incoming number belongs to an incall');
    for (const incall of pbx.incalls) {
      const {destination} = incall.fields;
      if (destination.type === 'user') assert.equal(tenantOfUser(Number(destination.user_id)), incall.tenantUuid);
      for (const [key, collection] of Object.entries(ID_KEYS)) {
        if (key in destination) assert.equal(pbx[collection][Number(destination[key]) - 1]?.tenantUuid, incall.tenantUuid, `${key} of incall ${incall.id}`);
      }
      if (destination.type === 'switchboard') assert.equal(pbx.switchboards.find((board) => board.uuid === destination.switchboard_uuid)?.tenantUuid, incall.tenantUuid);
    }
    const contexts = new Set(pbx.contexts.map((context) => `${context.tenantUuid} ${context.fields.name}`));
    for (const extension of data.extensions) assert.ok(contexts.has(`${extension.tenantUuid} ${extension.context}`), `context ${extension.context} exists`);
    const numbers = new Set(data.extensions.map((extension) => `${extension.exten}@${extension.context}`));
    assert.equal(numbers.size, data.extensions.length, 'exten@context stays unique');
  });

  test('stay modest when there are many users', () => {
    const data = generateDemoData({users: 20_000, lines: 24_000, seed: 1});
    const {pbx} = data;
    const perTenant = data.tenants.length;
    assert.ok(pbx.groups.length <= 60 * perTenant && pbx.queues.length <= 30 * perTenant && pbx.agents.length <= 150 * perTenant);
    assert.ok(pbx.voicemails.length <= 251 * perTenant);
    for (const name of ['conferences', 'parkinglots', 'pagings', 'callpickups', 'callpermissions', 'schedules', 'trunks', 'outcalls', 'ivr', 'switchboards', 'applications'] as const) {
      assert.ok(pbx[name].length <= 12 * perTenant, `${name}: ${pbx[name].length}`);
    }
    assert.ok(pbx.byUser.size < data.users.length / 4, 'most users have no other relation, and cost nothing');
  });
});

describe('a path to walk in demos, whatever the seed', () => {
  test("each tenant's first user is in its second group, and that user's main line is on a device", () => {
    for (const seed of [1, 2, 3, 77]) {
      const data = generateDemoData({users: 200, lines: 240, seed});
      const emilie = data.users[0];
      assert.equal(emilie?.firstname, 'Émilie');
      const acmeGroups = data.pbx.groups.filter((group) => group.tenantUuid === emilie?.tenantUuid);
      assert.ok(acmeGroups[1]?.memberUsers.some((member) => member.userId === emilie?.id), `seed ${seed}`);
      const line = data.linesById.get(emilie?.lineIds[0] ?? 0);
      if (line) assert.notEqual(line.deviceId, null, `seed ${seed}`);
    }
  });
});
