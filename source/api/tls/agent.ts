/**
 * The one place the TLS trust policy lives: an https.Agent per profile. Agent options beat any
 * per-request TLS option, so no call site can weaken it, and there is no switch that turns
 * verification off (notes/tls.md, "Recommended design", strict form).
 */
import {Agent} from 'node:https';
import {checkServerIdentity, createSecureContext, type PeerCertificate} from 'node:tls';
import type {TrustPolicy} from '../contract.js';
import {fingerprintOf} from './fingerprint.js';
import {PIN_MISMATCH_CODE} from './trust-errors.js';

/**
 * Build the agent for a policy. Pinned: the pinned PEM is the only trust anchor and the leaf's
 * fingerprint must equal the pin (a CA:TRUE pin cannot vouch for another leaf). The anchor may be
 * a leaf that some CA issued: OpenSSL's partial-chain trust (`allowPartialTrustChain`, Node ≥ 22.9)
 * lets a chain end at it instead of climbing to a root we do not hold. Not pinned: the
 * CA bundle and the normal host name check. Keep-alive, but no TLS session cache, so a new policy
 * on a new agent is checked on every new connection.
 */
export function createAgent(policy: TrustPolicy, caBundle: readonly string[]): Agent {
  const pin = policy.pin;
  let ca: string[];
  let identity: typeof checkServerIdentity;
  let partialChain = false;
  if (pin) {
    const fingerprint = fingerprintOf(pin.pem);
    if (fingerprint !== pin.fingerprint256) {
      throw new Error(`The pin for ${pin.hostPort} is inconsistent: its PEM has fingerprint ${fingerprint}, not ${pin.fingerprint256}`);
    }
    ca = [pin.pem];
    partialChain = true;
    identity = (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === fingerprint ? undefined : pinMismatch(pin.hostPort, fingerprint, cert.fingerprint256);
  } else {
    ca = [...caBundle];
    identity = checkServerIdentity;
  }
  return new Agent({
    keepAlive: true,
    maxCachedSessions: 0,
    rejectUnauthorized: true,
    ca,
    // Only with a pin, whose fingerprint check below is strict: a CA bundle keeps full chains.
    secureContext: createSecureContext({ca, allowPartialTrustChain: partialChain}),
    checkServerIdentity: identity,
  });
}

function pinMismatch(hostPort: string, pinned: string, offered: string | undefined): Error {
  return Object.assign(new Error(`The certificate of ${hostPort} is not the pinned one (pinned ${pinned}, offered ${offered ?? 'none'})`), {
    code: PIN_MISMATCH_CODE,
  });
}
