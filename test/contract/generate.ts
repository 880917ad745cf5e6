/**
 * Schema-valid payloads for any definition of confd.yml, for property-style tests of the client:
 * deterministic from a seed, and deliberately awkward within what the spec allows — optional fields
 * missing, `null` where marshmallow may dump None (any optional property, and `x-nullable` ones),
 * empty and short arrays, hostile Unicode in strings, and fields the spec does not name (confd adds
 * new ones between versions; a client must keep working).
 *
 * Only call it when SPEC_SKIP is undefined (the specs live outside the repository).
 */
import {readFileSync} from 'node:fs';
import {parse} from 'yaml';
import {createRandom, type Random} from '../../source/demo/random.js';
import {SPEC_DIR} from './spec.js';

export type Schema = {[key: string]: unknown};

export interface GenerateOptions {
  /** Chance that an optional property is left out; default 0.3. */
  missing?: number;
  /** Chance that a present optional property is null; default 0.15. */
  nulls?: number;
  /** Chance that an object gets a property the spec does not name; default 0.2. */
  extras?: number;
  /** Below this depth only required properties and empty arrays are made (the spec is recursive); default 6. */
  maxDepth?: number;
}

/** Strings a terminal finds hard: wide, right-to-left, joined emoji, combining marks, controls. */
const AWKWARD_STRINGS = [
  '', 'plain', 'Émilie Tremblay', '営業チーム', 'الدعم الفني', '👨‍👩‍👧‍👦🇫🇷👍🏽', '1️⃣', 'Z̷a̴l̵g̶o̸', 'ᄀᄀ한글', 'zero\u200Bwidth',
  '\u202Eevil', 'Evil\u001b[31mRed', 'tab\there\nnewline', 'x'.repeat(300),
];

/** Values that satisfy the only `pattern` the spec uses (an IVR choice's exten) and simple others. */
const PATTERN_CANDIDATES = ['1', '0', '*', '#', '_9X.', '42', 'abc'];

let spec: Schema | undefined;

function confd(): Schema {
  spec ??= parse(readFileSync(`${SPEC_DIR}confd.yml`, 'utf8')) as Schema;
  return spec;
}

/** confd.yml's `definitions`, loaded once. */
export function confdDefinitions(): Schema {
  return confd().definitions as Schema;
}

/**
 * The schema of a path's `GET` 200 answer, e.g. `responseSchema('/groups')` is
 * `{$ref: '#/definitions/GroupItems'}`; some are inline (`/switchboards`: `{type: 'object', ...}`).
 */
export function responseSchema(path: string): Schema {
  const operation = ((confd().paths as Schema)[path] as Schema | undefined)?.get as Schema | undefined;
  const schema = ((operation?.responses as Schema | undefined)?.['200'] as Schema | undefined)?.schema;
  if (typeof schema !== 'object' || schema === null) throw new Error(`no GET ${path} answer schema in confd.yml`);
  return schema as Schema;
}

/** A payload valid against `#/definitions/<definition>` of confd.yml. */
export function generatePayload(definition: string, seed: number, options: GenerateOptions = {}): unknown {
  return generateFromSchema({$ref: `#/definitions/${definition}`}, seed, options);
}

/** A payload valid against any schema of confd.yml (`$ref`s into its definitions), e.g. a responseSchema(). */
export function generateFromSchema(schema: Schema, seed: number, options: GenerateOptions = {}): unknown {
  const context: Context = {
    random: createRandom(seed),
    missing: options.missing ?? 0.3,
    nulls: options.nulls ?? 0.15,
    extras: options.extras ?? 0.2,
    maxDepth: options.maxDepth ?? 6,
  };
  return generate(context, schema, 0);
}

/**
 * Every property a definition names (through `$ref` and `allOf`), with whether it is required: what
 * a served answer should carry, and what a generated one may leave out.
 */
export function definitionProperties(definition: string): Map<string, {schema: Schema; required: boolean}> {
  const flat = flatten({$ref: `#/definitions/${definition}`});
  return new Map(Object.entries(flat.properties).map(([name, schema]) => [name, {schema, required: flat.required.has(name)}]));
}

interface Context {
  random: Random;
  missing: number;
  nulls: number;
  extras: number;
  maxDepth: number;
}

interface Flat {
  properties: {[name: string]: Schema};
  required: Set<string>;
  type?: string;
  other: Schema;
}

function resolve(schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const name = current.$ref.replace('#/definitions/', '');
    const target = confdDefinitions()[name];
    if (typeof target !== 'object' || target === null) throw new Error(`no definition ${name} in confd.yml`);
    current = target as Schema;
  }
  return current;
}

/** Merge `allOf` parts and `$ref`s into one set of properties and required names. */
function flatten(schema: Schema, into: Flat = {properties: {}, required: new Set(), other: {}}): Flat {
  const resolved = resolve(schema);
  for (const part of (resolved.allOf as Schema[] | undefined) ?? []) flatten(part, into);
  for (const [name, property] of Object.entries((resolved.properties as Schema | undefined) ?? {})) into.properties[name] = property as Schema;
  for (const name of (resolved.required as string[] | undefined) ?? []) into.required.add(name);
  if (typeof resolved.type === 'string') into.type = resolved.type;
  for (const key of ['items', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern']) {
    if (key in resolved) into.other[key] = resolved[key];
  }
  return into;
}

function generate(context: Context, schema: Schema, depth: number): unknown {
  const flat = flatten(schema);
  const {random} = context;
  const other = flat.other;
  if (Array.isArray(other.enum) && other.enum.length > 0) return random.pick(other.enum as unknown[]);
  const type = flat.type ?? (Object.keys(flat.properties).length > 0 ? 'object' : undefined);
  switch (type) {
    case 'object':
      return generateObject(context, flat, depth);
    case 'array': {
      const min = typeof other.minItems === 'number' ? other.minItems : 0;
      const max = typeof other.maxItems === 'number' ? other.maxItems : Math.max(min, depth >= context.maxDepth ? min : 3);
      const length = random.chance(0.3) ? min : random.int(min, max);
      const items = (other.items as Schema | undefined) ?? {};
      return Array.from({length}, () => generate(context, items, depth + 1));
    }
    case 'integer': {
      const min = typeof other.minimum === 'number' ? other.minimum : -5;
      const max = typeof other.maximum === 'number' ? other.maximum : 100_000;
      return random.int(min, max);
    }
    case 'number':
      return random.int(0, 10_000) / 100;
    case 'boolean':
      return random.chance(0.5);
    case 'string':
      return generateString(context, other);
    default:
      // No type: the spec allows anything; a scalar keeps it simple to show.
      return random.pick(['anything', 7, true, null]);
  }
}

function generateObject(context: Context, flat: Flat, depth: number): Schema {
  const {random} = context;
  const out: Schema = {};
  const deep = depth >= context.maxDepth;
  for (const [name, property] of Object.entries(flat.properties)) {
    const required = flat.required.has(name);
    if (!required && (deep || random.chance(context.missing))) continue;
    const nullable = property['x-nullable'] === true || !required;
    out[name] = nullable && random.chance(context.nulls) ? null : generate(context, property, depth + 1);
  }
  if (random.chance(context.extras)) out[`unexpected_${random.hex(4)}`] = random.pick([null, 'surprise', 42, [], {nested: true}]);
  return out;
}

function generateString(context: Context, other: Schema): string {
  const {random} = context;
  if (typeof other.pattern === 'string') {
    const pattern = new RegExp(other.pattern, 'u');
    const match = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (match === undefined) throw new Error(`no candidate string matches ${other.pattern}`);
    return match;
  }
  const min = typeof other.minLength === 'number' ? other.minLength : 0;
  const max = typeof other.maxLength === 'number' ? other.maxLength : Number.POSITIVE_INFINITY;
  let text = random.pick(AWKWARD_STRINGS);
  // JSON Schema lengths count code points (ajv's default), not UTF-16 units.
  const length = (value: string) => [...value].length;
  while (length(text) < min) text += 'x';
  if (length(text) > max) text = 'y'.repeat(Math.max(min, Math.min(max, 8)));
  return text;
}
