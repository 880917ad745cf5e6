import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {clipServerText} from '../../source/api/error-body.js';
import {mapHttpStatus} from '../../source/api/http-errors.js';
import type {ApiRequest} from '../../source/api/request.js';

const TOKEN = '0f3e6c1a-5d8b-4b1e-9a57-2c1d0e9f8a7b';
const users: ApiRequest = {service: 'confd', method: 'GET', path: 'users', label: 'GET /users', secrets: [TOKEN]};
const login: ApiRequest = {service: 'auth', method: 'POST', path: 'token', label: 'POST /token', unauthorized: 'login', secrets: ['pw']};

const authBody = (reason: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({message: 'Unauthorized', error_id: 'unauthorized', details: {invalid_token: TOKEN, reason, ...extra}, timestamp: 1});

describe('mapHttpStatus', () => {
  it('says "Wrong username or password" for a refused login, whatever the server says', () => {
    const error = mapHttpStatus(401, JSON.stringify({reason: ['Authentication Failed'], timestamp: [1], status_code: 401}), login);
    assert.equal(error.kind, 'auth-failed');
    assert.equal(error.message, 'Wrong username or password');
    assert.equal(error.serverMessage, undefined);
  });

  it('reads confd 401 tuples: two items is an ended session, three is a missing ACL; the token never shows', () => {
    const expired = mapHttpStatus(401, JSON.stringify([`('${TOKEN}', 'confd.users.read')`]), users);
    assert.equal(expired.kind, 'token-expired');
    const missing = mapHttpStatus(401, JSON.stringify([`('${TOKEN}', 'confd.lines.read', None)`]), users);
    assert.equal(missing.kind, 'forbidden');
    assert.equal(missing.requiredAcl, 'confd.lines.read');
    assert.match(missing.message, /confd\.lines\.read/);
    const tenant = mapHttpStatus(401, JSON.stringify([`('${TOKEN}', 'confd.users.read', 't-9')`]), users);
    assert.equal(tenant.kind, 'forbidden');
    assert.equal(tenant.requiredAcl, 'confd.users.read');
    assert.match(tenant.message, /tenant t-9/);
    for (const error of [expired, missing, tenant]) {
      assert.ok(!JSON.stringify({...error, message: error.message}).includes(TOKEN));
    }
  });

  it('reads wazo-auth APIException reasons', () => {
    assert.equal(mapHttpStatus(401, authBody('not_found_or_expired'), users).kind, 'token-expired');
    const forbidden = mapHttpStatus(401, authBody('missing_permission_or_invalid_tenant', {required_access: 'auth.tenants.read'}), users);
    assert.equal(forbidden.kind, 'forbidden');
    assert.equal(forbidden.requiredAcl, 'auth.tenants.read');
    const tenant = mapHttpStatus(401, JSON.stringify({message: 'Unauthorized tenant', error_id: 'unauthorized-tenant', details: {tenant_uuid: 't-1'}}), users);
    assert.equal(tenant.kind, 'forbidden');
    assert.match(tenant.message, /tenant t-1/);
  });

  it('calls a 401 it cannot read an ended session', () => {
    assert.equal(mapHttpStatus(401, 'Unauthorized', users).kind, 'token-expired');
    assert.equal(mapHttpStatus(401, '', users).kind, 'token-expired');
  });

  it('keeps the server message of 404 and 400 (confd lists and wazo-auth reasons)', () => {
    const notFound = mapHttpStatus(404, JSON.stringify(["Resource Not Found - User was not found ('id': 999999)"]), users);
    assert.equal(notFound.kind, 'not-found');
    assert.match(notFound.message, /User was not found \('id': 999999\)/);
    const bad = mapHttpStatus(400, JSON.stringify(["Input Error - order: column 'x' was not found"]), users);
    assert.equal(bad.kind, 'bad-request');
    assert.equal(bad.serverMessage, "Input Error - order: column 'x' was not found");
    assert.equal(bad.status, 400);
    const authBad = mapHttpStatus(400, JSON.stringify({reason: ['{"expiration": ["Not a valid integer."]}'], status_code: 400}), login);
    assert.match(authBad.message, /Not a valid integer/);
  });

  it('maps 403, 429 and 5xx', () => {
    const forbidden = mapHttpStatus(403, JSON.stringify({reason: ['Unauthorized for confd.users.read'], status_code: 403}), users);
    assert.equal(forbidden.kind, 'forbidden');
    assert.equal(forbidden.requiredAcl, 'confd.users.read');
    const many = mapHttpStatus(429, '{}', login);
    assert.equal(many.kind, 'too-many-sessions');
    assert.match(many.message, /too many sessions.*100/);
    const down = mapHttpStatus(503, JSON.stringify({message: 'Authentication server unreachable', error_id: 'authentication-server-unreachable'}), users);
    assert.equal(down.kind, 'server');
    assert.match(down.message, /cannot reach wazo-auth/);
    assert.match(mapHttpStatus(503, JSON.stringify(['wazo-confd is not initialized']), users).message, /still starting/);
    const gateway = mapHttpStatus(502, '<html><head><title>502 Bad Gateway</title></head></html>', users);
    assert.equal(gateway.kind, 'server');
    assert.equal(gateway.serverMessage, '502 Bad Gateway');
    assert.equal(mapHttpStatus(500, 'boom', users).status, 500);
  });

  it('redacts secrets and cuts long server text', () => {
    const echoed = mapHttpStatus(400, JSON.stringify([`bad token ${TOKEN} ${'x'.repeat(1000)}`]), users);
    assert.ok(!echoed.message.includes(TOKEN));
    assert.ok(echoed.message.length < 400);
    assert.equal(clipServerText(`a\n\n b ${TOKEN}`, [TOKEN]), 'a b …');
  });
});
