/**
 * One record, fetched fresh (`GET /{collection}/{id}`): related records first, then every field
 * by group, or the raw JSON with `y`. The cursor position lives in the Main reducer, so Esc
 * back from a followed relation lands on the same line.
 */
import {useEffect, useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import type {ConfdCollection} from '../api/contract.js';
import {redactSecrets} from '../resources/detail.js';
import {descriptorFor} from '../resources/registry.js';
import type {AnyResourceDescriptor} from '../resources/types.js';
import {pad, truncate, truncateStart} from '../text/width.js';
import {safe, sanitize, type SafeText} from '../text/sanitize.js';
import {useTheme} from '../theme.js';
import {detailLines, firstRelation, rawLines, type DetailLine} from './detail-lines.js';
import type {RecordReader} from './workspace.js';

export interface DetailProps {
  /** Fetches the record (in the working tenant). */
  read: RecordReader;
  collection: ConfdCollection;
  id: number | string;
  raw: boolean;
  /** How the path names this record (`Member`, `Group`); default: the collection's title, singular. */
  label?: string;
  /** The records opened before this one (`User Émilie`, `Group Sales`), shown before its title. */
  trail?: readonly SafeText[];
  /** The line under the cursor; negative until placed, shown on the first related record. */
  selected: number;
  width: number;
  height: number;
  /** Reload counter: `r` bumps it. */
  reload: number;
  onLines(lines: readonly DetailLine[], initial: number): void;
  onError(error: unknown): void;
}

type Loaded = {kind: 'loading'} | {kind: 'ok'; item: unknown} | {kind: 'error'};

export function Detail(props: DetailProps) {
  const theme = useTheme();
  const [loaded, setLoaded] = useState<Loaded>({kind: 'loading'});
  const descriptor = descriptorFor(props.collection) as AnyResourceDescriptor;

  useEffect(() => {
    const controller = new AbortController();
    setLoaded((current) => (current.kind === 'ok' ? current : {kind: 'loading'}));
    props.read(props.collection, props.id, controller.signal).then(
      (item) => setLoaded({kind: 'ok', item}),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({kind: 'error'});
        props.onError(error);
      },
    );
    return () => controller.abort();
  }, [props.collection, props.id, props.reload]);

  const lines = useMemo(
    () => (loaded.kind !== 'ok' ? [] : props.raw ? rawLines(redactSecrets(loaded.item)) : detailLines(descriptor, loaded.item)),
    [loaded, props.raw, descriptor],
  );
  useEffect(() => {
    if (loaded.kind === 'ok') props.onLines(lines, 0);
  }, [lines]);

  const name = sanitize(loaded.kind === 'ok' ? (descriptor.columns[0]?.value(loaded.item as never) ?? '') : String(props.id));
  const here = safe`${sanitize(props.label ?? descriptor.title.replace(/s$/, ''))} ${name}${sanitize(props.raw ? ' · raw JSON' : '')}`;
  // The path taken, newest last: `User Émilie › Group Sales › Member Bob`; a long one keeps its end.
  const title = (props.trail ?? []).reduceRight((text, step) => safe`${step} › ${text}`, here);
  const bodyHeight = Math.max(1, props.height - 1);
  // A negative selection is not placed yet: the cursor starts on the first related record.
  const selected = Math.min(props.selected < 0 ? firstRelation(lines) : props.selected, Math.max(0, lines.length - 1));
  const top = Math.max(0, Math.min(selected - Math.floor(bodyHeight / 2), lines.length - bodyHeight));
  const labelWidth = Math.min(32, Math.max(12, Math.floor(props.width / 3)));

  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold {...theme.accent}>
        {(props.trail?.length ?? 0) > 0 ? truncateStart(title, props.width) : truncate(title, props.width)}
      </Text>
      {loaded.kind === 'loading' ? <Text {...theme.dim}>loading…</Text> : null}
      {loaded.kind === 'error' ? <Text {...theme.danger}>could not load this record (see the status line; r retries)</Text> : null}
      {lines.slice(top, top + bodyHeight).map((line, offset) => {
        const index = top + offset;
        const isSelected = index === selected;
        const text = lineText(line, labelWidth, props.width - 2);
        return (
          <Text key={index} inverse={isSelected} bold={line.kind === 'title'} {...(line.kind === 'relation' && !isSelected ? theme.accent : {})}>
            {(isSelected ? '› ' : '  ') + text}
          </Text>
        );
      })}
    </Box>
  );
}

function lineText(line: DetailLine, labelWidth: number, width: number): SafeText {
  switch (line.kind) {
    case 'title':
    case 'raw':
    case 'relation':
      return truncate(line.text, width);
    case 'field':
      return truncate(safe`${pad(truncate(line.label, labelWidth - 1), labelWidth)}${line.value}`, width);
    case 'blank':
      return safe``;
  }
}
