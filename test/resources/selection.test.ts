import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {initialSelection, selectionReducer, type SelectionAction, type SelectionState} from '../../source/resources/selection.js';

function run(state: SelectionState, ...actions: SelectionAction[]): SelectionState {
  return actions.reduce(selectionReducer, state);
}

function at(selected: number, top: number, height = 10, total = 100): SelectionState {
  return {selected, top, height, total};
}

const down: SelectionAction = {type: 'down'};
const up: SelectionAction = {type: 'up'};

describe('selectionReducer: line by line', () => {
  test('down moves inside the window without scrolling', () => {
    assert.deepEqual(run(initialSelection(10, 100), down, down), at(2, 0));
  });

  test('down past the bottom edge scrolls by exactly one row each time', () => {
    const state = run(at(9, 0), down);
    assert.deepEqual(state, at(10, 1));
    assert.deepEqual(run(state, down), at(11, 2));
  });

  test('up past the top edge scrolls by exactly one row', () => {
    assert.deepEqual(run(at(20, 20), up), at(19, 19));
    assert.deepEqual(run(at(25, 20), up), at(24, 20), 'inside the window the top stays');
  });

  test('up at row 0 and down at the last row change nothing and keep the same object', () => {
    const first = at(0, 0);
    assert.equal(selectionReducer(first, up), first);
    const last = at(99, 90);
    assert.equal(selectionReducer(last, down), last);
  });
});

describe('selectionReducer: pages and ends', () => {
  test('PgDn moves the window and the selection by one page', () => {
    assert.deepEqual(run(at(3, 0), {type: 'pageDown'}), at(13, 10));
    assert.deepEqual(run(at(3, 0), {type: 'pageDown'}, {type: 'pageDown'}), at(23, 20));
  });

  test('PgDn near the end stops with the last row visible and the window full', () => {
    assert.deepEqual(run(at(88, 85), {type: 'pageDown'}), at(98, 90));
    assert.deepEqual(run(at(95, 90), {type: 'pageDown'}), at(99, 90));
    const end = at(99, 90);
    assert.equal(selectionReducer(end, {type: 'pageDown'}), end);
  });

  test('PgUp moves back one page and stops at row 0', () => {
    assert.deepEqual(run(at(23, 20), {type: 'pageUp'}), at(13, 10));
    assert.deepEqual(run(at(13, 10), {type: 'pageUp'}, {type: 'pageUp'}), at(0, 0));
    assert.deepEqual(run(at(4, 0), {type: 'pageUp'}), at(0, 0));
  });

  test('first and last jump to the ends with a full window', () => {
    assert.deepEqual(run(at(50, 45), {type: 'last'}), at(99, 90));
    assert.deepEqual(run(at(50, 45), {type: 'first'}), at(0, 0));
  });
});

describe('selectionReducer: size changes', () => {
  test('an empty collection has no selection, whatever the key', () => {
    const empty = initialSelection(10);
    assert.deepEqual(empty, {selected: -1, top: 0, height: 10, total: 0});
    for (const action of [down, up, {type: 'pageDown'}, {type: 'pageUp'}, {type: 'first'}, {type: 'last'}] as SelectionAction[]) {
      assert.equal(selectionReducer(empty, action), empty, action.type);
    }
  });

  test('the first rows arriving select row 0; all rows leaving clears the selection', () => {
    const loaded = run(initialSelection(10), {type: 'total', total: 100});
    assert.deepEqual(loaded, at(0, 0));
    assert.deepEqual(run(at(40, 35), {type: 'total', total: 0}), {selected: -1, top: 0, height: 10, total: 0});
  });

  test('a shrinking total pulls the selection and the window back inside', () => {
    assert.deepEqual(run(at(80, 75), {type: 'total', total: 50}), at(49, 40, 10, 50));
    assert.deepEqual(run(at(12, 10), {type: 'total', total: 15}), at(12, 5, 10, 15), 'the window stays full');
  });

  test('fewer rows than the height: the window never scrolls', () => {
    let state = initialSelection(10, 4);
    assert.deepEqual(state, at(0, 0, 10, 4));
    state = run(state, down, down, down, down, down);
    assert.deepEqual(state, at(3, 0, 10, 4));
    assert.deepEqual(run(state, {type: 'pageDown'}), at(3, 0, 10, 4));
    assert.deepEqual(run(state, {type: 'last'}), at(3, 0, 10, 4));
    assert.deepEqual(run(state, {type: 'pageUp'}), at(0, 0, 10, 4));
  });

  test('a smaller terminal keeps the selection visible; a taller one fills the window', () => {
    assert.deepEqual(run(at(19, 10), {type: 'resize', height: 5}), at(19, 15, 5));
    assert.deepEqual(run(at(95, 95, 5), {type: 'resize', height: 10}), at(95, 90));
    assert.deepEqual(run(at(3, 0), {type: 'resize', height: 0}), at(3, 3, 1), 'height is at least one row');
  });

  test('height 1 scrolls with every move', () => {
    assert.deepEqual(run(initialSelection(1, 3), down), at(1, 1, 1, 3));
    assert.deepEqual(run(at(2, 2, 1, 3), {type: 'pageUp'}), at(1, 1, 1, 3));
  });

  test('the selection always stays inside [0, total) and visible', () => {
    const actions: SelectionAction[] = [down, up, {type: 'pageDown'}, {type: 'pageUp'}, {type: 'first'}, {type: 'last'},
      {type: 'resize', height: 3}, {type: 'resize', height: 17}, {type: 'total', total: 7}, {type: 'total', total: 250}];
    let state = initialSelection(8, 40);
    let seed = 7;
    for (let step = 0; step < 2000; step += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      state = selectionReducer(state, actions[seed % actions.length] ?? down);
      assert.ok(state.selected >= 0 && state.selected < state.total, JSON.stringify(state));
      assert.ok(state.selected >= state.top && state.selected < state.top + state.height, JSON.stringify(state));
      assert.ok(state.top <= Math.max(0, state.total - state.height), JSON.stringify(state));
    }
  });
});
