/**
 * A server-paged confd collection: page cache around the view, prefetch of the next page,
 * cancellation of requests nobody needs any more, and the search/sort state. No React here.
 */
import type {ListQuery} from '../api/contract.js';
import type {ListPage} from '../api/schemas.js';
import {pageAfter, pagesInView, pagesToEvict, type RowWindow} from './paging.js';
import {Store} from '../util/store.js';
import {createSnapshot, type CollectionOptions, type CollectionStatus, type PageFetcher, type Snapshot} from './collection-state.js';

export type {CollectionOptions, CollectionState, CollectionStatus, PageFetcher, Snapshot} from './collection-state.js';

interface Page<T> {
  items: T[];
  /** The generation that fetched it: after `refresh` old pages stay visible until replaced. */
  generation: number;
}

interface Failure {
  error: unknown;
  /** A failed prefetch does not block fetching the page once it is in view. */
  wasNeeded: boolean;
}

/** A paged, searchable, sortable view of one server collection. */
export class Collection<T> {
  readonly pageSize: number;
  private readonly fetcher: PageFetcher<T>;
  private readonly keepPages: number;
  private readonly prefetch: boolean;
  private search: string;
  private order: string;
  private direction: 'asc' | 'desc';
  private recurse: boolean;
  private total: number | undefined;
  private status: CollectionStatus = {kind: 'idle'};
  private queryVersion = 0;
  // Bumped by every query change and refresh: answers of an older generation are dropped.
  private generation = 0;
  private readonly pages = new Map<number, Page<T>>();
  private readonly pending = new Map<number, AbortController>();
  private readonly failed = new Map<number, Failure>();
  private view: RowWindow | undefined;
  // Rows wanted at the end while the total is still unknown (End before the first answer).
  private wantLast: number | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly store: Store<Snapshot<T>>;
  private dirty = false;
  private disposed = false;

  constructor(fetcher: PageFetcher<T>, options: CollectionOptions) {
    if (!Number.isInteger(options.pageSize) || options.pageSize < 1) throw new RangeError('pageSize must be a positive integer');
    this.fetcher = fetcher;
    this.pageSize = options.pageSize;
    this.order = options.order;
    this.direction = options.direction ?? 'asc';
    this.search = options.search ?? '';
    this.recurse = options.recurse ?? false;
    this.keepPages = Math.max(1, options.keepPages ?? 5);
    this.prefetch = options.prefetch ?? true;
    this.store = new Store(this.buildSnapshot());
    this.subscribe = this.store.subscribe;
    this.getSnapshot = this.store.getSnapshot;
  }

  /** Registers a change listener; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;

  /** The current snapshot; the same object until something changes. */
  readonly getSnapshot: () => Snapshot<T>;

  /** Makes sure rows `[offset, offset + count)` get loaded; call it whenever the view moves (from an effect, not a render). */
  ensure(offset: number, count: number): void {
    if (this.disposed) return;
    this.view = {offset: Math.max(0, Math.floor(offset)), count: Math.max(1, Math.floor(count))};
    this.wantLast = undefined;
    this.update();
  }

  /** Loads the last `count` rows directly; with the total still unknown, the first page comes first, then the last. */
  ensureLast(count: number): void {
    if (this.disposed) return;
    const rows = Math.max(1, Math.floor(count));
    if (this.total !== undefined) {
      this.ensure(Math.max(0, this.total - rows), rows);
      return;
    }
    this.view = {offset: 0, count: rows};
    this.wantLast = rows;
    this.update();
  }

  /** The row at `index`, or undefined when not loaded. */
  rowAt(index: number): T | undefined {
    return this.store.getSnapshot().rowAt(index);
  }

  /** Searches now (server-side `search=`), back to the first row; cancels a pending debounced search. */
  setSearch(text: string): void {
    this.cancelDebounce();
    if (this.disposed || text === this.search) return;
    this.search = text;
    this.resetQuery();
  }

  /** Searches once typing pauses for `ms`: a burst of keystrokes makes one request. */
  setSearchDebounced(text: string, ms = 200): void {
    if (this.disposed) return;
    this.cancelDebounce();
    this.searchTimer = setTimeout(() => {
      this.searchTimer = undefined;
      this.setSearch(text);
    }, ms);
  }

  /** Sorts server-side (`order=`, `direction=`), back to the first row. */
  setOrder(order: string, direction: 'asc' | 'desc' = this.direction): void {
    if (this.disposed || (order === this.order && direction === this.direction)) return;
    this.order = order;
    this.direction = direction;
    this.resetQuery();
  }

  /** Includes or leaves out the sub-tenants (`recurse=`), back to the first row. */
  toggleRecurse(): void {
    if (this.disposed) return;
    this.recurse = !this.recurse;
    this.resetQuery();
  }

  /** Reloads the rows in view; the old rows stay visible until their fresh copies arrive. */
  refresh(): void {
    if (this.disposed) return;
    this.generation += 1;
    this.abortAll();
    this.failed.clear();
    this.update();
  }

  /** Aborts every request and timer and forgets the rows and listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelDebounce();
    this.abortAll();
    this.pages.clear();
    this.store.clear();
  }

  private resetQuery(): void {
    this.queryVersion += 1;
    this.generation += 1;
    this.abortAll();
    this.failed.clear();
    this.pages.clear();
    this.total = undefined;
    this.wantLast = undefined;
    if (this.view) this.view = {offset: 0, count: this.view.count};
    this.dirty = true;
    this.update();
  }

  private cancelDebounce(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }

  private abortAll(): void {
    for (const controller of this.pending.values()) controller.abort();
    this.pending.clear();
  }

  private isFresh(page: number): boolean {
    return this.pages.get(page)?.generation === this.generation;
  }

  /** Brings requests, cache and status in line with the view, then notifies if anything changed. */
  private update(): void {
    const needed = pagesInView(this.view, this.total, this.pageSize);
    const next = this.prefetch ? pageAfter(needed, this.total, this.pageSize) : undefined;
    const wanted = new Set(needed);
    if (next !== undefined) wanted.add(next);

    for (const [page, controller] of this.pending) {
      if (wanted.has(page)) continue;
      controller.abort();
      this.pending.delete(page);
    }
    for (const [page, failure] of this.failed) {
      if (!wanted.has(page) || (!failure.wasNeeded && needed.includes(page))) this.failed.delete(page);
    }
    for (const page of needed) {
      if (!this.isFresh(page) && !this.pending.has(page) && !this.failed.has(page)) this.start(page, true);
    }
    if (next !== undefined && needed.every((page) => this.isFresh(page)) && !this.isFresh(next) && !this.pending.has(next) && !this.failed.has(next)) {
      this.start(next, false);
    }
    this.evict(needed, wanted);
    this.setStatus(needed);
    this.emit();
  }

  private start(page: number, needed: boolean): void {
    const controller = new AbortController();
    const generation = this.generation;
    this.pending.set(page, controller);
    const query: ListQuery = {
      offset: page * this.pageSize,
      limit: this.pageSize,
      order: this.order,
      direction: this.direction,
      recurse: this.recurse,
      ...(this.search === '' ? {} : {search: this.search}),
    };
    let answer: Promise<ListPage<T>>;
    try {
      answer = this.fetcher(query, controller.signal);
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (result) => this.settle(page, controller, generation, result),
      (error: unknown) => this.fail(page, controller, generation, error, needed),
    );
  }

  /** Whether an answer still belongs: same generation, and neither aborted nor replaced (both remove it from `pending`). */
  private isCurrent(page: number, controller: AbortController, generation: number): boolean {
    return !this.disposed && generation === this.generation && this.pending.get(page) === controller;
  }

  private settle(page: number, controller: AbortController, generation: number, result: ListPage<T>): void {
    if (!this.isCurrent(page, controller, generation)) return;
    this.pending.delete(page);
    this.pages.set(page, {items: result.items, generation});
    this.total = result.total;
    for (const held of this.pages.keys()) {
      if (held * this.pageSize >= result.total) this.pages.delete(held);
    }
    if (this.wantLast !== undefined) {
      this.view = {offset: Math.max(0, result.total - this.wantLast), count: this.wantLast};
      this.wantLast = undefined;
    }
    this.dirty = true;
    this.update();
  }

  private fail(page: number, controller: AbortController, generation: number, error: unknown, needed: boolean): void {
    if (!this.isCurrent(page, controller, generation)) return;
    this.pending.delete(page);
    this.failed.set(page, {error, wasNeeded: needed});
    this.update();
  }

  private evict(needed: number[], wanted: Set<number>): void {
    const dropped = pagesToEvict(this.pages.keys(), wanted, needed[0] ?? 0, this.keepPages);
    for (const page of dropped) this.pages.delete(page);
    if (dropped.length > 0) this.dirty = true;
  }

  private setStatus(needed: number[]): void {
    const failure = needed.map((page) => this.failed.get(page)).find((entry) => entry?.wasNeeded);
    let status: CollectionStatus;
    if (failure) status = {kind: 'error', error: failure.error};
    else if (needed.some((page) => !this.isFresh(page))) status = {kind: 'loading'};
    else status = {kind: 'idle'};
    const previous = this.status;
    const same = status.kind === 'error' ? previous.kind === 'error' && previous.error === status.error : previous.kind === status.kind;
    if (same) return;
    this.status = status;
    this.dirty = true;
  }

  private emit(): void {
    if (!this.dirty || this.disposed) return;
    this.dirty = false;
    this.store.publish(this.buildSnapshot());
  }

  private buildSnapshot(): Snapshot<T> {
    const fields = {
      total: this.total,
      search: this.search,
      order: this.order,
      direction: this.direction,
      recurse: this.recurse,
      pageSize: this.pageSize,
      status: this.status,
      queryVersion: this.queryVersion,
    };
    return createSnapshot(fields, [...this.pages].map(([number, page]): [number, T[]] => [number, page.items]));
  }
}
