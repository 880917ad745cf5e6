/**
 * What every script command that reads confd shares: the server and username (or the last
 * profile's), the password from stdin, a trusted connection, a short-lived online token (the
 * profile's lifetime when no --expiration), the working tenant (--tenant, else the profile's,
 * a name resolved to its uuid), and the token's revocation at the end whatever happened. Each
 * command only says what to do with the session.
 */
import {UsageError, type ScriptLogin} from '../cli/args.js';
import type {WazoClient} from '../api/contract.js';
import {exitCodeFor} from '../api/errors.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import {clientIdFor, installId} from '../config/install-id.js';
import {resolveConfigDir} from '../config/paths.js';
import {ProfileStore} from '../config/profiles.js';
import {openConnection} from '../connection.js';
import {Session} from '../session/session.js';
import {sanitize} from '../text/sanitize.js';
import {certificateRefusalReport} from './certificate-refused.js';
import {readPasswordFromStdin} from './read-password.js';
import {tenantUuid} from './tenant-lookup.js';
import {trustOptionsFor} from './trust-options.js';

/** Token lifetime of a script run when `--expiration` is not given. */
const defaultExpiration = 600;

/**
 * Log in, run `work`, revoke the token, and return `work`'s exit code. A refused certificate is
 * reported with the `wazo-tui trust` command to run (exit 4); other errors are thrown on, after
 * the revocation. `name` is the command as messages say it (`users`, `get`); `options.expiration`
 * is the least token lifetime the command needs when `--expiration` is not given. `work` gets the
 * working tenant's uuid (undefined: the token's own).
 */
export async function withScriptSession(
  name: string,
  command: ScriptLogin,
  work: (session: Session, client: WazoClient, tenant: string | undefined) => Promise<number>,
  options: {expiration?: number} = {},
): Promise<number> {
  const configDir = resolveConfigDir(command.configDir);
  // Read, never changed: a script run leaves the profiles (and a broken file) as they are.
  const profiles = new ProfileStore(configDir, {readOnly: true});
  for (const notice of profiles.notices) process.stderr.write(`wazo-tui: warning: ${sanitize(notice)}\n`);
  const profile = command.profile ? profiles.get(command.profile) : command.server ? profiles.forServer(command.server) : profiles.current();
  if (command.profile && !profile) throw new UsageError(`no profile named ${command.profile} (wazo-tui profiles list shows them)`);
  const server = command.server ?? profile?.server;
  if (!server) throw new UsageError(`${name} needs a SERVER (none was given and no profile is remembered)`);
  const username = command.username ?? profile?.username;
  if (!username) throw new UsageError(`${name} needs --username U`);
  if (!command.passwordStdin) {
    throw new UsageError('give the password on standard input with --password-stdin (it is never taken from a flag)');
  }
  const password = await readPasswordFromStdin();

  const {client} = openConnection({
    server,
    configDir,
    caFiles: command.caFiles.length > 0 ? command.caFiles : profile?.caFiles,
    authUrl: command.authUrl ?? profile?.authUrl,
    confdUrl: command.confdUrl ?? profile?.confdUrl,
  });
  const session = new Session(client, {
    clientId: clientIdFor(installId(configDir)),
    // The flag wins; otherwise the profile's lifetime, but never less than the command needs (an --all export).
    expiration: command.expiration ?? Math.max(profile?.expiration ?? defaultExpiration, options.expiration ?? 0),
    // A script run and out: an offline token would leave a long-lived refresh token on the server for nothing.
    refresh: false,
  });
  try {
    await session.login(username, password);
    return await work(session, client, await tenantUuid(command.tenant ?? profile?.tenant, session, client));
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
