import type {CertificateError} from '../api/tls/trust-errors.js';
import {pbxFingerprintCommand} from '../output/certificate.js';
import {sanitize} from '../text/sanitize.js';
import {changedCertificateReport} from './changed.js';

/**
 * The stderr report of a request refused on the server's certificate, for script commands: a
 * script cannot ask, so it says what was seen and the exact `wazo-tui trust` command to run
 * once the fingerprint has been compared on the PBX. `trustOptions` is appended to that command
 * (e.g. the `--config-dir` the failed command was given, so the pin lands where it is looked for).
 */
export function certificateRefusalReport(error: CertificateError, trustOptions = ''): string {
  const info = error.certificate;
  if (error.kind === 'cert-changed' && error.pinned) return changedCertificateReport(error.pinned, info, trustOptions);
  const lines = [`wazo-tui: ${sanitize(error.message)}`];
  if (error.kind === 'cert-untrusted') {
    lines.push(
      `SHA-256 fingerprint: ${info.fingerprint256}`,
      'Compare it with what this prints on the PBX:',
      `  ${pbxFingerprintCommand}`,
      'and if both are the same, trust it with:',
      `  wazo-tui trust ${info.hostPort} --fingerprint ${info.fingerprint256}${trustOptions}`,
    );
  } else if (error.hint) {
    lines.push(sanitize(error.hint));
  }
  return `${lines.join('\n')}\n`;
}
