import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Key} from 'ink';
import {splitBurst} from '../../source/screens/key-burst.js';

const plain: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

test('keys before the opener stay table keys; the rest goes to the field', () => {
  assert.deepEqual(splitBurst('jj/emi', plain, 'table'), {
    keys: 'jj/',
    field: {opener: 'collection.search', text: 'emi', submitted: false},
  });
});

test('a line break in the typed text submits the field, and what follows it is dropped', () => {
  assert.deepEqual(splitBurst(':lines\rjjj', plain, 'table'), {
    keys: ':',
    field: {opener: 'app.command', text: 'lines', submitted: true},
  });
});

test('control characters never reach the field', () => {
  assert.equal(splitBurst('/a\u0007b\u009bc', plain, 'table').field?.text, 'abc');
});

test('a burst without an opener, a lone opener, or a Ctrl chord is all table keys', () => {
  assert.deepEqual(splitBurst('jjk', plain, 'table'), {keys: 'jjk'});
  assert.deepEqual(splitBurst('/', plain, 'table'), {keys: '/'});
  assert.deepEqual(splitBurst('j/', plain, 'table'), {keys: 'j/'});
  assert.deepEqual(splitBurst('f', {...plain, ctrl: true}, 'table'), {keys: 'f'});
});

test('in a detail view `/` opens nothing, so the whole burst stays keys', () => {
  assert.deepEqual(splitBurst('j/x', plain, 'detail'), {keys: 'j/x'});
});
