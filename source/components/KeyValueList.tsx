/**
 * The detail view's body: group titles and `label  value` rows, exactly `height` lines from a
 * scroll offset. Values are raw server values, sanitised and cut here. Relation rows (`link`) can
 * be selected: the selected one is inverse with a `›` marker.
 */
import {memo} from 'react';
import {Box, Text} from 'ink';
import {sanitize} from '../text/sanitize.js';
import {displayWidth, pad, truncate} from '../text/width.js';
import {useTheme} from '../theme.js';

/** One `label  value` row. */
export interface KeyValueRow {
  /** Stable id, used for selection. */
  key: string;
  label: string;
  value: unknown;
  /** A relation that Enter follows (user → line…). */
  link?: boolean;
}

/** A titled group of rows. */
export interface KeyValueGroup {
  title: string;
  rows: readonly KeyValueRow[];
}

/** One screen line of the list. */
export type KeyValueLine = {kind: 'title'; text: string} | {kind: 'row'; row: KeyValueRow} | {kind: 'blank'};

/** The lines the groups take: a title per group, its rows, a blank line between groups. */
export function keyValueLines(groups: readonly KeyValueGroup[]): KeyValueLine[] {
  return groups.flatMap((group, index): KeyValueLine[] => [
    ...(index > 0 ? [{kind: 'blank'} as const] : []),
    {kind: 'title', text: group.title},
    ...group.rows.map((row) => ({kind: 'row', row}) as const),
  ]);
}

/** The line index of the row with `key` (for scrolling it into view), or -1. */
export function lineOfKey(groups: readonly KeyValueGroup[], key: string): number {
  return keyValueLines(groups).findIndex((line) => line.kind === 'row' && line.row.key === key);
}

/** Props of {@link KeyValueList}. */
export interface KeyValueListProps {
  groups: readonly KeyValueGroup[];
  width: number;
  height: number;
  /** First line shown (clamped so the list never scrolls past its end). */
  offset: number;
  selectedKey?: string;
}

/** The key/value list (see the module comment). */
export function KeyValueList({groups, width, height, offset, selectedKey}: KeyValueListProps) {
  const lines = keyValueLines(groups);
  const labels = lines.flatMap((line) => (line.kind === 'row' ? [displayWidth(sanitize(line.row.label))] : []));
  const labelWidth = Math.min(Math.max(0, ...labels), Math.floor(width / 3));
  const start = Math.min(Math.max(0, offset), Math.max(0, lines.length - height));
  const shown = Array.from({length: Math.max(0, height)}, (_, index) => lines[start + index]);
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((line, index) => {
        if (line === undefined || line.kind === 'blank') return <ListLine key={index} head=" " kind="blank" />;
        if (line.kind === 'title') return <ListLine key={index} head={truncate(sanitize(line.text), width)} kind="title" />;
        const selected = line.row.key === selectedKey;
        const head = `${selected ? '›' : ' '} ${pad(sanitize(line.row.label), labelWidth)}  `;
        const value = truncate(sanitize(line.row.value), width - labelWidth - 4);
        return <ListLine key={index} head={head} value={value} kind={line.row.link === true ? 'link' : 'row'} selected={selected} />;
      })}
    </Box>
  );
}

interface ListLineProps {
  head: string;
  value?: string;
  kind: 'title' | 'row' | 'link' | 'blank';
  selected?: boolean;
}

const ListLine = memo(function ListLine({head, value = '', kind, selected = false}: ListLineProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" inverse={selected} {...(kind === 'title' ? {bold: true, ...theme.accent} : {})}>
      {head}
      {kind === 'link' ? (
        <Text underline {...theme.accent}>
          {value}
        </Text>
      ) : (
        value
      )}
    </Text>
  );
});
