/**
 * How records name each other in cells, summaries and relation titles (raw text, not sanitised).
 */
import type {Relation} from './types.js';

/** `Firstname Lastname`, skipping missing parts. */
export function fullName(person: {firstname?: string | null; lastname?: string | null}): string {
  return [person.firstname, person.lastname].filter((part) => part !== undefined && part !== null && part !== '').join(' ');
}

/**
 * `exten@context`, the way Asterisk and Wazo write an extension; the exten alone without a context,
 * nothing without an exten (confd.yml requires neither in an embedded extension).
 */
export function extensionLabel(extension: {exten?: string | null; context?: string | null}): string {
  if (!extension.exten) return '';
  return extension.context ? `${extension.exten}@${extension.context}` : extension.exten;
}

/** The relation to an extension embedded in a line (from a user's lines or from a line), if it has an id to open. */
export function extensionRelation(extension: {id?: number | null; exten?: string | null; context?: string | null}): Relation[] {
  if (typeof extension.id !== 'number') return [];
  return [{label: 'Extension', collection: 'extensions', id: extension.id, title: extensionLabel(extension) || `#${extension.id}`}];
}

/** The relation to a line (from a user or an extension), if it has an id to open. */
export function lineRelation(line: {id?: number | null; name?: unknown}): Relation[] {
  return typeof line.id === 'number' ? [{label: 'Line', collection: 'lines', id: line.id, title: lineLabel(line)}] : [];
}

/** A line's name, or `#id` for a line without one (`(no name)` when confd sends no id either). */
export function lineLabel(line: {id?: number | null; name?: unknown}): string {
  if (typeof line.name === 'string' && line.name !== '') return line.name;
  return typeof line.id === 'number' ? `#${line.id}` : '(no name)';
}

/** `Name <number>` like a SIP caller id; either part may be missing. */
export function callerIdLabel(name: string | null | undefined, number: string | null | undefined): string {
  const parts = [];
  if (name) parts.push(name);
  if (number) parts.push(`<${number}>`);
  return parts.join(' ');
}
