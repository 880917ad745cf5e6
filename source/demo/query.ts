/**
 * confd list semantics (xivo-dao SearchSystem): query validation with confd's messages, accent- and
 * case-insensitive substring search OR'd over the search columns, exact filters on any column,
 * sorting with cached orders, and `total` counted after search and filters, before paging.
 */
import {fold, likeMatcher, pythonReprValue} from './text.js';

export type ColumnValue = string | number | boolean | null;

/** What confd knows about one collection (xivo-dao `SearchConfig`). */
export interface CollectionSpec<T> {
  /** The resource name in 404 messages (`User`, `Line`, `Extension`). */
  resource: string;
  items: readonly T[];
  id(item: T): number;
  tenantOf(item: T): string;
  columns: Record<string, (item: T) => ColumnValue>;
  searchColumns: readonly string[];
  defaultOrder: string;
  /** Python-side sort where '' and null count as empty (users). */
  collated: boolean;
  /** Columns whose filter takes a comma-separated list. */
  listFilterColumns?: readonly string[];
}

/** The parsed list parameters. */
export interface ListParams {
  limit: number | null;
  offset: number;
  order: string;
  direction: 'asc' | 'desc';
  search: string;
  recurse: boolean;
  /** Exact filters: column → accepted values. */
  filters: Array<{column: string; values: string[]}>;
}

/** A 400 with confd's message list. */
export class ListParamError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('; '));
  }
}

const RESERVED = new Set(['limit', 'offset', 'order', 'direction', 'search', 'recurse']);
const SEPARATOR = '\u0001';
const INTEGER = /^\s*[+-]?\d+\s*$/;
const TRUE = new Set(['t', 'true', 'on', 'y', 'yes', '1']);
const FALSE = new Set(['f', 'false', 'off', 'n', 'no', '0']);

function typeError(kind: 'integer' | 'boolean'): {[key: string]: string} {
  return {message: `Not a valid ${kind}.`, constraint_id: 'type', constraint: kind};
}

/** The search index of one collection: folded haystacks, tenant of each item, sorted orders. */
export class CollectionIndex<T> {
  private readonly haystacks: string[];
  private readonly orders = new Map<string, Int32Array>();

  constructor(readonly spec: CollectionSpec<T>) {
    const getters = spec.searchColumns.map((name) => this.column(name));
    this.haystacks = spec.items.map((item) =>
      getters
        .map((getter) => {
          const value = getter(item);
          return value === null ? '' : fold(String(value)).replaceAll(SEPARATOR, '');
        })
        .join(SEPARATOR),
    );
    this.sortedBy(spec.defaultOrder);
  }

  /** Parse and validate a query string the way confd does, first schema errors then DAO errors. */
  parse(query: URLSearchParams): ListParams {
    const messages: string[] = [];
    const limit = this.integerParam(query, 'limit', messages);
    const offset = this.integerParam(query, 'offset', messages);
    let recurse = false;
    const recurseText = query.get('recurse');
    if (recurseText !== null) {
      const lowered = recurseText.toLowerCase();
      if (TRUE.has(lowered)) recurse = true;
      else if (!FALSE.has(lowered)) messages.push(`Input Error - recurse: ${pythonReprValue([typeError('boolean')])}`);
    }
    if (messages.length > 0) throw new ListParamError(messages);
    if (limit !== null && limit <= 0) {
      throw new ListParamError(["Input Error - field 'limit': wrong type. Should be a positive number"]);
    }
    const direction = query.get('direction') ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw new ListParamError(["Input Error - direction: must be 'asc' or 'desc'"]);
    }
    const order = query.get('order') || this.spec.defaultOrder;
    if (!(order in this.spec.columns)) throw new ListParamError([`Input Error - order: column '${order}' was not found`]);

    const filters: ListParams['filters'] = [];
    const seen = new Set<string>();
    for (const [key, value] of query) {
      if (RESERVED.has(key) || seen.has(key) || !(key in this.spec.columns)) continue;
      seen.add(key);
      const values = this.spec.listFilterColumns?.includes(key) ? value.split(',') : [value];
      filters.push({column: key, values});
    }
    return {limit, offset: offset ?? 0, order, direction, search: query.get('search') ?? '', recurse, filters};
  }

  /** Items visible in `tenants` that pass search and filters, in order; `total` is before paging. */
  list(params: ListParams, tenants: ReadonlySet<string>): {total: number; items: T[]} {
    const {items} = this.spec;
    const order = this.sortedBy(params.order);
    const search = params.search ? likeMatcher(params.search, SEPARATOR) : null;
    const filters = params.filters.map((filter) => this.filterPredicate(filter.column, filter.values));
    const start = params.offset;
    const end = params.limit === null ? Number.POSITIVE_INFINITY : start + params.limit;
    const page: T[] = [];
    let total = 0;
    const count = order.length;
    for (let step = 0; step < count; step++) {
      const index = order[params.direction === 'asc' ? step : count - 1 - step] ?? 0;
      const item = items[index];
      if (item === undefined || !tenants.has(this.spec.tenantOf(item))) continue;
      if (search && !search(this.haystacks[index] ?? '')) continue;
      if (filters.length > 0 && !filters.every((predicate) => predicate(item))) continue;
      if (total >= start && total < end) page.push(item);
      total++;
    }
    return {total, items: page};
  }

  private column(name: string): (item: T) => ColumnValue {
    const getter = this.spec.columns[name];
    if (!getter) throw new Error(`unknown column ${name}`);
    return getter;
  }

  private integerParam(query: URLSearchParams, name: string, messages: string[]): number | null {
    const text = query.get(name);
    if (text === null) return null;
    if (!INTEGER.test(text)) {
      messages.push(`Input Error - ${name}: ${pythonReprValue([typeError('integer')])}`);
      return null;
    }
    const value = Number.parseInt(text, 10);
    if (value < 0) {
      const range = {constraint_id: 'range', constraint: {min: 0}, message: 'Must be greater than or equal to 0.'};
      messages.push(`Input Error - ${name}: ${pythonReprValue([range])}`);
      return null;
    }
    return value;
  }

  /** `column == value` as SQL compares it: exact, case-sensitive; a non-integer never equals an int column. */
  private filterPredicate(name: string, values: string[]): (item: T) => boolean {
    const getter = this.column(name);
    return (item) => {
      const actual = getter(item);
      if (actual === null) return false;
      return values.some((value) => {
        if (typeof actual === 'number') return INTEGER.test(value) && Number.parseInt(value, 10) === actual;
        if (typeof actual === 'boolean') {
          const lowered = value.toLowerCase();
          return actual ? TRUE.has(lowered) : FALSE.has(lowered);
        }
        return actual === value;
      });
    };
  }

  /** Item indexes sorted ascending by `name`, computed once per column. Descending walks it backwards. */
  private sortedBy(name: string): Int32Array {
    const cached = this.orders.get(name);
    if (cached) return cached;
    const {items} = this.spec;
    const getter = this.column(name);
    const keys = items.map((item) => sortKey(getter(item), this.spec.collated));
    const ids = items.map((item) => this.spec.id(item));
    const order = Int32Array.from(items.keys());
    order.sort((a, b) => compareKeys(keys[a] ?? EMPTY, keys[b] ?? EMPTY) || (ids[a] ?? 0) - (ids[b] ?? 0));
    this.orders.set(name, order);
    return order;
  }
}

type SortKey = {empty: boolean; value: number | string};
const EMPTY: SortKey = {empty: true, value: ''};

/**
 * Strings compare case- and accent-insensitively (the raw value breaks ties), nulls go last, and in a
 * collated sort '' counts as null. Descending order is the exact reverse, so empty values come first
 * there, as with PostgreSQL's NULLS FIRST and Python's `sorted(reverse=True)`.
 */
function sortKey(value: ColumnValue, collated: boolean): SortKey {
  if (value === null || (collated && value === '')) return EMPTY;
  if (typeof value === 'number') return {empty: false, value};
  if (typeof value === 'boolean') return {empty: false, value: value ? 1 : 0};
  return {empty: false, value: `${fold(value)}\u0000${value}`};
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.empty !== b.empty) return a.empty ? 1 : -1;
  if (a.value < b.value) return -1;
  if (a.value > b.value) return 1;
  return 0;
}
