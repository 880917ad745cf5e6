/**
 * Users, lines and extensions with only what confd.yml requires (an extension's exten and context):
 * no id, no uuid, embedded references without ids. They parse, show in cells and keys, and offer
 * no relation that would open `GET /lines/undefined`.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {extensionSchema, lineSchema, userSchema, userSummarySchema} from '../../source/api/schemas.js';
import {extensionsDescriptor} from '../../source/resources/extensions.js';
import {linesDescriptor} from '../../source/resources/lines.js';
import {usersDescriptor} from '../../source/resources/users.js';

describe('records confd.yml allows without ids', () => {
  test('a user without id nor uuid: keyed by content, its id-less lines and extensions not followed', () => {
    const user = userSchema.parse({
      firstname: 'Anon',
      id: null,
      lines: [{name: 'desk', extensions: [{exten: '1000'}, {id: null, exten: null, context: 'default'}]}, {id: 5, extensions: [{id: 50, context: 'default'}]}],
      groups: [{name: 'Sales'}],
    });
    const relations = usersDescriptor.relations(user);
    assert.deepEqual(relations, [
      {label: 'Line', collection: 'lines', id: 5, title: '#5'},
      {label: 'Extension', collection: 'extensions', id: 50, title: '#50'},
    ]);
    const summary = userSummarySchema.parse({firstname: 'Anon', extension: '1000', context: null});
    assert.equal(usersDescriptor.key(summary).startsWith('?'), true);
    assert.equal(usersDescriptor.columns.find((column) => column.id === 'extension')?.value(summary), '1000');
    const lines = usersDescriptor.detail(user).flatMap((group) => group.fields).filter((field) => field.label.startsWith('lines['));
    assert.deepEqual(lines.map((field) => field.value), ['desk · 1000', '#5']);
  });

  test('a line without id: its users open by uuid or id, a user reference with neither is not followed', () => {
    const line = lineSchema.parse({context: 'default', users: [{uuid: 'u-1'}, {firstname: 'Nobody'}, {id: 4, uuid: ''}], extensions: [{exten: '1001', context: 'default'}]});
    assert.deepEqual(linesDescriptor.relations(line), [
      {label: 'User', collection: 'users', id: 'u-1', title: 'u-1'},
      {label: 'User', collection: 'users', id: 4, title: '4'},
    ]);
    assert.equal(linesDescriptor.columns[0]?.value(line), '(no name)');
    assert.equal(linesDescriptor.columns.find((column) => column.id === 'extensions')?.value(line), '1001@default');
    assert.notEqual(linesDescriptor.key(line), 'undefined');
  });

  test('an extension needs its exten and context, nothing else; id-less lines are listed, not followed', () => {
    assert.throws(() => extensionSchema.parse({context: 'default'}));
    const extension = extensionSchema.parse({exten: '1002', context: 'default', id: null, lines: [{name: 'desk'}, {id: null}]});
    assert.deepEqual(extensionsDescriptor.relations(extension), []);
    assert.equal(extensionsDescriptor.columns.find((column) => column.id === 'lines')?.value(extension), 'desk, (no name)');
    assert.notEqual(extensionsDescriptor.key(extension), 'null');
  });
});
