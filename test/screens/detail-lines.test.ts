/**
 * The raw JSON view (`y`) hides exactly what the field view hides: the same secret rule over
 * every path, PJSIP option pairs included, and nothing else changed.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {lineSchema, userSchema} from '../../source/api/schemas.js';
import {linesDescriptor} from '../../source/resources/lines.js';
import {HIDDEN} from '../../source/resources/types.js';
import {usersDescriptor} from '../../source/resources/users.js';
import {detailLines, rawLines} from '../../source/screens/detail-lines.js';

const user = userSchema.parse({
  id: 7,
  uuid: 'u-7',
  firstname: 'Alice',
  lastname: 'Zèta',
  username: 'alice',
  password: 'legacy-user-secret',
  call_permission_password: '9999',
  forwards: {busy: {enabled: true, destination: '5555'}},
  lines: [{id: 3, name: 'alice-sip', extensions: []}],
});

const line = lineSchema.parse({
  id: 3,
  name: 'shared',
  endpoint_sip: {uuid: 'e-1', name: 'shared', auth_section_options: [['username', 'shared'], ['password', 'pjsip-secret']]},
  extensions: [],
  users: [],
});

const rawText = (item: unknown) => rawLines(item).map((each) => (each.kind === 'raw' ? String(each.text) : '')).join('\n');
const fieldText = (lines: ReturnType<typeof detailLines>) => lines.map((each) => (each.kind === 'field' ? `${each.label}=${each.value}` : '')).join('\n');

describe('raw JSON view', () => {
  test('a user: the legacy password and the permission PIN are hidden, as in the field view', () => {
    const raw = rawText(user);
    const fields = fieldText(detailLines(usersDescriptor, user));
    for (const secret of ['legacy-user-secret', '9999']) {
      assert.ok(!raw.includes(secret), `${secret} is not in the raw view:\n${raw}`);
      assert.ok(!fields.includes(secret), `${secret} is not in the field view`);
    }
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    assert.equal(parsed.password, HIDDEN);
    assert.equal(parsed.call_permission_password, HIDDEN);
    assert.deepEqual(parsed.forwards, {busy: {enabled: true, destination: '5555'}}, 'other fields are untouched');
    assert.equal(parsed.username, 'alice');
  });

  test('a line: the PJSIP password pair keeps its name and loses its value', () => {
    const raw = rawText(line);
    assert.ok(!raw.includes('pjsip-secret'), raw);
    const parsed = JSON.parse(raw) as {endpoint_sip: {auth_section_options: unknown}};
    assert.deepEqual(parsed.endpoint_sip.auth_section_options, [['username', 'shared'], ['password', HIDDEN]]);
    assert.ok(fieldText(detailLines(linesDescriptor, line)).includes(`endpoint_sip.auth_section_options.password=${HIDDEN}`));
  });
});
