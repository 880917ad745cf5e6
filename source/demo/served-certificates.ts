/**
 * The certificates the demo server presents, one per port, in each mode a real server may be in:
 * self-signed like wazo-certs, issued by a company CA (with or without the CA in the chain),
 * expired, or not yet valid.
 */
import {X509Certificate} from 'node:crypto';
import {isIP} from 'node:net';
import {generateCertificate, type AltName, type GeneratedCertificate} from './certificate.js';
import type {CertificateMode} from './fault-spec.js';

export type {CertificateMode} from './fault-spec.js';

/** A PEM certificate and key, as given to reuse one across restarts. */
export interface CertificatePair {
  certPem: string;
  keyPem: string;
}

/** What one port presents. */
export interface ServedCertificate extends GeneratedCertificate {
  /** What goes on the wire: the leaf, followed by the CA in `ca-chain` mode. */
  chainPem: string;
}

export interface CertificatePlan {
  mode: CertificateMode;
  /** The host the server listens on: a CA-issued leaf names it, so `--ca-file` alone is enough. */
  host: string;
  /** Leaves to reuse, by port order (tests restart on the same certificates); others are generated. */
  given: ReadonlyArray<CertificatePair | undefined>;
  /** The CA to sign with in the CA modes; generated when absent. */
  authority?: CertificatePair;
  /** How many ports. */
  count: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One certificate per port (each different), and the CA that issued them in the CA modes. */
export function buildServedCertificates(plan: CertificatePlan): {authority?: GeneratedCertificate; served: ServedCertificate[]} {
  const caMode = plan.mode === 'ca' || plan.mode === 'ca-chain';
  const authority = caMode ? withFingerprint(plan.authority) ?? generateCertificate({commonName: 'Wazo Demo CA', isCA: true, altNames: []}) : undefined;
  const served = Array.from({length: plan.count}, (_, index): ServedCertificate => {
    const leaf = withFingerprint(plan.given[index]) ?? generateLeaf(plan, authority);
    return {...leaf, chainPem: plan.mode === 'ca-chain' && authority ? leaf.certPem + authority.certPem : leaf.certPem};
  });
  return authority ? {authority, served} : {served};
}

function generateLeaf(plan: CertificatePlan, authority: GeneratedCertificate | undefined): GeneratedCertificate {
  const now = Date.now();
  switch (plan.mode) {
    case 'self-signed':
      return generateCertificate();
    case 'expired':
      return generateCertificate({notBefore: new Date(now - 400 * DAY_MS), notAfter: new Date(now - DAY_MS)});
    case 'not-yet-valid':
      return generateCertificate({notBefore: new Date(now + DAY_MS), notAfter: new Date(now + 400 * DAY_MS)});
    case 'ca':
    case 'ca-chain':
      return generateCertificate({altNames: leafNames(plan.host), issuer: authority});
  }
}

/** `localhost` and the listening host; for a wildcard address, which nobody connects to, 127.0.0.1. */
function leafNames(host: string): AltName[] {
  if (host === 'localhost') return [{dns: 'localhost'}];
  if (host === '0.0.0.0' || host === '::') return [{dns: 'localhost'}, {ip: '127.0.0.1'}];
  return [{dns: 'localhost'}, isIP(host) === 0 ? {dns: host} : {ip: host}];
}

function withFingerprint(pair: CertificatePair | undefined): GeneratedCertificate | undefined {
  if (!pair) return undefined;
  return {...pair, fingerprint256: new X509Certificate(pair.certPem).fingerprint256};
}
