import type {CertCommand} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {openConnection} from '../connection.js';
import {certificateFields, pbxFingerprintCommand, pinFields} from '../output/certificate.js';
import {tolerateClosedPipe} from '../output/closed-pipe.js';
import {toSafeJson} from '../output/json.js';
import {sanitize} from '../text/sanitize.js';
import {changedCertificateReport} from './changed.js';
import {trustOptionsFor} from './trust-options.js';

/**
 * `wazo-tui cert SERVER`: print what the server presents, its fingerprint, and whether it is
 * pinned. Exit 4 when a pin exists and the server now shows another certificate.
 */
export async function runCert(command: CertCommand): Promise<number> {
  tolerateClosedPipe();
  const {client, pins, target} = openConnection({...command, configDir: resolveConfigDir(command.configDir)});
  try {
    const info = await client.probeCertificate();
    const pin = pins.get(target.hostPort);
    if (command.json) {
      process.stdout.write(
        `${toSafeJson({...info, validFrom: info.validFrom.toISOString(), validTo: info.validTo.toISOString(), pinned: pin ?? null})}\n`,
      );
    } else {
      const rows = [...certificateFields(info), ['SHA-256 fingerprint', info.fingerprint256] as [string, string]];
      if (pin) rows.push(...pinFields(pin));
      const width = Math.max(...rows.map(([label]) => label.length));
      for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${sanitize(value)}\n`);
      process.stdout.write(`\nCompare on the PBX with:\n  ${pbxFingerprintCommand}\n`);
    }
    if (pin && pin.fingerprint256 !== info.fingerprint256) {
      process.stderr.write(changedCertificateReport(pin, info, trustOptionsFor(command.configDir)));
      return 4;
    }
    return 0;
  } finally {
    client.close();
  }
}
