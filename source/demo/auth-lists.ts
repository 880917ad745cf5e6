/**
 * wazo-auth list semantics (xivo `ListSchema`, wazo-auth's `BaseListSchema`, `QueryPaginator`,
 * `SearchFilter`, `StrictFilter`): validated `limit`/`offset`/`order`/`direction`/`search`/`recurse`,
 * exact filters on the schema's searchable columns, `search` as `ILIKE '%word1%word2%'` over the
 * search columns (case-insensitive, accents count), ORDER BY only when an order is known.
 */
import type {DemoResponse} from './http.js';
import {invalidListParam} from './auth-errors.js';
import type {PythonValue} from './text.js';
import {escapeRegExp} from './acl.js';

/** What one list endpoint's schema declares. */
export interface ListSchema {
  sortColumns: readonly string[];
  /** null: no ORDER BY unless `order` is given (sessions). */
  defaultSort: string | null;
  /** Query keys kept as exact filters (`searchable_columns`). */
  filterKeys: readonly string[];
  /** Extra boolean fields the schema declares, validated like `recurse` (policies' `read_only`). */
  booleans?: readonly string[];
}

export interface ListQuery {
  limit: number | null;
  offset: number;
  order: string | null;
  direction: 'asc' | 'desc';
  search: string | null;
  recurse: boolean;
  /** Exact filters: key → the value as sent. */
  filters: Map<string, string>;
  booleans: Map<string, boolean>;
}

type ErrorInfo = {[key: string]: PythonValue};

const INTEGER = /^\s*[+-]?\d+\s*$/;
const TRUE = new Set(['t', 'true', 'on', 'y', 'yes', '1']);
const FALSE = new Set(['f', 'false', 'off', 'n', 'no', '0']);

const fieldError = (kind: string): ErrorInfo => ({message: `Not a valid ${kind}.`, constraint_id: 'type', constraint: kind});
const oneOf = (choices: readonly string[]): ErrorInfo => ({
  constraint_id: 'enum',
  constraint: {choices: [...choices]},
  message: `Must be one of: ${choices.join(', ')}.`,
});

/** marshmallow's boolean parsing of a query value, or undefined when it is not one. */
export function parseBoolean(text: string): boolean | undefined {
  const lowered = text.toLowerCase();
  if (TRUE.has(lowered)) return true;
  if (FALSE.has(lowered)) return false;
  return undefined;
}

/** marshmallow's Boolean field on a JSON value: true/false, 1/0 and the same strings as above. */
export function loadBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  return typeof value === 'string' ? parseBoolean(value) : undefined;
}

/** Parse a query string against `schema`, or answer the 400 wazo-auth sends, errors in field order. */
export function parseList(query: URLSearchParams, schema: ListSchema, nowMs: number): ListQuery | DemoResponse {
  const errors: {[field: string]: PythonValue} = {};
  const direction = query.get('direction') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') errors.direction = [oneOf(['asc', 'desc'])];
  const order = query.get('order') ?? schema.defaultSort;
  if (order !== null && !schema.sortColumns.includes(order)) errors.order = [oneOf(schema.sortColumns)];
  const integer = (name: string, fallback: number | null): number | null => {
    const text = query.get(name);
    if (text === null) return fallback;
    if (!INTEGER.test(text)) {
      errors[name] = [fieldError('integer')];
      return fallback;
    }
    const value = Number.parseInt(text, 10);
    if (value < 0) errors[name] = [{constraint_id: 'range', constraint: {min: 0}, message: 'Must be greater than or equal to 0.'}];
    return value;
  };
  const limit = integer('limit', null);
  const offset = integer('offset', 0) ?? 0;
  const booleans = new Map<string, boolean>();
  for (const name of ['recurse', ...(schema.booleans ?? [])]) {
    const text = query.get(name);
    if (text === null) continue;
    const value = parseBoolean(text);
    if (value === undefined) errors[name] = [fieldError('boolean')];
    else booleans.set(name, value);
  }
  if (Object.keys(errors).length > 0) return {status: 400, json: invalidListParam(errors, nowMs)};
  const filters = new Map<string, string>();
  for (const key of schema.filterKeys) {
    const value = query.get(key);
    if (value !== null) filters.set(key, value);
  }
  return {
    limit,
    offset,
    order,
    direction: direction === 'desc' ? 'desc' : 'asc',
    search: query.get('search'),
    recurse: booleans.get('recurse') ?? false,
    filters,
    booleans,
  };
}

type SortValue = string | number | boolean | null;

/** How one endpoint reads its rows. */
export interface ListColumns<T> {
  sortValue(item: T, column: string): SortValue;
  /** The values `search` looks into. */
  searchValues(item: T): ReadonlyArray<string | null>;
  /** Whether the item passes the exact filter `key = value`. */
  matches(item: T, key: string, value: string): boolean;
}

/** Filter, search, sort and page `items`; `filtered` is the count before paging. */
export function listPage<T>(items: readonly T[], query: ListQuery, columns: ListColumns<T>): {filtered: number; page: T[]} {
  const search = query.search === null ? null : likeRegExp(query.search);
  const kept = items.filter(
    (item) =>
      [...query.filters].every(([key, value]) => columns.matches(item, key, value)) &&
      (search === null || columns.searchValues(item).some((value) => value !== null && search.test(value))),
  );
  const {order} = query;
  const sorted = order === null ? kept : sortBy(kept, (item) => columns.sortValue(item, order), query.direction);
  const end = query.limit === null ? undefined : query.offset + query.limit;
  return {filtered: kept.length, page: sorted.slice(query.offset, end)};
}

const collator = new Intl.Collator('en');

/** ORDER BY one column, as PostgreSQL does: NULLS LAST ascending, NULLS FIRST descending; stable. */
function sortBy<T>(items: readonly T[], value: (item: T) => SortValue, direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = items.map((item, index) => ({item, index, key: value(item)}));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      const nulls = (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0);
      return nulls * sign || a.index - b.index;
    }
    const compared =
      typeof a.key === 'string' && typeof b.key === 'string' ? collator.compare(a.key, b.key) : Number(a.key) - Number(b.key);
    return compared * sign || a.index - b.index;
  });
  return keyed.map((entry) => entry.item);
}

/** `ILIKE '%w1%w2%'` of the space-separated words; `%` and `_` in them stay wildcards, `\` escapes. */
function likeRegExp(search: string): RegExp {
  const words = search.split(' ').filter((word) => word !== '');
  const pattern = words.length === 0 ? '%' : `%${words.join('%')}%`;
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index] ?? '');
    else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'isu');
}
