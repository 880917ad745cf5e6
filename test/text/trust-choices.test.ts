import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {trustDecision} from '../../source/text/trust-choices.js';

describe('trustDecision', () => {
  test('offers trust only for an untrusted certificate, a typed replace only for a changed one', () => {
    assert.deepEqual(trustDecision({kind: 'cert-untrusted'}), {canTrust: true, canTrustOnce: true, mustTypeReplace: false});
    assert.deepEqual(trustDecision({kind: 'cert-changed'}), {canTrust: false, canTrustOnce: false, mustTypeReplace: true});
    for (const kind of ['cert-expired', 'tls']) {
      assert.deepEqual(trustDecision({kind}), {canTrust: false, canTrustOnce: false, mustTypeReplace: false}, kind);
    }
  });
});
