/**
 * Loads the merged Swagger 2.0 specs (shared/wazo-api/{auth,confd}.yml) into ajv, so contract tests
 * can validate the demo server's real answers against `#/definitions/...`.
 *
 * Two kinds of adjustments are made, both explicit:
 * - Swagger 2.0 cannot say "nullable" and the specs do not use `x-nullable` for these fields, while
 *   marshmallow dumps missing values as `null`: every object property also accepts `null`.
 * - Documented spec-vs-runtime discrepancies (NOTES §7, §11) are patched by name in
 *   `KNOWN_DISCREPANCIES`; a test checks that each one is real.
 */
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import AjvModule, {type ErrorObject, type ValidateFunction} from 'ajv';
import {parse} from 'yaml';

const Ajv = AjvModule.default;

/** `shared/wazo-api`, found relative to this file (test/contract → ../../../shared). */
export const SPEC_DIR = fileURLToPath(new URL('../../../shared/wazo-api/', import.meta.url));

/** Why contract tests must be skipped here, or undefined when the specs are present. */
export const SPEC_SKIP: string | undefined = existsSync(`${SPEC_DIR}auth.yml`) && existsSync(`${SPEC_DIR}confd.yml`)
  ? undefined
  : `shared/wazo-api not found: ${SPEC_DIR}`;

type Schema = {[key: string]: unknown};
export type SpecName = 'auth' | 'confd';

/** A patch to one definition, with the reason the runtime differs from the spec. */
export interface Discrepancy {
  spec: SpecName;
  /** Path of keys from the spec root, e.g. ['definitions', 'Error', 'properties', 'timestamp', 'items']. */
  path: string[];
  /** The replacement schema at that path. */
  schema: Schema;
  reason: string;
}

export const KNOWN_DISCREPANCIES: Discrepancy[] = [
  {
    spec: 'auth',
    path: ['definitions', 'Error', 'properties', 'timestamp', 'items'],
    schema: {type: 'number'},
    reason: 'NOTES §11: wazo-auth error timestamps are floats, the spec says strings',
  },
  {
    spec: 'confd',
    path: ['definitions', 'LineView', 'allOf', '1', 'properties', 'protocol'],
    schema: {type: 'string', enum: ['sip', 'sccp', 'custom']},
    reason: 'NOTES §7: LineListSchema.protocol is sip|sccp|custom|null, the spec enum lists only sip',
  },
];

function load(name: SpecName): Schema {
  return parse(readFileSync(`${SPEC_DIR}${name}.yml`, 'utf8')) as Schema;
}

/** Let every property of every object schema also be null (marshmallow's dump of None). */
function allowNullProperties(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) allowNullProperties(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Schema;
  for (const value of Object.values(schema)) allowNullProperties(value);
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null) return;
  for (const [name, property] of Object.entries(properties as Schema)) {
    (properties as Schema)[name] = {anyOf: [property, {type: 'null'}]};
  }
}

function applyPatch(root: Schema, discrepancy: Discrepancy): void {
  let node: Schema = root;
  for (const key of discrepancy.path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) throw new Error(`no ${discrepancy.path.join('.')} in ${discrepancy.spec}.yml`);
    node = next as Schema;
  }
  const last = discrepancy.path.at(-1) ?? '';
  if (!(last in node)) throw new Error(`no ${discrepancy.path.join('.')} in ${discrepancy.spec}.yml`);
  node[last] = discrepancy.schema;
}

/** Validators over one spec's definitions. */
export interface SpecValidator {
  /** Validate `value` against `#/definitions/<name>`; returns ajv's errors (empty when valid). */
  validate(spec: SpecName, definition: string, value: unknown): ErrorObject[];
}

/** Build validators; `patched` applies KNOWN_DISCREPANCIES (the nullable rule always applies). */
export function createSpecValidator(options: {patched: boolean} = {patched: true}): SpecValidator {
  const ajv = new Ajv({strict: false, allErrors: true, validateFormats: false});
  for (const name of ['auth', 'confd'] as const) {
    const root = load(name);
    if (options.patched) for (const discrepancy of KNOWN_DISCREPANCIES.filter((d) => d.spec === name)) applyPatch(root, discrepancy);
    const definitions = root.definitions as Schema;
    allowNullProperties(definitions);
    ajv.addSchema({$id: `${name}.json`, definitions});
  }
  const cache = new Map<string, ValidateFunction>();
  return {
    validate(spec, definition, value) {
      const key = `${spec}.json#/definitions/${definition}`;
      let validate = cache.get(key);
      if (!validate) {
        validate = ajv.compile({$ref: key});
        cache.set(key, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** Errors as short lines, for assertion messages. */
export function describeErrors(errors: ErrorObject[]): string {
  return errors.map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}
