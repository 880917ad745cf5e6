/**
 * The lines of the detail view, built once per record: related records first (they are what
 * Enter follows), then every field by group; or the raw JSON. Pure, so it is tested without Ink.
 */
import type {Relation, AnyResourceDescriptor} from '../resources/types.js';
import {safe, sanitize, type SafeText} from '../text/sanitize.js';
import {spellOut} from '../text/terminal-safe.js';

export type DetailLine =
  | {kind: 'title'; text: SafeText}
  | {kind: 'field'; label: SafeText; value: SafeText}
  | {kind: 'relation'; relation: Relation; text: SafeText}
  | {kind: 'raw'; text: SafeText}
  | {kind: 'blank'};

export function detailLines(descriptor: AnyResourceDescriptor, item: unknown): DetailLine[] {
  const lines: DetailLine[] = [];
  const relations = descriptor.relations(item as never);
  if (relations.length > 0) {
    lines.push({kind: 'title', text: safe`Related (Enter opens)`});
    for (const relation of relations) {
      lines.push({kind: 'relation', relation, text: safe`${sanitize(relation.label)}  ${sanitize(relation.title)}`});
    }
    lines.push({kind: 'blank'});
  }
  for (const group of descriptor.detail(item as never)) {
    lines.push({kind: 'title', text: sanitize(group.title)});
    for (const field of group.fields) {
      lines.push({kind: 'field', label: sanitize(field.label), value: displayValue(field.value)});
    }
    lines.push({kind: 'blank'});
  }
  return lines;
}

function displayValue(value: unknown): SafeText {
  if (value === null || value === undefined) return safe`—`;
  if (value === '') return safe`(empty)`;
  if (typeof value === 'boolean') return value ? safe`yes` : safe`no`;
  return sanitize(value);
}

/**
 * The record as the server sent it, pretty-printed; JSON.stringify escapes control characters,
 * spellOut what the table shapes (so every code point shows), and the sanitiser takes care of
 * bidirectional overrides and other invisible characters.
 */
export function rawLines(item: unknown): DetailLine[] {
  return JSON.stringify(item, null, 2)
    .split('\n')
    .map((text) => ({kind: 'raw', text: sanitize(spellOut(text))}));
}

/** Where the cursor starts: on the first related record, else on the first line. */
export function firstRelation(lines: readonly DetailLine[]): number {
  return Math.max(0, lines.findIndex((line) => line.kind === 'relation'));
}
