/**
 * Turns a confd record into readable detail groups: every field, nested objects flattened
 * into dotted paths, secrets hidden, fields nobody listed gathered in an `Other` group.
 */
import {HIDDEN, type DetailField, type DetailGroup} from './types.js';

/** How one descriptor arranges its record in the detail view. */
export interface DetailLayout {
  /** Known top-level keys, grouped; keys missing from the record are skipped. */
  groups: Array<{title: string; keys: string[]}>;
  /** Top-level array keys shown one line per element (`lines[0]`: a summary) instead of flattened. */
  summaries?: Record<string, (element: unknown) => string>;
}

/** Title of the group holding the keys no layout group lists (fields of newer servers included). */
export const OTHER_GROUP = 'Other';

// Matches the last path segment: `password`, `call_permission_password`, `auth_section_options.password`,
// a PJSIP `md5_cred`, a conference's `pin` and `admin_pin`, a voicemail's `password` (its PIN).
const SECRET_KEY = /password|secret|cred|(^|_)pin$/i;

/** Whether a field path names a secret that the detail view must not print. */
export function isSecretPath(path: string): boolean {
  const last = path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
  return SECRET_KEY.test(last);
}

/** A secret's value is hidden; a flag about it (`ask_password`) and an absent one (null) are not secrets. */
function isSecretValue(path: string, value: unknown): boolean {
  return isSecretPath(path) && typeof value !== 'boolean' && value !== null && value !== undefined;
}

/**
 * The record with every secret replaced by {@link HIDDEN}, for the raw JSON view: object fields by
 * name, PJSIP `[key, value]` pairs by key, at any depth.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length > 0 && isPairList(value)) return value.map(([key, entry]) => [key, isSecretValue(key, entry) ? HIDDEN : redactSecrets(entry)]);
    return value.map(redactSecrets);
  }
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, isSecretValue(key, entry) ? HIDDEN : redactSecrets(entry)]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object';
}

/** `[["username", "x"], ["password", "y"]]`: PJSIP option lists, shown as `path.username`. */
function isPairList(value: unknown[]): value is Array<[string, unknown]> {
  return value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string');
}

/**
 * Flattens one value into scalar fields: objects to `path.key`, arrays of scalars to one
 * comma-separated field, arrays of objects to `path[i].key`; empty containers become null.
 */
export function flattenValue(path: string, value: unknown): DetailField[] {
  if (isSecretValue(path, value)) return [{label: path, value: HIDDEN}];
  if (isScalar(value)) return [{label: path, value: value ?? null}];
  if (Array.isArray(value)) {
    if (value.length === 0) return [{label: path, value: null}];
    if (value.every(isScalar)) return [{label: path, value: value.map((entry) => String(entry ?? '')).join(', ')}];
    if (isPairList(value)) return value.flatMap(([key, entry]) => flattenValue(`${path}.${key}`, entry));
    return value.flatMap((entry, index) => flattenValue(`${path}[${index}]`, entry));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [{label: path, value: null}];
  return entries.flatMap(([key, entry]) => flattenValue(`${path}.${key}`, entry));
}

function fieldsFor(key: string, value: unknown, layout: DetailLayout): DetailField[] {
  const summary = layout.summaries?.[key];
  if (summary && Array.isArray(value) && !isSecretPath(key)) {
    if (value.length === 0) return [{label: key, value: null}];
    return value.map((element, index) => ({label: `${key}[${index}]`, value: summary(element)}));
  }
  return flattenValue(key, value);
}

/** Builds the detail groups of a record: the layout's groups in order, then `Other`. */
export function buildDetail(record: Record<string, unknown>, layout: DetailLayout): DetailGroup[] {
  const listed = new Set<string>();
  const groups: DetailGroup[] = [];
  for (const group of layout.groups) {
    const fields: DetailField[] = [];
    for (const key of group.keys) {
      listed.add(key);
      if (Object.hasOwn(record, key)) fields.push(...fieldsFor(key, record[key], layout));
    }
    if (fields.length > 0) groups.push({title: group.title, fields});
  }
  const other = Object.keys(record)
    .filter((key) => !listed.has(key))
    .flatMap((key) => fieldsFor(key, record[key], layout));
  if (other.length > 0) groups.push({title: OTHER_GROUP, fields: other});
  return groups;
}

/** Reads a string-ish field of a loosely typed object, or '' when absent. */
export function textOf(value: unknown, key: string): string {
  if (!isRecord(value)) return '';
  const field = value[key];
  return typeof field === 'string' || typeof field === 'number' ? String(field) : '';
}
