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
  tenantOf(item: T): string;
  /** Every column: exact filters, and `order` unless `sortColumns` narrows it. */
  columns: Record<string, (item: T) => ColumnValue>;
  searchColumns: readonly string[];
  /** The columns `order` accepts, when fewer than `columns` (xivo-dao's `sort=`). */
  sortColumns?: readonly string[];
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

/**
 * confd's ListSchema (marshmallow): `limit` and `offset` non-negative integers, `recurse` a boolean;
 * every error of the three at once. What a DAO then refuses (limit 0, a bad order) is checked after.
 */
export function parseListSchema(query: URLSearchParams): {limit: number | null; offset: number; recurse: boolean} {
  const messages: string[] = [];
  const limit = integerParam(query, 'limit', messages);
  const offset = integerParam(query, 'offset', messages);
  let recurse = false;
  const recurseText = query.get('recurse');
  if (recurseText !== null) {
    const lowered = recurseText.toLowerCase();
    if (TRUE.has(lowered)) recurse = true;
    else if (!FALSE.has(lowered)) messages.push(`Input Error - recurse: ${pythonReprValue([typeError('boolean')])}`);
  }
  if (messages.length > 0) throw new ListParamError(messages);
  return {limit, offset: offset ?? 0, recurse};
}

function integerParam(query: URLSearchParams, name: string, messages: string[]): number | null {
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

/**
 * The search index of one collection: folded haystacks, each item's tenant as a small number, and
 * sorted orders. Items must be in id order (the generator makes them so), which breaks sort ties.
 */
export class CollectionIndex<T> {
  private readonly haystacks: string[];
  private readonly tenantIndex: Uint8Array;
  private readonly tenantNumbers = new Map<string, number>();
  private readonly orders = new Map<string, Int32Array>();

  constructor(readonly spec: CollectionSpec<T>) {
    const getters = spec.searchColumns.map((name) => this.column(name));
    const {items} = spec;
    this.haystacks = new Array<string>(items.length);
    this.tenantIndex = new Uint8Array(items.length);
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as T;
      const parts = new Array<string>(getters.length);
      for (let column = 0; column < getters.length; column++) {
        const value = (getters[column] as (item: T) => ColumnValue)(item);
        const text = value === null ? '' : String(value);
        parts[column] = fold(text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, '') : text);
      }
      // join() gives a flat string, which substring search scans fastest.
      this.haystacks[index] = parts.join(SEPARATOR);
      this.tenantIndex[index] = this.tenantNumber(spec.tenantOf(item));
    }
    this.sortedBy(spec.defaultOrder);
  }

  /** Parse and validate a query string the way confd does, first schema errors then DAO errors. */
  parse(query: URLSearchParams): ListParams {
    const {limit, offset, recurse} = parseListSchema(query);
    if (limit !== null && limit <= 0) {
      throw new ListParamError(["Input Error - field 'limit': wrong type. Should be a positive number"]);
    }
    const direction = query.get('direction') ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw new ListParamError(["Input Error - direction: must be 'asc' or 'desc'"]);
    }
    const order = query.get('order') || this.spec.defaultOrder;
    if (!(order in this.spec.columns) || (this.spec.sortColumns && !this.spec.sortColumns.includes(order))) throw new ListParamError([`Input Error - order: column '${order}' was not found`]);

    const filters: ListParams['filters'] = [];
    const seen = new Set<string>();
    for (const [key, value] of query) {
      if (RESERVED.has(key) || seen.has(key) || !(key in this.spec.columns)) continue;
      seen.add(key);
      const values = this.spec.listFilterColumns?.includes(key) ? value.split(',') : [value];
      filters.push({column: key, values});
    }
    return {limit, offset, order, direction, search: query.get('search') ?? '', recurse, filters};
  }

  /** Items visible in `tenants` that pass search and filters, in order; `total` is before paging. */
  list(params: ListParams, tenants: ReadonlySet<string>): {total: number; items: T[]} {
    const {items} = this.spec;
    const visible = new Uint8Array(this.tenantNumbers.size + 1);
    for (const [uuid, number] of this.tenantNumbers) if (tenants.has(uuid)) visible[number] = 1;
    const order = this.sortedBy(params.order);
    const search = params.search ? likeMatcher(params.search, SEPARATOR) : null;
    const filters = params.filters.map((filter) => this.filterPredicate(filter.column, filter.values));
    const start = params.offset;
    const end = params.limit === null ? Number.POSITIVE_INFINITY : start + params.limit;
    const ascending = params.direction === 'asc';
    const {haystacks, tenantIndex} = this;
    // Match in storage order first (a sequential scan is several times faster than one in sort
    // order over 100 000 strings), then walk the sort order over the matches.
    const matches = search === null ? null : new Uint8Array(haystacks.length);
    if (matches !== null && search !== null) {
      for (let index = 0; index < haystacks.length; index++) {
        if (visible[tenantIndex[index] as number] !== 0 && search(haystacks[index] as string)) matches[index] = 1;
      }
    }
    const page: T[] = [];
    let total = 0;
    const count = order.length;
    for (let step = 0; step < count; step++) {
      const index = order[ascending ? step : count - 1 - step] as number;
      if (visible[tenantIndex[index] as number] === 0) continue;
      if (matches !== null && matches[index] === 0) continue;
      if (filters.length > 0 && !filters.every((predicate) => predicate(items[index] as T))) continue;
      if (total >= start && total < end) page.push(items[index] as T);
      total++;
    }
    return {total, items: page};
  }

  private tenantNumber(uuid: string): number {
    let number = this.tenantNumbers.get(uuid);
    if (number === undefined) {
      number = this.tenantNumbers.size + 1;
      if (number > 255) throw new RangeError('the demo index supports at most 255 tenants');
      this.tenantNumbers.set(uuid, number);
    }
    return number;
  }

  private column(name: string): (item: T) => ColumnValue {
    const getter = this.spec.columns[name];
    if (!getter) throw new Error(`unknown column ${name}`);
    return getter;
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

  /**
   * Item indexes sorted ascending by `name`, computed once per column. Strings compare case- and
   * accent-insensitively (the raw value breaks ties) and empty values go last. Descending order walks
   * this backwards, so empty values come first there, as with PostgreSQL's NULLS FIRST and Python's
   * `sorted(reverse=True)` in confd's collated user sort.
   */
  private sortedBy(name: string): Int32Array {
    const cached = this.orders.get(name);
    if (cached) return cached;
    const {items, collated} = this.spec;
    const getter = this.column(name);
    const size = items.length;
    // Keys live in flat arrays: 1 marks an empty value (null, or '' when collated), which sorts last.
    const empty = new Uint8Array(size);
    const numbers = new Float64Array(size);
    const strings = new Array<string>(size).fill('');
    let numeric = true;
    for (let index = 0; index < size; index++) {
      const value = getter(items[index] as T);
      if (value === null || (collated && value === '')) empty[index] = 1;
      else if (typeof value === 'number') numbers[index] = value;
      else if (typeof value === 'boolean') numbers[index] = value ? 1 : 0;
      else {
        numeric = false;
        strings[index] = `${fold(value)}\u0000${value}`;
      }
    }
    const order = new Int32Array(size);
    for (let index = 0; index < size; index++) order[index] = index;
    order.sort((a, b) => {
      const emptiness = (empty[a] as number) - (empty[b] as number);
      if (emptiness !== 0) return emptiness;
      if (numeric) return (numbers[a] as number) - (numbers[b] as number) || a - b;
      const left = strings[a] as string;
      const right = strings[b] as string;
      return left < right ? -1 : left > right ? 1 : a - b;
    });
    this.orders.set(name, order);
    return order;
  }
}
