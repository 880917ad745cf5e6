import type {CertificateInfo} from '../api/tls/types.js';
import type {CertCommand} from '../cli/args.js';
import {openConnection} from '../connection.js';
import {certificateFields, pbxFingerprintCommand, pinFields} from '../output/certificate.js';
import {tolerateClosedPipe} from '../output/closed-pipe.js';
import {toSafeJson} from '../output/json.js';
import {sanitize} from '../text/sanitize.js';
import {changedCertificateReport} from './changed.js';
import {profileConnection} from './profile-connection.js';
import {trustOptionsFor} from './trust-options.js';

/**
 * `wazo-tui cert SERVER` (or `-p NAME`): print what each contacted host presents (the server's, or wazo-auth's
 * and wazo-confd's when `--auth-url`/`--confd-url` put them elsewhere), its fingerprint, and
 * whether it is pinned. Exit 4 when a pin exists and its host now shows another certificate.
 */
export async function runCert(command: CertCommand): Promise<number> {
  tolerateClosedPipe();
  const {client, pins} = openConnection(profileConnection(command, 'cert'));
  try {
    const seen: CertificateInfo[] = [];
    for (const hostPort of client.hosts) seen.push(await client.probeCertificate({hostPort}));
    const reports = seen.map((info) => ({info, pin: pins.get(info.hostPort)}));
    if (command.json) {
      const objects = reports.map(({info, pin}) => ({
        ...info,
        validFrom: info.validFrom.toISOString(),
        validTo: info.validTo.toISOString(),
        pinned: pin ?? null,
      }));
      // One host: the object itself, as before split hosts; several: an array, wazo-auth's first.
      process.stdout.write(`${toSafeJson(objects.length === 1 ? objects[0] : objects)}\n`);
    } else {
      reports.forEach(({info, pin}, index) => {
        if (index > 0) process.stdout.write('\n');
        const rows = [...certificateFields(info), ['SHA-256 fingerprint', info.fingerprint256] as [string, string]];
        if (pin) rows.push(...pinFields(pin));
        const width = Math.max(...rows.map(([label]) => label.length));
        for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${sanitize(value)}\n`);
      });
      process.stdout.write(`\nCompare on the PBX with:\n  ${pbxFingerprintCommand}\n`);
    }
    let code = 0;
    for (const {info, pin} of reports) {
      if (pin && pin.fingerprint256 !== info.fingerprint256) {
        process.stderr.write(changedCertificateReport(pin, info, trustOptionsFor(command.configDir)));
        code = 4;
      }
    }
    return code;
  } finally {
    client.close();
  }
}
