/**
 * The payload generator (generate.ts) makes what confd.yml allows, and the awkward parts of it:
 * every payload validates, the same seed gives the same payload, and across seeds there are nulls,
 * empty arrays, missing optional fields and fields the spec does not name.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {definitionProperties, generateFromSchema, generatePayload, responseSchema} from './generate.js';
import {SERVED} from './confd-paths.js';
import {createSpecValidator, describeErrors, SPEC_SKIP} from './spec.js';

const skip = SPEC_SKIP ?? false;
const DEFINITIONS = [
  'User', 'UserItems', 'LineView', 'LineItems', 'Extension', 'ExtensionItems', 'Group', 'GroupItems', 'Queue', 'QueueItems',
  'Agent', 'Context', 'Trunk', 'Outcall', 'Incall', 'IncallItems', 'Voicemail', 'Device', 'DeviceItems', 'Conference', 'ParkingLot',
  'Schedule', 'Ivr', 'Switchboard', 'CallPermission', 'CallPickup', 'Paging', 'Application', 'EndpointSIP', 'EndpointSIPItems',
];
const SEEDS = Array.from({length: 25}, (_, index) => index + 1);

/** Walk a payload, calling `visit` on every object and array inside it. */
function walk(value: unknown, visit: (node: object) => void): void {
  if (typeof value !== 'object' || value === null) return;
  visit(value);
  for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child, visit);
}

describe('generated confd payloads', () => {
  test('validate against their definition, for every collection and many seeds', {skip}, () => {
    const validator = createSpecValidator();
    for (const definition of DEFINITIONS) {
      for (const seed of SEEDS) {
        const payload = generatePayload(definition, seed);
        const errors = validator.validate('confd', definition, payload);
        assert.equal(errors.length, 0, `${definition} seed ${seed}:\n${describeErrors(errors)}\n${JSON.stringify(payload).slice(0, 400)}`);
      }
    }
  });

  test("follow each served path's answer schema, inline ones included", {skip}, () => {
    const validator = createSpecValidator();
    assert.deepEqual(responseSchema('/groups'), {$ref: '#/definitions/GroupItems'});
    for (const {path, list, item} of SERVED) {
      for (const seed of SEEDS.slice(0, 5)) {
        const page = generateFromSchema(responseSchema(`/${path}`), seed) as {items?: unknown[]};
        const errors = list ? validator.validate('confd', list, page) : (page.items ?? []).flatMap((entry) => validator.validate('confd', item, entry));
        assert.equal(errors.length, 0, `${path} seed ${seed}:\n${describeErrors(errors)}`);
      }
    }
  });

  test('are deterministic from the seed', {skip}, () => {
    assert.deepEqual(generatePayload('GroupItems', 9), generatePayload('GroupItems', 9));
    assert.notDeepEqual(generatePayload('GroupItems', 9), generatePayload('GroupItems', 10));
  });

  test('hold nulls, empty arrays, missing optional fields and unexpected fields', {skip}, () => {
    let nulls = 0;
    let emptyArrays = 0;
    let unexpected = 0;
    let missing = 0;
    const groupProperties = [...definitionProperties('Group').keys()];
    for (const seed of SEEDS) {
      const group = generatePayload('Group', seed) as Record<string, unknown>;
      missing += groupProperties.filter((name) => !(name in group)).length;
      walk(group, (node) => {
        if (Array.isArray(node)) emptyArrays += node.length === 0 ? 1 : 0;
        else {
          nulls += Object.values(node).filter((value) => value === null).length;
          unexpected += Object.keys(node).filter((name) => name.startsWith('unexpected_')).length;
        }
      });
    }
    assert.ok(nulls > 0 && emptyArrays > 0 && unexpected > 0 && missing > 0, JSON.stringify({nulls, emptyArrays, unexpected, missing}));
  });

  test('keep required fields, and only required ones when told to leave the rest out', {skip}, () => {
    const validator = createSpecValidator();
    for (const seed of SEEDS) {
      const voicemail = generatePayload('Voicemail', seed, {missing: 1, extras: 0}) as Record<string, unknown>;
      assert.deepEqual(Object.keys(voicemail).sort(), ['context', 'name', 'number']);
      assert.equal(validator.validate('confd', 'Voicemail', voicemail).length, 0);
    }
  });

  test('a wrong payload is still caught by the validator (the check can fail)', {skip}, () => {
    const validator = createSpecValidator();
    const group = generatePayload('Group', 1, {missing: 0, nulls: 0}) as Record<string, unknown>;
    assert.ok(validator.validate('confd', 'Group', {...group, label: undefined}).length > 0, 'label is required');
    assert.ok(validator.validate('confd', 'Group', {...group, members: 'everyone'}).length > 0);
  });
});
