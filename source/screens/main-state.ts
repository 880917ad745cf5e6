/**
 * The main screen's navigation state in one reducer, because several keys (often in one burst
 * over SSH) change it: which collection shows, the selection of each, the stack of open
 * records, and the overlay or text field that has the keyboard.
 */
import type {ConfdCollection} from '../api/contract.js';
import {initialSelection, selectionReducer, type SelectionAction, type SelectionState} from '../resources/selection.js';

/** One open record; `selected` is the line under the cursor, kept when coming back. */
export interface DetailEntry {
  collection: ConfdCollection;
  id: number | string;
  selected: number;
  raw: boolean;
}

export type Overlay =
  | {kind: 'help'; top: number}
  | {kind: 'acl'; top: number}
  | {kind: 'tenants'; selected: number}
  | {kind: 'profiles'; selected: number}
  | {kind: 'command'}
  | {kind: 'search'};

/** A wazo-auth page shown instead of the collection (`:accounts`, `:sessions`). */
export type MainPage = 'accounts' | 'sessions';

export interface MainState {
  collection: ConfdCollection;
  page?: MainPage;
  selections: Partial<Record<ConfdCollection, SelectionState>>;
  stack: DetailEntry[];
  overlay?: Overlay;
  /** The table's body height, for new selections. */
  height: number;
}

export type MainAction =
  | {type: 'show'; collection: ConfdCollection}
  | {type: 'page'; page?: MainPage}
  | {type: 'select'; action: SelectionAction; collection?: ConfdCollection}
  | {type: 'open'; entry: Omit<DetailEntry, 'selected' | 'raw'>}
  | {type: 'back'}
  | {type: 'detailMove'; selected: number}
  | {type: 'toggleRaw'}
  | {type: 'overlay'; overlay?: Overlay}
  | {type: 'resize'; height: number};

export function initialMainState(collection: ConfdCollection, height: number): MainState {
  return {collection, selections: {}, stack: [], height};
}

export function selectionOf(state: MainState, collection = state.collection): SelectionState {
  return state.selections[collection] ?? initialSelection(state.height);
}

export function mainReducer(state: MainState, action: MainAction): MainState {
  switch (action.type) {
    case 'show':
      return state.collection === action.collection && state.stack.length === 0 && state.page === undefined
        ? state
        : {...state, collection: action.collection, stack: [], overlay: undefined, page: undefined};
    case 'page':
      return state.page === action.page ? state : {...state, page: action.page, overlay: undefined};
    case 'select': {
      const collection = action.collection ?? state.collection;
      const current = selectionOf(state, collection);
      const next = selectionReducer(current, action.action);
      return next === current && state.selections[collection] ? state : {...state, selections: {...state.selections, [collection]: next}};
    }
    case 'open':
      // selected -1: not placed yet; the view puts it on the first related record once loaded.
      return {...state, stack: [...state.stack, {...action.entry, selected: -1, raw: false}], overlay: undefined};
    case 'back':
      return state.stack.length === 0 ? state : {...state, stack: state.stack.slice(0, -1)};
    case 'detailMove':
    case 'toggleRaw': {
      const top = state.stack.at(-1);
      if (!top) return state;
      const entry =
        action.type === 'toggleRaw' ? {...top, raw: !top.raw, selected: 0} : top.selected === action.selected ? top : {...top, selected: action.selected};
      return entry === top ? state : {...state, stack: [...state.stack.slice(0, -1), entry]};
    }
    case 'overlay':
      return state.overlay === action.overlay ? state : {...state, overlay: action.overlay};
    case 'resize': {
      if (state.height === action.height) return state;
      const selections = Object.fromEntries(
        Object.entries(state.selections).map(([name, selection]) => [name, selectionReducer(selection, {type: 'resize', height: action.height})]),
      );
      return {...state, height: action.height, selections};
    }
  }
}
