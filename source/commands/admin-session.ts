/**
 * What the script commands that act as an administrator share (`account …`): the server and
 * username from the flags or the last profile, its tenant when no --tenant (a name resolved to
 * its uuid, as the dashboard does), the password from standard input, a short online
 * session (no refresh token left behind) revoked at the end, and a certificate refusal reported
 * with the `wazo-tui trust` command to run.
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
  const profiles = new ProfileStore(configDir, {readOnly: true});
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
  const {client} = openConnection(target);
  const session = new Session(client, {clientId: clientIdFor(installId(target.configDir)), expiration: 600, refresh: false});
  try {
    await session.login(target.username, password);
    const tenant = await tenantUuid(command.tenant ?? target.tenant, session, client);
    return await body({client, authed: (call) => session.withToken((token) => call({token, tenant}))});
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    process.stderr.write(certificateRefusalReport(error, trustOptionsFor(command.configDir)));
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
