/**
 * Every answer is parsed and validated once, here, against the zod schemas: a wrong shape becomes
 * an ApiError('malformed') that names the service, the request and the first wrong field.
 */
import type {z} from 'zod';
import {ApiError} from './errors.js';
import {serviceName, type Service} from './request.js';

/** Which request an answer belongs to, for the message. */
export interface AnswerSource {
  service: Service;
  /** `GET /users`. */
  label: string;
}

/** Parse a JSON body and validate it; extra fields are kept, a wrong or missing required field is an error. */
export function decodeAnswer<S extends z.ZodType>(schema: S, body: string, source: AnswerSource): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new ApiError('malformed', `The server's answer to ${source.label} is not JSON, so it is not ${serviceName(source.service)}`, {
      request: source.label,
      hint: 'Check the server address and --auth-url / --confd-url: something else answers on that URL.',
    });
  }
  if (deeperThan(value, MAX_DEPTH)) {
    // Wazo answers nest a few levels; a deeper one would parse, then overflow the stack of every
    // JSON.stringify and recursive walk that meets it (the raw view, --json) and end the program.
    throw new ApiError('malformed', `The server's answer to ${source.label} nests deeper than ${MAX_DEPTH} levels, so it is not ${serviceName(source.service)}`, {
      request: source.label,
      hint: 'Check the server address and --auth-url / --confd-url: something else answers on that URL.',
    });
  }
  return validateAnswer(schema, value, source);
}

/** Far above what a Wazo service nests (about 6 levels), far below what recursion survives. */
const MAX_DEPTH = 64;

/** Whether arrays and objects nest deeper than `limit`, walked without recursion. */
function deeperThan(root: unknown, limit: number): boolean {
  const pending: Array<{value: unknown; depth: number}> = [{value: root, depth: 0}];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.value)) pending.push({value: child, depth: next.depth + 1});
  }
  return false;
}

/** Validate an already parsed value (see decodeAnswer). */
function validateAnswer<S extends z.ZodType>(schema: S, value: unknown, source: AnswerSource): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const problem = first === undefined ? 'unexpected shape' : describeIssue(first, value);
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
  throw new ApiError(
    'malformed',
    `The server's answer to ${source.label} is not what ${serviceName(source.service)} sends: ${problem}${more}`,
    {request: source.label, hint: 'The server may run an incompatible version, or something else answers on that URL.'},
  );
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const where = issue.path.length === 0 ? 'the answer' : formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const found = valueAt(root, issue.path);
    const got = found.present ? `got ${describeValue(found.value)}` : 'but it is missing';
    return `${where}: expected ${withArticle(issue.expected)}, ${got}`;
  }
  if (issue.code === 'invalid_value') return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}: ${issue.message}`;
}

/** `['items', 3, 'id']` → `items[3].id`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): {present: boolean; value?: unknown} {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current)) return {present: false};
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return {present: current !== undefined, value: current};
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return withArticle(typeof value);
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
