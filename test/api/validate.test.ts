import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isApiError} from '../../source/api/errors.js';
import {extensionSchema, listSchema, tokenEnvelopeSchema, userSchema} from '../../source/api/schemas.js';
import {decodeAnswer} from '../../source/api/validate.js';

const users = {service: 'confd', label: 'GET /users'} as const;
const user = (id: unknown) => ({id, uuid: `uuid-${String(id)}`, firstname: 'Zoé'});

function malformedMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(isApiError(error, 'malformed'), `expected malformed, got ${String(error)}`);
    return error.message;
  }
  return assert.fail('expected an ApiError');
}

describe('decodeAnswer', () => {
  it('refuses an answer nested so deep that printing it would overflow the stack, and takes a deep real one', () => {
    const deep = `{"total": 1, "items": [{"id": 1, "uuid": "u", "extra": ${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`;
    assert.match(malformedMessage(() => decodeAnswer(listSchema(userSchema), deep, users)), /^The server's answer to GET \/users nests deeper than 64 levels/);
    let nested: unknown = 'leaf';
    for (let level = 0; level < 60; level++) nested = {level: nested};
    const page = decodeAnswer(listSchema(userSchema), JSON.stringify({total: 1, items: [{...user(1), nested}]}), users);
    assert.equal(page.items?.length, 1);
  });

  it('names the request, the service and the field path of a wrong type', () => {
    const body = JSON.stringify({total: 4, items: [user(1), user(2), user(3), user('4')]});
    assert.equal(
      malformedMessage(() => decodeAnswer(listSchema(userSchema), body, users)),
      "The server's answer to GET /users is not what wazo-confd sends: items[3].id: expected a number, got a string",
    );
  });

  it('says when a required field is missing, and counts the other problems', () => {
    // confd.yml requires nothing of a user; an extension needs its exten and context.
    const body = JSON.stringify({total: 2, items: [{id: 1, context: 'a'}, {id: 2, context: 'b'}]});
    assert.equal(
      malformedMessage(() => decodeAnswer(listSchema(extensionSchema), body, {service: 'confd', label: 'GET /extensions'})),
      "The server's answer to GET /extensions is not what wazo-confd sends: items[0].exten: expected a string, but it is missing (and 1 more problem)",
    );
  });

  it('describes a wrong top-level shape', () => {
    assert.match(malformedMessage(() => decodeAnswer(listSchema(userSchema), '[]', users)), /the answer: expected an object, got an array$/);
    assert.match(
      malformedMessage(() => decodeAnswer(tokenEnvelopeSchema, '{"data": null}', {service: 'auth', label: 'POST /token'})),
      /POST \/token is not what wazo-auth sends: data: expected an object, got null/,
    );
  });

  it('turns a body that is not JSON into malformed', () => {
    assert.match(malformedMessage(() => decodeAnswer(listSchema(userSchema), '<html>hello</html>', users)), /GET \/users is not JSON/);
    assert.match(malformedMessage(() => decodeAnswer(listSchema(userSchema), '', users)), /not JSON/);
  });

  it('keeps extra fields and accepts missing or null optional ones', () => {
    const body = JSON.stringify({total: 1, filtered: 9, items: [{id: 7, uuid: 'u', lastname: null, future_field: {x: 1}}]});
    const page = decodeAnswer(listSchema(userSchema), body, users);
    assert.equal(page.total, 1);
    assert.equal(page.items?.[0]?.id, 7);
    assert.equal(page.items?.[0]?.lastname, null);
    assert.deepEqual(page.items?.[0]?.future_field, {x: 1});
    assert.equal(page.filtered, 9);
  });
});
