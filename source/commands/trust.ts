import {normaliseFingerprint} from '../api/tls/fingerprint.js';
import type {TrustCommand} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {openConnection} from '../connection.js';
import {changedCertificateReport} from './changed.js';
import {trustOptionsFor} from './trust-options.js';

/**
 * `wazo-tui trust SERVER --fingerprint FP [--replace]`: pin the server's certificate after an
 * out-of-band check, like adding a line to ssh's known_hosts. Pins only when the server
 * presents exactly FP; an existing different pin is replaced only with --replace.
 */
export async function runTrust(command: TrustCommand): Promise<number> {
  const wanted = normaliseFingerprint(command.fingerprint);
  const {client, pins, target} = openConnection({...command, configDir: resolveConfigDir(command.configDir)});
  try {
    const info = await client.probeCertificate();
    if (info.fingerprint256 !== wanted) {
      process.stderr.write(
        `wazo-tui: ${target.hostPort} presents SHA256 ${info.fingerprint256},\n` +
          `          not the expected ${wanted}. Nothing was pinned.\n`,
      );
      return 4;
    }
    const existing = pins.get(target.hostPort);
    if (existing?.fingerprint256 === wanted) {
      process.stdout.write(`${target.hostPort} is already pinned to SHA256 ${wanted}\n`);
      return 0;
    }
    if (existing && !command.replace) {
      process.stderr.write(changedCertificateReport(existing, info, trustOptionsFor(command.configDir)));
      return 4;
    }
    pins.set({hostPort: target.hostPort, pem: info.pem, fingerprint256: info.fingerprint256, trustedAt: new Date().toISOString()});
    process.stdout.write(`${existing ? 'Replaced the pin of' : 'Pinned'} ${target.hostPort}: SHA256 ${wanted}\n`);
    return 0;
  } finally {
    client.close();
  }
}
