/**
 * Which choices the Certificate screen offers for a refused certificate, from the error's kind
 * alone (the TLS layer classifies; this only says what a person may do about each class).
 */

/** Which choices the Certificate screen offers for an error. */
export interface TrustChoices {
  /** Trust and remember (pin). */
  canTrust: boolean;
  /** Trust for this session only. */
  canTrustOnce: boolean;
  /** A changed certificate: only a typed `replace` may re-pin. */
  mustTypeReplace: boolean;
}

/** Untrusted → trust, once, or refuse; changed → only a deliberate replace; expired and others → nothing. */
export function trustDecision(error: {readonly kind: string}): TrustChoices {
  if (error.kind === 'cert-changed') return {canTrust: false, canTrustOnce: false, mustTypeReplace: true};
  if (error.kind === 'cert-untrusted') return {canTrust: true, canTrustOnce: true, mustTypeReplace: false};
  return {canTrust: false, canTrustOnce: false, mustTypeReplace: false};
}
