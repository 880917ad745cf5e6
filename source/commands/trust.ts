import {normaliseFingerprint} from '../api/tls/fingerprint.js';
import type {CertificateInfo} from '../api/tls/types.js';
import type {TrustCommand} from '../cli/args.js';
import {openConnection} from '../connection.js';
import {changedCertificateReport} from './changed.js';
import {profileConnection} from './profile-connection.js';
import {trustOptionsFor} from './trust-options.js';

/**
 * `wazo-tui trust SERVER --fingerprint FP [--replace]`: pin a certificate after an out-of-band
 * check, like adding a line to ssh's known_hosts. Pins are per contacted host: the host that
 * presents exactly FP (SERVER's, or with `--auth-url`/`--confd-url` elsewhere, wazo-auth's or
 * wazo-confd's) is pinned under its own `host:port`; an existing different pin is replaced only
 * with --replace.
 */
export async function runTrust(command: TrustCommand): Promise<number> {
  const wanted = normaliseFingerprint(command.fingerprint);
  const {client, pins} = openConnection(profileConnection(command, 'trust'));
  try {
    const seen: CertificateInfo[] = [];
    for (const hostPort of client.hosts) seen.push(await client.probeCertificate({hostPort}));
    const info = seen.find((candidate) => candidate.fingerprint256 === wanted);
    if (!info) {
      const shown = seen.map((other, index) => `${index === 0 ? 'wazo-tui: ' : '          '}${other.hostPort} presents SHA256 ${other.fingerprint256},\n`);
      process.stderr.write(`${shown.join('')}          not the expected ${wanted}. Nothing was pinned.\n`);
      return 4;
    }
    const existing = pins.get(info.hostPort);
    if (existing?.fingerprint256 === wanted) {
      process.stdout.write(`${info.hostPort} is already pinned to SHA256 ${wanted}\n`);
      return 0;
    }
    if (existing && !command.replace) {
      process.stderr.write(changedCertificateReport(existing, info, trustOptionsFor(command.configDir)));
      return 4;
    }
    pins.set({hostPort: info.hostPort, pem: info.pem, fingerprint256: info.fingerprint256, trustedAt: new Date().toISOString()});
    process.stdout.write(`${existing ? 'Replaced the pin of' : 'Pinned'} ${info.hostPort}: SHA256 ${wanted}\n`);
    return 0;
  } finally {
    client.close();
  }
}
