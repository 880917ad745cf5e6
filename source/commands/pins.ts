/**
 * `wazo-tui pins list|rm HOST[:PORT]`: the pin store from the command line, like ssh-keygen -R.
 * A damaged store is reported and never rewritten (the store refuses to open).
 */
import {X509Certificate} from 'node:crypto';
import {parseServer} from '../api/target.js';
import type {PinsCommand} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {PinStore} from '../config/pins.js';
import {toSafeJson} from '../output/json.js';
import {sanitize} from '../text/sanitize.js';

export function runPins(command: PinsCommand): number {
  const store = new PinStore(resolveConfigDir(command.configDir));
  if (command.action === 'list') {
    const pins = store.list();
    if (command.json) {
      process.stdout.write(`${toSafeJson(pins.map(({pem, ...rest}) => ({...rest, validTo: validTo(pem)})))}\n`);
    } else if (pins.length === 0) {
      process.stderr.write(`No pinned certificates in ${sanitize(store.file)}.\n`);
    } else {
      // Whole fingerprints, never truncated: they are what gets compared with the PBX.
      const width = Math.max(9, ...pins.map((pin) => pin.hostPort.length));
      const line = (...cells: string[]) => `${cells[0]!.padEnd(width)}  ${cells.slice(1).join('  ')}\n`;
      process.stdout.write(line('HOST:PORT', 'TRUSTED   ', 'EXPIRES   ', 'SHA256 FINGERPRINT'));
      for (const pin of pins) process.stdout.write(line(sanitize(pin.hostPort), pin.trustedAt.slice(0, 10), validTo(pin.pem).slice(0, 10), pin.fingerprint256));
    }
    return 0;
  }
  // The same address grammar as everywhere: `pbx`, `pbx:8443`, `https://pbx`; port 443 by default.
  const {hostPort, port} = parseServer(command.server);
  const pin = store.get(hostPort);
  if (!pin || !store.remove(hostPort)) {
    // `pins rm pbx` means port 443: point at the same host's pins on other ports.
    const sameHost = hostPort.slice(0, -String(port).length);
    const others = store.list().filter((each) => each.hostPort.startsWith(sameHost));
    process.stderr.write(
      `wazo-tui: no pin for ${sanitize(hostPort)}${others.length > 0 ? `; pinned for that host: ${others.map((each) => sanitize(each.hostPort)).join(', ')}` : ''}.\n`,
    );
    return 1;
  }
  process.stderr.write(
    `Removed the pin of ${sanitize(hostPort)} (SHA256 ${pin.fingerprint256}). The next connection shows its certificate as a first contact.\n`,
  );
  return 0;
}

function validTo(pem: string): string {
  return new Date(new X509Certificate(pem).validTo).toISOString();
}
