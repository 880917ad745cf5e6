/**
 * What a confd collection looks like to the screens: columns, detail groups and relations.
 * Adding a collection means writing one descriptor, not one screen.
 */
import type {ConfdCollection, ConfdItem, ConfdListed, ConfdView} from '../api/contract.js';

/** One table column. Values are raw server data: the Table sanitises and truncates them. */
export interface ColumnSpec<T> {
  id: string;
  title: string;
  /** 1 is always shown; higher numbers are dropped first when the terminal is narrow. */
  priority: number;
  /** Fixed width in cells; when absent the column shares the remaining width by `flex`. */
  width?: number;
  minWidth?: number;
  flex?: number;
  align?: 'left' | 'right';
  /**
   * The cell's raw value (string, number, boolean, null or undefined), NOT sanitised. A method, so a
   * descriptor of one view is also a descriptor of its collection (the registry's common type).
   */
  value(item: T): unknown;
  /** The confd `order=` column this column sorts by, when it is sortable. */
  sortKey?: string;
}

/** A record reachable from another one (user → line, line → extension …). */
export interface Relation {
  /** What the related record is, e.g. `Line`. */
  label: string;
  collection: ConfdCollection;
  /** What `GET /{collection}/{id}` accepts (users also answer to their uuid). */
  id: number | string;
  /** How to name the related record; raw server text. */
  title: string;
}

/** One field of the detail view. */
export interface DetailField {
  /** The field's path in the record (`forwards.busy.enabled`); raw. */
  label: string;
  /** A scalar (string, number, boolean or null), raw; secrets are replaced by {@link HIDDEN}. */
  value: unknown;
}

/** A titled group of fields in the detail view. */
export interface DetailGroup {
  title: string;
  fields: DetailField[];
}

/**
 * Everything the screens need to list, show and link the records of one confd collection. Tables
 * list rows in `listView` (V); the detail view, `detail` and `relations` read the full record.
 */
export interface ResourceDescriptor<C extends ConfdCollection, V extends ConfdView<C> | undefined = ConfdView<C> | undefined> {
  name: C;
  /**
   * The lightest form confd lists the collection in (`summary` for users: a tenth of the bytes),
   * which tables and script rows ask for; undefined when confd offers only the default (full) form.
   * The columns and `key` read that form, so they may use only what it carries.
   */
  listView: V;
  /** Title of the screen (`Users`). */
  title: string;
  /** Names the `:` command line accepts besides `name`, without the colon (`user`, `u`). */
  aliases: string[];
  /** The ACL a token needs to list the collection (`confd.users.read`). */
  acl: string;
  /** The table's columns; the first also names the full record in the detail's title, so it reads fields both forms carry. */
  columns: ColumnSpec<ConfdListed<C, V>>[];
  /** confd's own default `order=` column. */
  defaultOrder: string;
  /** The `order=` columns confd accepts for this collection, in the order `s` cycles through them. */
  sortColumns: string[];
  /** The row key: stable across pages and refreshes. */
  key(item: ConfdListed<C, V>): string;
  /** Every field of the record, grouped; unknown fields end up in an `Other` group. */
  detail(item: ConfdItem[C]): DetailGroup[];
  /** The records this one links to, in the order the detail view lists them. */
  relations(item: ConfdItem[C]): Relation[];
}

/** A descriptor of any collection: what the registry hands out. */
export type AnyResourceDescriptor = {[C in ConfdCollection]: ResourceDescriptor<C>}[ConfdCollection];

/** What the detail view shows in place of a secret (legacy SIP/CTI passwords, permission PINs). */
export const HIDDEN = '(hidden)';
