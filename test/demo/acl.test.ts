import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {AccessCheck, requiredAcl} from '../../source/demo/acl.js';

const AUTH_ID = 'a14dd6d6-547c-434d-bd5c-e882b5b83b54';
const SESSION = 'f14dd6d6-547c-434d-bd5c-e882b5b83b32';
const check = (...acl: string[]) => new AccessCheck(acl, AUTH_ID, SESSION);

describe('AccessCheck', () => {
  test('exact entries match only themselves', () => {
    assert.equal(check('confd.users.read').matches('confd.users.read'), true);
    assert.equal(check('confd.users.read').matches('confd.users.42.read'), false);
    assert.equal(check('confd.users.read').matches('confd.users.readx'), false);
  });

  test('* is exactly one dot-free segment (possibly empty)', () => {
    const acl = check('confd.users.*.read');
    assert.equal(acl.matches('confd.users.42.read'), true);
    assert.equal(acl.matches('confd.users..read'), true);
    assert.equal(acl.matches('confd.users.read'), false);
    assert.equal(acl.matches('confd.users.42.lines.read'), false);
  });

  test('# is anything, dots included', () => {
    assert.equal(check('confd.#').matches('confd.users.42.lines.7.read'), true);
    assert.equal(check('#').matches('auth.tenants.read'), true);
    assert.equal(check('confd.#').matches('auth.tenants.read'), false);
    assert.equal(check('confd.#.read').matches('confd.users.42.read'), true);
  });

  test('negative entries are checked first and deny', () => {
    const acl = check('confd.#', '!confd.lines.#');
    assert.equal(acl.matches('confd.users.read'), true);
    assert.equal(acl.matches('confd.lines.read'), false);
    assert.equal(acl.matches('confd.lines.5.read'), false);
    assert.equal(check('!confd.users.read').matches('confd.users.read'), false);
  });

  test('me and my_session match the token owner and session', () => {
    const acl = check('auth.users.me.tokens.*.delete', 'auth.sessions.my_session.delete');
    assert.equal(acl.matches('auth.users.me.tokens.tui.delete'), true);
    assert.equal(acl.matches(`auth.users.${AUTH_ID}.tokens.tui.delete`), true);
    assert.equal(acl.matches('auth.users.someone-else.tokens.tui.delete'), false);
    assert.equal(acl.matches(`auth.sessions.${SESSION}.delete`), true);
    assert.equal(acl.matches('auth.sessions.other.delete'), false);
  });

  test('regex characters in entries are literal', () => {
    assert.equal(check('confd.users.(.+).read').matches('confd.users.42.read'), false);
    assert.equal(check('confd.users.(.+).read').matches('confd.users.(.+).read'), true);
  });

  test('an empty ACL allows nothing', () => {
    assert.equal(check().matches('confd.infos.read'), false);
  });

  test('edit, the deprecated suffix, also matches update', () => {
    assert.equal(check('confd.users.*.edit').matches('confd.users.42.update'), true);
    assert.equal(check('confd.users.*.edit').matches('confd.users.42.delete'), false);
  });
});

describe('granting ACLs (may_add_access, may_remove_access)', () => {
  test('an entry may be granted only when it is itself granted, read as a required ACL', () => {
    const acl = check('confd.#', 'auth.users.read');
    assert.equal(acl.mayAddAccess('confd.users.*.read'), true);
    assert.equal(acl.mayAddAccess('confd.#'), true);
    assert.equal(acl.mayAddAccess('auth.users.read'), true);
    assert.equal(acl.mayAddAccess('auth.users.*.read'), false, 'a wildcard is broader than the exact entry held');
    assert.equal(acl.mayAddAccess('#'), false);
    assert.equal(check('#').mayAddAccess('#'), true);
  });

  test('negative entries may always be granted; removing one needs its positive form', () => {
    assert.equal(check().mayAddAccess('!confd.lines.read'), true);
    assert.equal(check().mayRemoveAccess('!confd.lines.read'), false);
    assert.equal(check('confd.lines.read').mayRemoveAccess('!confd.lines.read'), true);
    assert.equal(check('confd.#', '!confd.lines.#').mayAddAccess('confd.lines.read'), false);
  });
});

describe('requiredAcl', () => {
  test('formats the template and replaces dots in values', () => {
    assert.equal(requiredAcl('confd.users.{id}.read', {id: '42'}), 'confd.users.42.read');
    assert.equal(requiredAcl('auth.users.me.tokens.{client_id}.delete', {client_id: 'wazo.tui'}), 'auth.users.me.tokens.wazo_tui.delete');
  });
});
