/**
 * The path from an address to a logged-in session: open the client, make sure the certificate
 * is trusted before any credential leaves the machine, then log in. Plain functions over a
 * small mutable context, so the App only wires results to screens.
 */
import type {WazoClient} from '../api/contract.js';
import {parseServer} from '../api/target.js';
import {ApiError} from '../api/errors.js';
import {ConfigFileError} from '../config/errors.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import type {Pin} from '../api/tls/types.js';
import {clientIdFor, installId} from '../config/install-id.js';
import type {NamedProfile, ProfileStore} from '../config/profiles.js';
import {openConnection, type Connection} from '../connection.js';
import {Session} from '../session/session.js';

/** A token UUID that cannot exist: asking wazo-auth about it carries no credential. */
const probeToken = '00000000-0000-4000-8000-000000000000';

export interface LoginValues {
  server: string;
  username: string;
  password: string;
  expiration: number;
}

export interface ConnectContext {
  configDir: string;
  caFiles: string[];
  authUrl?: string;
  confdUrl?: string;
  profiles: ProfileStore;
  /** The profile chosen with `-p` or `:ctx`: its settings apply while its server is the one typed. */
  profile?: string;
  connection?: Connection;
  /** host:port of servers whose certificate passed (CA, pin, or confirmed now). */
  trusted: Set<string>;
}

export type TrustOutcome = {kind: 'trusted'} | {kind: 'decide'; error: CertificateError};

/** The connection for an address, reusing the current one when the address is the same. */
export function connectionFor(context: ConnectContext, server: string): Connection {
  const current = context.connection;
  if (current && current.target.hostPort === openTargetKey(context, server)) return current;
  current?.client.close();
  const profile = context.profiles.forServer(server, context.profile);
  context.connection = openConnection({
    server,
    configDir: context.configDir,
    caFiles: context.caFiles.length > 0 ? context.caFiles : (profile?.caFiles ?? []),
    authUrl: context.authUrl ?? profile?.authUrl,
    confdUrl: context.confdUrl ?? profile?.confdUrl,
  });
  return context.connection;
}

function openTargetKey(context: ConnectContext, server: string): string | undefined {
  try {
    return parseServer(server, {authUrl: context.authUrl, confdUrl: context.confdUrl}).hostPort;
  } catch {
    return undefined;
  }
}

/**
 * Check the server's certificate with a request that carries no credential. A certificate
 * that is neither CA-trusted nor pinned comes back as a decision for the user.
 */
export async function checkTrust(context: ConnectContext, server: string): Promise<TrustOutcome> {
  const {client, target} = connectionFor(context, server);
  if (context.trusted.has(target.hostPort)) return {kind: 'trusted'};
  try {
    await client.auth.checkToken(probeToken);
  } catch (error) {
    if (error instanceof CertificateError) return {kind: 'decide', error};
    throw error;
  }
  context.trusted.add(target.hostPort);
  return {kind: 'trusted'};
}

/** Apply the user's decision on a certificate: pin it (remembered or for this run only). */
export function acceptCertificate(context: ConnectContext, error: CertificateError, remember: boolean): void {
  const connection = context.connection;
  if (!connection) throw new Error('acceptCertificate without a connection');
  const pin: Pin = {
    hostPort: connection.target.hostPort,
    pem: error.certificate.pem,
    fingerprint256: error.certificate.fingerprint256,
    trustedAt: new Date().toISOString(),
  };
  if (remember) connection.pins.set(pin);
  connection.client.setTrust({...connection.client.trust, pin});
  context.trusted.add(connection.target.hostPort);
}

export interface LoginResult {
  session: Session;
  client: WazoClient;
  /** The profile the login used or created: its default tenant and collection open. */
  profile?: NamedProfile;
  /** Why the profile could not be saved (the session goes on). */
  warning?: string;
}

/** Log in and remember the profile (never the password); `profile` is the one it used or created. */
export async function logIn(context: ConnectContext, values: LoginValues): Promise<LoginResult> {
  const {client} = connectionFor(context, values.server);
  const session = new Session(client, {
    clientId: clientIdFor(installId(context.configDir)),
    expiration: values.expiration,
  });
  await session.login(values.username, values.password);
  // The session exists now: a profiles file that cannot be written must not lose it (nor its token).
  let warning: string | undefined;
  try {
    context.profile = context.profiles.remember({
      name: context.profile,
      server: values.server,
      username: values.username,
      expiration: values.expiration,
      ...(context.caFiles.length > 0 ? {caFiles: context.caFiles} : {}),
      ...(context.authUrl ? {authUrl: context.authUrl} : {}),
      ...(context.confdUrl ? {confdUrl: context.confdUrl} : {}),
    });
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    warning = `The profile was not saved: ${error.message}`;
  }
  const profile = context.profile === undefined ? undefined : context.profiles.get(context.profile);
  return {session, client, profile, warning};
}

/** Whether a login failed on the credentials themselves (the password field is then cleared). */
export function isCredentialError(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'auth-failed';
}
