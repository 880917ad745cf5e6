import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {extensionSchema, lineSchema, userSchema, userSummarySchema, type Extension, type Line, type User, type UserSummary} from '../../source/api/schemas.js';
import {extensionsDescriptor} from '../../source/resources/extensions.js';
import {linesDescriptor} from '../../source/resources/lines.js';
import {descriptorFor, findDescriptor, nextDescriptor, resourceDescriptors} from '../../source/resources/registry.js';
import {HIDDEN, type ColumnSpec, type DetailGroup} from '../../source/resources/types.js';
import {usersDescriptor} from '../../source/resources/users.js';

const examplesDir = fileURLToPath(new URL('../../../shared/wazo-api/examples/', import.meta.url));
const haveExamples = existsSync(examplesDir);
const skipExamples = haveExamples ? false : `no example payloads at ${examplesDir} (shared/wazo-api/examples is absent)`;

function example(name: string): unknown {
  return JSON.parse(readFileSync(`${examplesDir}${name}`, 'utf8'));
}

function cells<T>(columns: ColumnSpec<T>[], item: T): Record<string, unknown> {
  return Object.fromEntries(columns.map((column) => [column.id, column.value(item)]));
}

/** The detail as `label → value`, failing on a label that appears twice. */
function fieldMap(groups: DetailGroup[]): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const group of groups) {
    assert.ok(group.fields.length > 0, `group ${group.title} is empty`);
    for (const field of group.fields) {
      assert.ok(!fields.has(field.label), `${field.label} listed twice`);
      fields.set(field.label, field.value);
    }
  }
  return fields;
}

/** Every top-level key of the record shows up in the detail, as itself or as `key.…` / `key[…]`. */
function assertCoversEveryKey(record: Record<string, unknown>, groups: DetailGroup[]): void {
  const labels = [...fieldMap(groups).keys()];
  for (const key of Object.keys(record)) {
    assert.ok(
      labels.some((label) => label === key || label.startsWith(`${key}.`) || label.startsWith(`${key}[`)),
      `field ${key} is missing from the detail`,
    );
  }
}

function assertScalars(groups: DetailGroup[]): void {
  for (const [label, value] of fieldMap(groups)) {
    assert.ok(value === null || typeof value !== 'object', `${label} is not flattened: ${JSON.stringify(value)}`);
  }
}

const alice: User = userSchema.parse({
  id: 7,
  uuid: 'aaaaaaaa-0000-4000-8000-000000000007',
  firstname: 'Alice',
  lastname: 'Zèta',
  email: 'alice@example.test',
  username: null,
  password: 'sip-secret',
  call_permission_password: '9999',
  forwards: {busy: {enabled: true, destination: '5555'}},
  future_field: 'from a newer confd',
  nested_future: {depth: {value: 3}},
  lines: [
    {id: 3, name: 'alice-sip', protocol: 'sip', context: 'default', extensions: [{id: 30, exten: '1007', context: 'default'}, {id: 31, exten: '2007', context: 'other'}]},
    {id: 4, name: null, protocol: 'sccp', context: 'default', extensions: []},
  ],
});

const sharedLine: Line = lineSchema.parse({
  id: 3,
  name: 'shared',
  protocol: 'sip',
  context: 'default',
  caller_id_name: 'Front desk',
  caller_id_num: '1000',
  device_id: 'dev-1',
  endpoint_sip: {uuid: 'e-1', name: 'shared', auth_section_options: [['username', 'shared'], ['password', 'pjsip-secret']]},
  extensions: [{id: 30, exten: '1000', context: 'default'}],
  users: [
    {uuid: 'u-1', id: 1, firstname: 'Ann', lastname: 'Lee'},
    {uuid: 'u-2', firstname: 'Bo', lastname: null},
  ],
  experimental: true,
});

const bareExtension: Extension = extensionSchema.parse({id: 9, exten: '*10', context: 'features', type: 'internal', lines: [{id: 3}, {id: 4, name: 'desk'}]});

describe('users descriptor', () => {
  const aliceSummary: UserSummary = userSummarySchema.parse({
    id: 7,
    uuid: 'aaaaaaaa-0000-4000-8000-000000000007',
    firstname: 'Alice',
    lastname: 'Zèta',
    email: 'alice@example.test',
    extension: '1007',
    context: 'default',
    provisioning_code: '123456',
    protocol: 'sip',
    enabled: true,
    subscription_type: 0,
    is_webrtc: false,
  });

  test('the table lists view=summary, and its columns read only what the summary carries', () => {
    assert.equal(usersDescriptor.listView, 'summary');
    assert.deepEqual(cells(usersDescriptor.columns, aliceSummary), {
      name: 'Alice Zèta',
      email: 'alice@example.test',
      extension: '1007@default',
      protocol: 'sip',
      id: 7,
    });
    const bare = userSummarySchema.parse({id: 1, uuid: 'u', firstname: 'Solo', lastname: null, email: null, extension: null, context: null, protocol: null});
    assert.deepEqual(cells(usersDescriptor.columns, bare), {name: 'Solo', email: '', extension: '', protocol: null, id: 1});
  });

  test('sortable columns use confd order columns, default lastname', () => {
    assert.equal(usersDescriptor.defaultOrder, 'lastname');
    for (const column of usersDescriptor.columns) {
      if (column.sortKey) assert.ok(usersDescriptor.sortColumns.includes(column.sortKey), column.id);
    }
    assert.deepEqual(usersDescriptor.sortColumns, ['lastname', 'firstname', 'username', 'email', 'exten', 'id']);
    assert.equal(usersDescriptor.key(alice), '7');
  });

  test('detail hides the passwords, flattens nested objects and keeps unknown fields', () => {
    const groups = usersDescriptor.detail(alice);
    const fields = fieldMap(groups);
    assert.equal(fields.get('password'), HIDDEN);
    assert.equal(fields.get('call_permission_password'), HIDDEN);
    assert.equal(fields.get('forwards.busy.enabled'), true);
    assert.equal(fields.get('forwards.busy.destination'), '5555');
    assert.equal(fields.get('username'), null);
    assert.equal(fields.get('lines[0]'), 'alice-sip · sip · 1007@default, 2007@other');
    assert.equal(fields.get('lines[1]'), '#4 · sccp');
    const other = groups.find((group) => group.title === 'Other');
    assert.deepEqual(other?.fields, [
      {label: 'future_field', value: 'from a newer confd'},
      {label: 'nested_future.depth.value', value: 3},
    ]);
    assert.ok(!JSON.stringify(groups).includes('sip-secret'));
    assert.ok(!JSON.stringify(groups).includes('9999'));
    assertCoversEveryKey(alice, groups);
    assertScalars(groups);
  });

  test('relations: each line, then its extensions', () => {
    assert.deepEqual(usersDescriptor.relations(alice), [
      {label: 'Line', collection: 'lines', id: 3, title: 'alice-sip'},
      {label: 'Extension', collection: 'extensions', id: 30, title: '1007@default'},
      {label: 'Extension', collection: 'extensions', id: 31, title: '2007@other'},
      {label: 'Line', collection: 'lines', id: 4, title: '#4'},
    ]);
  });

  test('the example user payload', {skip: skipExamples}, () => {
    const user = userSchema.parse(example('confd-user.json'));
    const groups = usersDescriptor.detail(user);
    const fields = fieldMap(groups);
    assert.equal(fields.get('password'), HIDDEN);
    assert.equal(fields.get('call_permission_password'), HIDDEN);
    assert.equal(fields.get('services.dnd.enabled'), false);
    assert.equal(fields.get('forwards.unconditional.destination'), null);
    assert.equal(fields.get('fallbacks.busy_destination'), null);
    assert.equal(fields.get('groups'), null);
    assert.equal(fields.get('links[0].href'), 'https://wazo.example.com/api/confd/1.1/users/42');
    assert.deepEqual(groups.map((group) => group.title), ['User', 'Calls', 'Recording', 'Forwards and services', 'Lines', 'Memberships', 'Other']);
    assertCoversEveryKey(user, groups);
    assertScalars(groups);
    assert.deepEqual(usersDescriptor.relations(user), [
      {label: 'Line', collection: 'lines', id: 11, title: 'ab12cd34'},
      {label: 'Extension', collection: 'extensions', id: 22, title: '1001@ctx-acme-internal-1a2b3c4d'},
    ]);
  });

  test('the example users list parses in full; the example summary list parses and renders every column', {skip: skipExamples}, () => {
    const list = example('confd-users-list.json') as {items: unknown[]};
    for (const item of list.items) assert.equal(userSchema.parse(item).firstname, 'Jôhn');
    const summaries = example('confd-users-list-view-summary.json') as {items: unknown[]};
    assert.ok(summaries.items.length > 0);
    for (const item of summaries.items) {
      assert.deepEqual(cells(usersDescriptor.columns, userSummarySchema.parse(item)), {
        name: 'Jôhn Smêth',
        email: 'jsmeth@smeth.com',
        extension: '1001@ctx-acme-internal-1a2b3c4d',
        protocol: 'sip',
        id: 42,
      });
    }
  });
});

describe('lines descriptor', () => {
  test('columns: name, protocol, context, extensions, caller id, users, device', () => {
    assert.deepEqual(cells(linesDescriptor.columns, sharedLine), {
      name: 'shared',
      protocol: 'sip',
      context: 'default',
      extensions: '1000@default',
      'caller-id': 'Front desk <1000>',
      users: 'Ann Lee, Bo',
      device: 'dev-1',
    });
    assert.equal(linesDescriptor.defaultOrder, 'name');
    for (const column of linesDescriptor.columns) {
      if (column.sortKey) assert.ok(linesDescriptor.sortColumns.includes(column.sortKey), column.id);
    }
  });

  test('detail: endpoint options readable, their password hidden, unknown fields kept', () => {
    const groups = linesDescriptor.detail(sharedLine);
    const fields = fieldMap(groups);
    assert.equal(fields.get('endpoint_sip.auth_section_options.username'), 'shared');
    assert.equal(fields.get('endpoint_sip.auth_section_options.password'), HIDDEN);
    assert.ok(!JSON.stringify(groups).includes('pjsip-secret'));
    assert.equal(fields.get('users[0]'), 'Ann Lee (u-1)');
    assert.equal(fields.get('extensions[0]'), '1000@default');
    assert.deepEqual(groups.at(-1), {title: 'Other', fields: [{label: 'experimental', value: true}]});
    assertCoversEveryKey(sharedLine, groups);
    assertScalars(groups);
  });

  test('relations: users (by id, else uuid), then extensions', () => {
    assert.deepEqual(linesDescriptor.relations(sharedLine), [
      {label: 'User', collection: 'users', id: 1, title: 'Ann Lee'},
      {label: 'User', collection: 'users', id: 'u-2', title: 'Bo'},
      {label: 'Extension', collection: 'extensions', id: 30, title: '1000@default'},
    ]);
  });

  test('the example line payload', {skip: skipExamples}, () => {
    const line = lineSchema.parse(example('confd-line.json'));
    assert.deepEqual(cells(linesDescriptor.columns, line), {
      name: 'ab12cd34',
      protocol: 'sip',
      context: 'ctx-acme-internal-1a2b3c4d',
      extensions: '1001@ctx-acme-internal-1a2b3c4d',
      'caller-id': 'Jôhnny Smith <1001>',
      users: 'Jôhn Smêth',
      device: null,
    });
    const groups = linesDescriptor.detail(line);
    assertCoversEveryKey(line, groups);
    assertScalars(groups);
    assert.deepEqual(linesDescriptor.relations(line), [
      {label: 'User', collection: 'users', id: '44444444-4444-4444-8444-444444444444', title: 'Jôhn Smêth'},
      {label: 'Extension', collection: 'extensions', id: 22, title: '1001@ctx-acme-internal-1a2b3c4d'},
    ]);
    const list = example('confd-lines-list.json') as {items: unknown[]};
    assert.equal(list.items.map((item) => lineSchema.parse(item)).length, 1);
  });
});

describe('extensions descriptor', () => {
  test('columns, detail and relations', () => {
    assert.deepEqual(cells(extensionsDescriptor.columns, bareExtension), {exten: '*10', context: 'features', type: 'internal', lines: '#3, desk', id: 9});
    assert.deepEqual(extensionsDescriptor.sortColumns, ['exten', 'context', 'type']);
    const groups = extensionsDescriptor.detail(bareExtension);
    assert.equal(fieldMap(groups).get('lines[1]'), 'desk (#4)');
    assertCoversEveryKey(bareExtension, groups);
    assert.deepEqual(extensionsDescriptor.relations(bareExtension), [
      {label: 'Line', collection: 'lines', id: 3, title: '#3'},
      {label: 'Line', collection: 'lines', id: 4, title: 'desk'},
    ]);
  });

  test('the example extension payload', {skip: skipExamples}, () => {
    const extension = extensionSchema.parse(example('confd-extension.json'));
    assert.equal(extensionsDescriptor.columns[0]?.value(extension), '1001');
    const groups = extensionsDescriptor.detail(extension);
    const fields = fieldMap(groups);
    assert.equal(fields.get('commented'), false);
    assert.equal(fields.get('incall'), null);
    assertCoversEveryKey(extension, groups);
    assertScalars(groups);
    assert.deepEqual(extensionsDescriptor.relations(extension), [{label: 'Line', collection: 'lines', id: 11, title: 'ab12cd34'}]);
  });
});

describe('registry', () => {
  test('names and aliases, with or without the colon, any case', () => {
    assert.equal(findDescriptor(':users')?.name, 'users');
    assert.equal(findDescriptor(':user')?.name, 'users');
    assert.equal(findDescriptor(':u')?.name, 'users');
    assert.equal(findDescriptor('LINES')?.name, 'lines');
    assert.equal(findDescriptor(' :l ')?.name, 'lines');
    assert.equal(findDescriptor(':ext')?.name, 'extensions');
    assert.equal(findDescriptor(':extensions')?.name, 'extensions');
    assert.equal(findDescriptor(':devices'), undefined);
    assert.equal(findDescriptor(':q'), undefined);
  });

  test('aliases are unique across descriptors', () => {
    const names = resourceDescriptors.flatMap((descriptor) => [descriptor.name, ...descriptor.aliases]);
    assert.equal(new Set(names).size, names.length);
  });

  test('Tab order cycles users → lines → extensions → users, and back', () => {
    assert.deepEqual(resourceDescriptors.map((descriptor) => descriptor.name), ['users', 'lines', 'extensions']);
    assert.equal(nextDescriptor('users').name, 'lines');
    assert.equal(nextDescriptor('extensions').name, 'users');
    assert.equal(nextDescriptor('users', -1).name, 'extensions');
    assert.equal(descriptorFor('lines'), linesDescriptor);
  });

  test('every descriptor sorts by its default order and keys rows by id', () => {
    for (const descriptor of resourceDescriptors) {
      assert.equal(descriptor.sortColumns[0], descriptor.defaultOrder, descriptor.name);
      assert.ok(descriptor.columns.some((column) => column.priority === 1), `${descriptor.name} has an always-shown column`);
    }
  });
});
