/**
 * What the script commands that log in share (`account …`, `token`, and through script-session.ts
 * the collections): the server and username from the flags or the last profile, its tenant when no
 * --tenant (a name resolved to its uuid, as the dashboard does), the password from standard input,
 * a short online session (no refresh token left behind) revoked at the end whatever happened, and
 * a certificate refusal reported with the `wazo-tui trust` command to run.
 */
import type {AuthedOptions, WazoClient} from '../api/contract.js';
import {exitCodeFor} from '../api/errors.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import {UsageError, type CommonOptions} from '../cli/args.js';
import {clientIdFor, installId} from '../config/install-id.js';
import {resolveConfigDir} from '../config/paths.js';
import {ProfileStore} from '../config/profiles.js';
import {openConnection} from '../connection.js';
import {Session} from '../session/session.js';
import {sanitize} from '../text/sanitize.js';
import {certificateRefusalReport} from './certificate-refused.js';
import {tenantUuid} from './tenant-lookup.js';
import {trustOptionsFor} from './trust-options.js';

export interface AdminLogin extends CommonOptions {
  server?: string;
  profile?: string;
  username?: string;
  passwordStdin: boolean;
  tenant?: string;
}

/** Where to log in and as whom, resolved from the flags and the last profile. */
export interface LoginTarget {
  server: string;
  username: string;
  configDir: string;
  caFiles?: string[];
  authUrl?: string;
  confdUrl?: string;
  /** The profile's default tenant (uuid, name or slug) and token lifetime. */
  tenant?: string;
  expiration?: number;
}

/** Resolve SERVER and `-u` (`-p NAME`, or the profile of SERVER or the last one, fills them in) and insist on `--password-stdin`. */
export function loginTarget(command: AdminLogin, what: string): LoginTarget {
  const configDir = resolveConfigDir(command.configDir);
  // Read, never changed: a script run leaves the profiles (and a broken file) as they are.
  const profiles = new ProfileStore(configDir, {readOnly: true});
  for (const notice of profiles.notices) process.stderr.write(`wazo-tui: warning: ${sanitize(notice)}\n`);
  const profile = command.profile ? profiles.get(command.profile) : command.server ? profiles.forServer(command.server) : profiles.current();
  if (command.profile && !profile) throw new UsageError(`no profile named ${command.profile} (wazo-tui profiles list shows them)`);
  const server = command.server ?? profile?.server;
  if (!server) throw new UsageError(`${what} needs a SERVER (none was given and no profile is remembered)`);
  const username = command.username ?? profile?.username;
  if (!username) throw new UsageError(`${what} needs --username U`);
  if (!command.passwordStdin) throw new UsageError('give the password on standard input with --password-stdin (it is never taken from a flag)');
  return {
    server,
    username,
    configDir,
    caFiles: command.caFiles.length > 0 ? command.caFiles : profile?.caFiles,
    authUrl: command.authUrl ?? profile?.authUrl,
    confdUrl: command.confdUrl ?? profile?.confdUrl,
    tenant: profile?.tenant,
    expiration: profile?.expiration,
  };
}

/** A logged-in administrator: run calls with its token (and the working tenant). */
export interface AdminContext {
  client: WazoClient;
  authed<T>(call: (options: AuthedOptions) => Promise<T>): Promise<T>;
}

/**
 * Open the client, log in, run `body`, and always revoke the token; a certificate refusal becomes
 * its report and exit code 4, other errors go up to the caller (cli.tsx prints them).
 */
export async function asAdmin(command: AdminLogin, target: LoginTarget, password: string, body: (context: AdminContext) => Promise<number>): Promise<number> {
  return withSession(target, password, {expiration: 600, tenant: command.tenant ?? target.tenant, configDirFlag: command.configDir}, (session, client, tenant) =>
    body({client, authed: (call) => session.withToken((token) => call({token, tenant}))}),
  );
}

/** How a script's session is opened. */
export interface SessionOptions {
  /** Token lifetime, seconds. */
  expiration: number;
  /** The working tenant: uuid, name or slug (undefined: the token's own). */
  tenant: string | undefined;
  /** `--config-dir` as given, for the `wazo-tui trust` command a refusal suggests. */
  configDirFlag: string | undefined;
}

/**
 * Log in to `target`, run `work` with the working tenant's uuid, revoke the token, and return
 * `work`'s exit code. A refused certificate is reported with the `wazo-tui trust` command to run
 * (exit 4); other errors are thrown on, after the revocation.
 */
export async function withSession(
  target: LoginTarget,
  password: string,
  options: SessionOptions,
  work: (session: Session, client: WazoClient, tenant: string | undefined) => Promise<number>,
): Promise<number> {
  const {client} = openConnection(target);
  // A script run and out: an offline token would leave a long-lived refresh token on the server for nothing.
  const session = new Session(client, {clientId: clientIdFor(installId(target.configDir)), expiration: options.expiration, refresh: false});
  try {
    await session.login(target.username, password);
    return await work(session, client, await tenantUuid(options.tenant, session, client));
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    process.stderr.write(certificateRefusalReport(error, trustOptionsFor(options.configDirFlag)));
    return exitCodeFor(error);
  } finally {
    await session.end();
    const revocation = session.snapshot.lastError;
    if (revocation) {
      process.stderr.write(`wazo-tui: warning: the token could not be revoked (${sanitize(revocation.message)}); it stays valid until it expires.\n`);
    }
    client.close();
  }
}
