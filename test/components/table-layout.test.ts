import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {GAP, GUTTER, layoutColumns, windowStart, type TableColumn} from '../../source/components/table-layout.js';

const columns: TableColumn[] = [
  {id: 'id', title: 'ID', width: 5, priority: 0, align: 'right'},
  {id: 'name', title: 'Name', minWidth: 12, priority: 1},
  {id: 'email', title: 'Email', minWidth: 20, priority: 3},
  {id: 'exten', title: 'Extension', width: 9, priority: 2},
];

const total = (placed: Array<{width: number}>) =>
  GUTTER + placed.reduce((sum, column) => sum + column.width, 0) + GAP * Math.max(0, placed.length - 1);

describe('layoutColumns', () => {
  it('keeps every column on a wide screen and gives the spare width to flexible ones', () => {
    const placed = layoutColumns(columns, 120);
    assert.deepEqual(placed.map((c) => c.index), [0, 1, 2, 3]);
    assert.equal(total(placed), 120);
    assert.equal(placed[0]?.width, 5);
    assert.equal(placed[3]?.width, 9);
  });

  it('drops columns by priority, keeping display order', () => {
    assert.deepEqual(layoutColumns(columns, 40).map((c) => c.index), [0, 1, 3]);
    assert.deepEqual(layoutColumns(columns, 25).map((c) => c.index), [0, 1]);
  });

  it('never exceeds the width', () => {
    for (let width = 0; width <= 130; width += 1) {
      const placed = layoutColumns(columns, width);
      if (placed.length > 0) assert.ok(total(placed) <= width, `width ${width}`);
    }
  });

  it('squeezes the most important column rather than show nothing', () => {
    assert.deepEqual(layoutColumns([{id: 'n', title: 'Name', minWidth: 30, priority: 0}], 12), [{index: 0, width: 10}]);
    assert.deepEqual(layoutColumns(columns, 2), []);
  });

  it('defaults the minimum width to the title plus the sort marker', () => {
    const placed = layoutColumns([{id: 'a', title: 'Alpha', priority: 0}, {id: 'b', title: 'Beta', width: 4, priority: 1}], 13);
    assert.deepEqual(placed, [{index: 0, width: 6}, {index: 1, width: 4}]);
  });
});

describe('windowStart', () => {
  it('starts at the top while the selection is visible', () => {
    assert.equal(windowStart(0, 5, 100, 0), 0);
    assert.equal(windowStart(4, 5, 100, 0), 0);
  });

  it('scrolls just enough to show the selection, then stays put', () => {
    assert.equal(windowStart(5, 5, 100, 0), 1);
    assert.equal(windowStart(20, 5, 100, 1), 16);
    assert.equal(windowStart(18, 5, 100, 16), 16);
    assert.equal(windowStart(10, 5, 100, 16), 10);
  });

  it('never leaves blank lines below a list that fills the window', () => {
    assert.equal(windowStart(99, 5, 100, 0), 95);
    assert.equal(windowStart(8, 5, 10, 40), 5);
    assert.equal(windowStart(3, 5, 4, 2), 0);
    assert.equal(windowStart(3, 0, 10, 2), 0);
  });
});
