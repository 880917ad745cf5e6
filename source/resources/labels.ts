/**
 * How records name each other in cells, summaries and relation titles (raw text, not sanitised).
 */
import type {Relation} from './types.js';

/** `Firstname Lastname`, skipping missing parts. */
export function fullName(person: {firstname?: string | null; lastname?: string | null}): string {
  return [person.firstname, person.lastname].filter((part) => part !== undefined && part !== null && part !== '').join(' ');
}

/** `exten@context`, the way Asterisk and Wazo write an extension. */
export function extensionLabel(extension: {exten: string; context: string}): string {
  return `${extension.exten}@${extension.context}`;
}

/** The relation to an extension embedded in a line (from a user's lines or from a line). */
export function extensionRelation(extension: {id: number; exten: string; context: string}): Relation {
  return {label: 'Extension', collection: 'extensions', id: extension.id, title: extensionLabel(extension)};
}

/** A line's name, or `#id` for a line without one. */
export function lineLabel(line: {id: number; name?: unknown}): string {
  return typeof line.name === 'string' && line.name !== '' ? line.name : `#${line.id}`;
}

/** `Name <number>` like a SIP caller id; either part may be missing. */
export function callerIdLabel(name: string | null | undefined, number: string | null | undefined): string {
  const parts = [];
  if (name) parts.push(name);
  if (number) parts.push(`<${number}>`);
  return parts.join(' ');
}
