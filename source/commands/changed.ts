import type {CertificateInfo, Pin} from '../api/tls/types.js';
import {formatDate} from '../output/certificate.js';

/**
 * The loud stderr report of a changed certificate, shared by every script command.
 * `trustOptions` is appended to the suggested `wazo-tui trust` command (e.g. ` --config-dir DIR`).
 */
export function changedCertificateReport(pin: Pin, info: CertificateInfo, trustOptions = ''): string {
  return [
    '@@@ WARNING: THE CERTIFICATE OF ' + info.hostPort + ' HAS CHANGED @@@',
    `pinned:  SHA256 ${pin.fingerprint256} (trusted ${formatDate(new Date(pin.trustedAt))})`,
    `offered: SHA256 ${info.fingerprint256} (valid ${formatDate(info.validFrom)} → ${formatDate(info.validTo)})`,
    'Either the certificate was regenerated on the PBX, or someone is in the middle.',
    'Check the fingerprint on the PBX, then replace the pin with:',
    `  wazo-tui trust ${info.hostPort} --fingerprint ${info.fingerprint256} --replace${trustOptions}`,
    '',
  ].join('\n');
}
