/**
 * Table navigation as a pure reducer: which row is selected and which row is at the top
 * of the visible window, kept consistent with the collection's size and the table's height.
 */

/** Where the table is: `selected` is -1 only when the collection is empty. */
export interface SelectionState {
  /** Index of the selected row in the whole collection, or -1 when there is no row. */
  selected: number;
  /** Index of the first visible row. */
  top: number;
  /** Visible rows (at least 1). */
  height: number;
  /** Rows in the collection (0 while unknown). */
  total: number;
}

/** What the keys and the collection can do to the selection. */
export type SelectionAction =
  | {type: 'up'}
  | {type: 'down'}
  | {type: 'pageUp'}
  | {type: 'pageDown'}
  | {type: 'first'}
  | {type: 'last'}
  | {type: 'resize'; height: number}
  | {type: 'total'; total: number};

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** Puts `selected` inside [0, total) and moves `top` the least needed to keep it visible. */
function normalise(selected: number, top: number, height: number, total: number): SelectionState {
  if (total <= 0) return {selected: -1, top: 0, height, total: 0};
  const row = clamp(selected, 0, total - 1);
  let first = clamp(top, 0, Math.max(0, total - height));
  if (row < first) first = row;
  if (row >= first + height) first = row - height + 1;
  return {selected: row, top: first, height, total};
}

/** The selection of a freshly opened table. */
export function initialSelection(height: number, total = 0): SelectionState {
  return normalise(0, 0, Math.max(1, Math.floor(height)), Math.max(0, Math.floor(total)));
}

/** Applies one navigation action; returns the same object when nothing changes. */
export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  const {selected, top, height, total} = state;
  let next: SelectionState;
  switch (action.type) {
    case 'up':
      next = normalise(selected - 1, top, height, total);
      break;
    case 'down':
      next = normalise(selected + 1, top, height, total);
      break;
    case 'pageUp':
      next = normalise(selected - height, top - height, height, total);
      break;
    case 'pageDown':
      next = normalise(selected + height, top + height, height, total);
      break;
    case 'first':
      next = normalise(0, 0, height, total);
      break;
    case 'last':
      next = normalise(total - 1, total - height, height, total);
      break;
    case 'resize':
      next = normalise(selected, top, Math.max(1, Math.floor(action.height)), total);
      break;
    case 'total':
      // A collection that gains its first rows selects the first one.
      next = normalise(Math.max(selected, 0), top, height, Math.max(0, Math.floor(action.total)));
      break;
  }
  const unchanged = next.selected === selected && next.top === top && next.height === height && next.total === total;
  return unchanged ? state : next;
}
