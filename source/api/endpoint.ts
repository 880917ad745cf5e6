/**
 * Where a request goes, as messages name it: the host and port of a service's base URL.
 */
import {formatHostPort} from '../util/host-port.js';

/** The host and port of one service (or of a certificate probe). */
export interface Endpoint {
  host: string;
  port: number;
  /** `host:port`, IPv6 in brackets. */
  hostPort: string;
}

export function endpointFor(host: string, port: number): Endpoint {
  return {host, port, hostPort: formatHostPort(host, port)};
}

/** The endpoint of a base URL (`https://[::1]:8443/api/auth/0.1` → `::1`, 8443); the port defaults to 443. */
export function endpointOf(baseUrl: string): Endpoint {
  const url = new URL(baseUrl);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return endpointFor(host, url.port === '' ? 443 : Number(url.port));
}
