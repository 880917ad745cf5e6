/**
 * The public shapes of a Collection (options, status, snapshot) and how a snapshot is built
 * from the page cache.
 */
import type {ListQuery} from '../api/contract.js';
import type {ListPage} from '../api/schemas.js';

/** Fetches one page; must honour `signal` (an aborted request's answer is ignored anyway). */
export type PageFetcher<T> = (query: ListQuery, signal: AbortSignal) => Promise<ListPage<T>>;

/** Whether the rows in view are all here, still coming, or failed. */
export type CollectionStatus = {kind: 'idle'} | {kind: 'loading'} | {kind: 'error'; error: unknown};

export interface CollectionOptions {
  /** Rows per request; pages are aligned on it (`offset = n * pageSize`). */
  pageSize: number;
  /** confd `order=` column. */
  order: string;
  direction?: 'asc' | 'desc';
  search?: string;
  recurse?: boolean;
  /** Pages kept in memory around the view (default 5). */
  keepPages?: number;
  /** Fetch the page after the view once the view's pages are in (default true). */
  prefetch?: boolean;
}

/** An immutable picture of the collection, replaced (new identity) on every change. */
export interface CollectionState<T> {
  /** Rows matching the search on the server; undefined until the first answer of this query. */
  readonly total: number | undefined;
  readonly search: string;
  readonly order: string;
  readonly direction: 'asc' | 'desc';
  readonly recurse: boolean;
  readonly pageSize: number;
  /** About the rows of the last window asked for with `ensure`. */
  readonly status: CollectionStatus;
  /** Increments when the query changes (search, order, direction, recurse, reset): the view returns to row 0. */
  readonly queryVersion: number;
  /** The page numbers held in memory, ascending. */
  readonly pages: readonly number[];
  /** The row at `index`, or undefined when its page is not loaded. */
  rowAt(index: number): T | undefined;
  /** Rows `[start, start + count)`: an item, or undefined when not loaded. */
  rows(start: number, count: number): Array<T | undefined>;
}

/** The value `useSyncExternalStore` reads. */
export type Snapshot<T> = CollectionState<T>;

/** The query fields and status a snapshot copies from the collection. */
export type SnapshotFields = Omit<CollectionState<unknown>, 'pages' | 'rowAt' | 'rows'>;

/** Freezes the collection's state and current pages into a snapshot (the page map is copied, not shared). */
export function createSnapshot<T>(fields: SnapshotFields, pageItems: Iterable<[number, T[]]>): Snapshot<T> {
  const pages = new Map(pageItems);
  const {pageSize} = fields;
  const rowAt = (index: number): T | undefined => {
    if (!Number.isInteger(index) || index < 0) return undefined;
    return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  };
  return {
    ...fields,
    pages: [...pages.keys()].sort((a, b) => a - b),
    rowAt,
    rows: (start, count) => Array.from({length: Math.max(0, count)}, (_, offset) => rowAt(start + offset)),
  };
}
