/**
 * One confd collection as a table: a title line (`rows A–B of TOTAL`, search, sort) over the
 * rows in view. Loads exactly the window it shows (the Collection prefetches the next page).
 */
import {useEffect, useMemo} from 'react';
import {Box, Text} from 'ink';
import {Table, type TableRow} from '../components/Table.js';
import {useCollection} from '../hooks/use-collection.js';
import type {Collection} from '../resources/collection.js';
import type {SelectionState} from '../resources/selection.js';
import type {AnyResourceDescriptor} from '../resources/types.js';
import {unavailableStatus} from '../resources/error-status.js';
import {sanitize, type SafeText} from '../text/sanitize.js';
import {truncate, truncateStart} from '../text/width.js';
import {useTheme} from '../theme.js';

export interface CollectionTableProps {
  descriptor: AnyResourceDescriptor;
  collection: Collection<unknown>;
  selection: SelectionState;
  width: number;
  /** Body rows (the title and column header come on top). */
  height: number;
  /** The total or the query changed: the selection must follow. */
  onTotal(total: number, queryVersion: number): void;
  /** Shown in place of the search summary while the search field is open. */
  searchField?: React.ReactNode;
  /** For a filtered list opened from a record: the path to it, shown as its title. */
  trail?: readonly SafeText[];
}

/**
 * A record's row, made once while its page is held: a page move shows 44 rows again that were all
 * sanitised before, and their cells were a tenth of the memory a key allocated (sampling heap
 * profile of a walk of 200 PgDn). Keyed by the record, so a dropped page takes its rows along.
 */
const rowsOfRecords = new WeakMap<object, {descriptor: AnyResourceDescriptor; row: TableRow}>();
function tableRow(descriptor: AnyResourceDescriptor, item: object): TableRow {
  const known = rowsOfRecords.get(item);
  if (known?.descriptor === descriptor) return known.row;
  const columns = descriptor.columns as AnyResourceDescriptor['columns'];
  const row = {key: descriptor.key(item as never), cells: columns.map((column) => sanitize(column.value(item as never)))};
  rowsOfRecords.set(item, {descriptor, row});
  return row;
}

export function CollectionTable({descriptor, collection, selection, width, height, onTotal, searchField, trail}: CollectionTableProps) {
  const theme = useTheme();
  const snapshot = useCollection(collection);
  const {top} = selection;

  useEffect(() => {
    collection.ensure(top, height);
  }, [collection, top, height, snapshot.queryVersion]);

  // Another Collection (a new tenant) can have the same total and version: it is news all the same.
  useEffect(() => {
    if (snapshot.total !== undefined) onTotal(snapshot.total, snapshot.queryVersion);
  }, [collection, snapshot.total, snapshot.queryVersion]);

  const columns = descriptor.columns as AnyResourceDescriptor['columns'];
  const rows = useMemo(() => {
    const window = snapshot.rows(top, height);
    return window.map((item): TableRow | undefined => (item === undefined ? undefined : tableRow(descriptor, item as object)));
  }, [snapshot, top, height, descriptor]);
  const visible = snapshot.total === undefined ? rows : rows.slice(0, Math.max(0, snapshot.total - top));
  const sortColumn = columns.find((column) => column.sortKey === snapshot.order)?.id;

  const total = snapshot.total;
  // Nothing could be loaded: say so instead of showing placeholders that look like a slow server.
  const failed = total === undefined && snapshot.status.kind === 'error';
  // A collection the server lacks or the token may not read is said so in place of the rows.
  const unavailable = failed && snapshot.status.kind === 'error' ? unavailableStatus(snapshot.status.error, descriptor) : undefined;
  const range =
    total === undefined
      ? failed
        ? unavailable
          ? 'not available'
          : 'not loaded'
        : 'loading…'
      : total === 0
        ? 'no rows'
        : `rows ${top + 1}–${Math.min(top + height, total)} of ${total}`;
  const parts = [range];
  if (snapshot.search) parts.push(`search “${sanitize(snapshot.search)}”: ${total ?? '…'} match${total === 1 ? '' : 'es'}`);
  parts.push(`sort ${snapshot.order} ${snapshot.direction === 'asc' ? '▲ asc' : '▼ desc'}`);
  if (snapshot.status.kind === 'loading') parts.push('loading…');
  const title = trail && trail.length > 0 ? `${truncateStart(trail.join(' › '), Math.floor(width / 2))} › ${descriptor.title}  ` : `${descriptor.title}  `;

  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Text bold {...theme.accent}>
          {title}
        </Text>
        {searchField ?? <Text>{truncate(parts.join(' · '), Math.max(0, width - title.length))}</Text>}
      </Box>
      <Table
        columns={columns}
        rows={failed ? [] : visible}
        selected={selection.selected - top}
        width={width}
        height={height}
        sortColumn={sortColumn}
        sortDirection={snapshot.direction}
        emptyText={
          unavailable
            ? unavailable.text
            : failed
            ? 'could not load these rows: the status line below says why (r retries)'
            : total === 0
              ? snapshot.search
                ? `nothing matches “${sanitize(snapshot.search)}” (Esc clears)`
                : 'no records'
              : 'loading…'
        }
      />
    </Box>
  );
}
