/**
 * What the certificate screens get about a refused certificate: its details, the choices the
 * trust rules allow, and the pinned certificate's dates read from its PEM here, once, rather
 * than by the screen on every render.
 */
import type {CertificateError} from '../api/tls/trust-errors.js';
import {trustDecision} from '../text/trust-choices.js';
import {formatDate, pinValidity} from '../output/certificate.js';
import type {CertificateView} from '../screens/Certificate.js';

export function certificateView(error: CertificateError): CertificateView {
  const pin = error.pinned;
  return {
    certificate: error.certificate,
    message: error.message,
    hint: error.hint,
    choices: trustDecision(error),
    pinned: pin && {fingerprint256: pin.fingerprint256, trustedAt: formatDate(new Date(pin.trustedAt)), validity: pinValidity(pin)},
  };
}
