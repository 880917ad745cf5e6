/**
 * An in-memory page fetcher with confd list semantics (search, order, direction, limit, offset,
 * `total` counted after search). It stands in for the server only to drive timing precisely
 * (hold, release, fail, ignore aborts); the real client against the demo server is tested in
 * collection-demo.test.ts and in the api tests.
 */
import type {ListQuery} from '../../source/api/contract.js';
import type {ListPage} from '../../source/api/schemas.js';
import {Collection, type CollectionOptions} from '../../source/resources/collection.js';

/** A row of the fake collection. */
export interface Person {
  id: number;
  firstname: string;
  lastname: string;
}

const FIRST = ['Émilie', 'Zoë', 'Anaïs', 'Bob', 'Chloé', 'Dmitri', 'Élodie', 'François'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy'];

/** `count` deterministic people with ids 1..count. */
export function people(count: number): Person[] {
  return Array.from({length: count}, (_, index) => ({
    id: index + 1,
    firstname: FIRST[index % FIRST.length] ?? '',
    lastname: `${LAST[index % LAST.length] ?? ''} ${String(index + 1).padStart(5, '0')}`,
  }));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** One request the fake received. */
export interface FakeRequest {
  query: ListQuery;
  signal: AbortSignal;
  /** Whether the answer (or failure) was delivered. */
  settled: boolean;
  /** Deliver the answer computed when the request arrived, even if it was aborted. */
  release(): void;
  /** Deliver a failure. */
  reject(error: unknown): void;
}

export interface FakeOptions {
  /** Hold every answer until `release()` (default: answer on the next tick). */
  hold?: boolean;
  /** Reject a held request as soon as its signal aborts, like got does (default true). */
  rejectOnAbort?: boolean;
}

/** The fake server: `fetch` is the PageFetcher handed to a Collection. */
export class FakeConfd {
  readonly requests: FakeRequest[] = [];
  rows: Person[];
  hold: boolean;
  rejectOnAbort: boolean;
  /** When set, every new request fails with it. */
  failWith: unknown = undefined;

  constructor(rows: Person[], options: FakeOptions = {}) {
    this.rows = rows;
    this.hold = options.hold ?? false;
    this.rejectOnAbort = options.rejectOnAbort ?? true;
  }

  /** The confd answer for a query, over the current rows. */
  answer(query: ListQuery): ListPage<Person> {
    const term = fold(query.search ?? '');
    const matching = this.rows.filter((row) => term === '' || fold(`${row.firstname} ${row.lastname}`).includes(term));
    const order = (query.order ?? 'lastname') as keyof Person;
    const sign = query.direction === 'desc' ? -1 : 1;
    const sorted = matching.toSorted((a, b) => sign * (a[order] < b[order] ? -1 : a[order] > b[order] ? 1 : 0));
    const offset = query.offset ?? 0;
    const items = query.limit === undefined ? sorted.slice(offset) : sorted.slice(offset, offset + query.limit);
    return {total: matching.length, items};
  }

  readonly fetch = (query: ListQuery, signal: AbortSignal): Promise<ListPage<Person>> => {
    const answer = this.answer(query);
    const failure = this.failWith;
    return new Promise((resolve, reject) => {
      const request: FakeRequest = {
        query,
        signal,
        settled: false,
        release: () => {
          if (request.settled) return;
          request.settled = true;
          resolve(answer);
        },
        reject: (error) => {
          if (request.settled) return;
          request.settled = true;
          reject(error);
        },
      };
      this.requests.push(request);
      signal.addEventListener('abort', () => {
        if (this.rejectOnAbort) request.reject(new DOMException('aborted', 'AbortError'));
      });
      if (this.hold) return;
      setImmediate(() => (failure === undefined ? request.release() : request.reject(failure)));
    });
  };

  /** Offsets of the requests so far, in order. */
  offsets(): number[] {
    return this.requests.map((request) => request.query.offset ?? 0);
  }

  /** Offsets of the requests whose signal was aborted. */
  abortedOffsets(): number[] {
    return this.requests.filter((request) => request.signal.aborted).map((request) => request.query.offset ?? 0);
  }

  /** Requests not yet answered nor aborted. */
  open(): FakeRequest[] {
    return this.requests.filter((request) => !request.settled && !request.signal.aborted);
  }
}

/** Lets pending promise callbacks and immediates run. */
export async function flush(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Polls `condition` until it holds, failing with `describe()` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, describe: () => string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Page size of the collections the tests open. */
export const PAGE = 25;

const opened: Collection<Person>[] = [];

/** A collection over `server`, disposed by {@link disposeOpened} (call it in `afterEach`). */
export function open(server: FakeConfd, options: Partial<CollectionOptions> = {}): Collection<Person> {
  const collection = new Collection(server.fetch, {pageSize: PAGE, order: 'lastname', ...options});
  opened.push(collection);
  return collection;
}

export function disposeOpened(): void {
  for (const collection of opened.splice(0)) collection.dispose();
}

/** The rows the server would show for `[start, start + count)` of the default query. */
export function expected(server: FakeConfd, start: number, count: number, search = ''): Person[] {
  return server.answer({offset: start, limit: count, order: 'lastname', search}).items;
}
