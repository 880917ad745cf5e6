/**
 * Turn what the user typed as a server address into the services' base URLs.
 */
import {isIP} from 'node:net';
import {formatHostPort, urlHost} from '../util/host-port.js';
import type {ServerTarget} from './contract.js';
import {UsageError} from './errors.js';

/** Base URLs that replace the nginx defaults (`--auth-url`, `--confd-url`). */
export interface TargetOverrides {
  authUrl?: string;
  confdUrl?: string;
}

const DEFAULT_PORT = 443;
const AUTH_PATH = '/api/auth/0.1';
const CONFD_PATH = '/api/confd/1.1';

/**
 * Parse `host`, `host:port`, `https://host[:port]`, `[::1]:8443` (default port 443).
 * Throws a UsageError for `http://`, a path, credentials in the URL, or a bad port or name.
 */
export function parseServer(address: string, overrides: TargetOverrides = {}): ServerTarget {
  const typed = address.trim();
  if (typed === '') throw new UsageError('No server given: type a host name or address, like pbx.example.com');

  const {host, port} = /^[a-z][a-z\d+.-]*:\/\//i.test(typed) ? fromUrl(typed) : fromHostPort(typed);
  const origin = `https://${urlHost(host)}${port === DEFAULT_PORT ? '' : `:${port}`}`;
  return {
    host,
    port,
    hostPort: formatHostPort(host, port),
    authUrl: overrides.authUrl === undefined ? origin + AUTH_PATH : serviceUrl(overrides.authUrl, '--auth-url'),
    confdUrl: overrides.confdUrl === undefined ? origin + CONFD_PATH : serviceUrl(overrides.confdUrl, '--confd-url'),
  };
}

function fromUrl(typed: string): {host: string; port: number} {
  const url = parseUrl(typed, 'server address');
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new UsageError(
      `Give only the server, like https://${url.host}: the API paths are added for you (use --auth-url or --confd-url for other paths)`,
    );
  }
  if (url.search !== '' || url.hash !== '') throw new UsageError(`Give only the server, like https://${url.host}`);
  return {host: unbracket(url.hostname), port: url.port === '' ? DEFAULT_PORT : Number(url.port)};
}

function fromHostPort(typed: string): {host: string; port: number} {
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(typed);
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
    if (isIP(host) !== 6) throw new UsageError(`Not an IPv6 address: [${host}]`);
  } else if ((typed.match(/:/g) ?? []).length > 1) {
    // Several colons without brackets can only be a bare IPv6 address, which has no room for a port.
    if (isIP(typed) !== 6) throw new UsageError(`Not a server address: ${typed} (write an IPv6 address with a port as [::1]:8443)`);
    host = typed;
  } else {
    const colon = typed.indexOf(':');
    host = colon === -1 ? typed : typed.slice(0, colon);
    portText = colon === -1 ? undefined : typed.slice(colon + 1);
  }
  const port = portText === undefined ? DEFAULT_PORT : parsePort(portText, typed);
  return {host: normaliseHost(host, typed), port};
}

function parsePort(text: string, typed: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) throw new UsageError(`Bad port in ${typed}: the port is a number from 1 to 65535`);
  return port;
}

/** Lower-case and punycode the name the way the URL parser does, and refuse what cannot be a host. */
function normaliseHost(host: string, typed: string): string {
  if (host === '') throw new UsageError(`No host name in ${typed}`);
  if (isIP(host) !== 0) return host;
  if (/[\s/?#@\\]/.test(host)) throw new UsageError(`Not a host name: ${host}`);
  return unbracket(parseUrl(`https://${host}`, 'host name').hostname);
}

function serviceUrl(value: string, flag: string): string {
  const url = parseUrl(value, flag);
  return url.href.replace(/\/+$/, '');
}

function parseUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // A URL that does not parse may still hold `user:password@`: never echo it then.
    throw new UsageError(text.includes('@') ? `Not a valid ${what}` : `Not a valid ${what}: ${text}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(`Do not put credentials in the ${what}: use --username and type the password when asked`);
  }
  if (url.protocol === 'http:') {
    throw new UsageError(
      `http:// is refused (${what} ${text}): Wazo serves its APIs over HTTPS (nginx, port 443), and a password must not travel in clear text; use https://`,
    );
  }
  if (url.protocol !== 'https:') throw new UsageError(`Unsupported scheme ${url.protocol} in ${text}: use https://`);
  if (url.hostname === '') throw new UsageError(`No host name in ${text}`);
  return url;
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
