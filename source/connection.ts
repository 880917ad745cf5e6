/**
 * Builds the client of one server from what the user gave (address, CA files, URL overrides)
 * and what is remembered (its pin). Shared by the dashboard and the script commands.
 */
import {createClient} from './api/client.js';
import type {ServerTarget, TrustPolicy, WazoClient} from './api/contract.js';
import {parseServer} from './api/target.js';
import {PinStore} from './config/pins.js';
import {version} from './version.js';

export interface ConnectionOptions {
  server: string;
  configDir: string;
  caFiles?: string[];
  authUrl?: string;
  confdUrl?: string;
}

export interface Connection {
  target: ServerTarget;
  client: WazoClient;
  pins: PinStore;
}

/** The trust policy of one contacted `host:port`: its pin when there is one, plus the CA files given. */
export function trustFor(hostPort: string, pins: PinStore, caFiles: string[] = []): TrustPolicy {
  const pin = pins.get(hostPort);
  return pin ? {pin, caFiles} : {caFiles};
}

export function openConnection(options: ConnectionOptions): Connection {
  const target = parseServer(options.server, {authUrl: options.authUrl, confdUrl: options.confdUrl});
  const pins = new PinStore(options.configDir);
  // Pins are read per host the client contacts, not under the server argument: with --auth-url or
  // --confd-url elsewhere, each host's certificate is checked against its own pin.
  const client = createClient(target, (hostPort) => trustFor(hostPort, pins, options.caFiles), {userAgent: `wazo-tui/${version}`});
  return {target, client, pins};
}
