/**
 * How a server is named in URLs, pins, profiles and messages: `host:port`, an IPv6 address in
 * brackets (`[::1]:8443`) so that its colons cannot be read as the port's.
 */
import {isIP} from 'node:net';

/** The host as a URL writes it: an IPv6 address in brackets, anything else as it is. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** `host:port`, IPv6 in brackets. */
export function formatHostPort(host: string, port: number): string {
  return `${urlHost(host)}:${port}`;
}
