/**
 * `wazo-tui revoke [TOKEN|-] [SERVER]`: end one access token (`DELETE /token/{token}`, which needs
 * no permission but the token itself). Without TOKEN it is read from standard input, so it never
 * has to appear in the shell's history or the process list.
 */
import {UsageError} from '../cli/args.js';
import type {RevokeCommand} from '../cli/account-args.js';
import {exitCodeFor} from '../api/errors.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import {resolveConfigDir} from '../config/paths.js';
import {ProfileStore} from '../config/profiles.js';
import {openConnection} from '../connection.js';
import {certificateRefusalReport} from './certificate-refused.js';
import {readStdinLines} from './read-password.js';
import {trustOptionsFor} from './trust-options.js';

export async function runRevoke(command: RevokeCommand): Promise<number> {
  const configDir = resolveConfigDir(command.configDir);
  const profiles = new ProfileStore(configDir, {readOnly: true});
  const profile = command.server ? profiles.forServer(command.server) : profiles.current();
  const server = command.server ?? profile?.server;
  if (!server) throw new UsageError('revoke needs a SERVER (none was given and no profile is remembered)');
  const token = (command.token ?? (await readStdinLines())[0] ?? '').trim();
  if (token === '') throw new UsageError('revoke needs a TOKEN, as its argument or on standard input');
  // The path holds the token: anything but a token's characters would change the request.
  if (!/^[A-Za-z0-9_.-]+$/.test(token)) throw new UsageError('that is not a token (letters, digits, - _ . only)');

  const {client} = openConnection({
    server,
    configDir,
    caFiles: command.caFiles.length > 0 ? command.caFiles : profile?.caFiles,
    authUrl: command.authUrl ?? profile?.authUrl,
    confdUrl: command.confdUrl ?? profile?.confdUrl,
  });
  try {
    const live = await client.auth.checkToken(token);
    await client.auth.revokeToken(token);
    process.stderr.write(live ? 'Revoked: the token is no longer valid.\n' : 'The token was not valid (unknown, expired or already revoked); nothing to revoke.\n');
    return 0;
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    process.stderr.write(certificateRefusalReport(error, trustOptionsFor(command.configDir)));
    return exitCodeFor(error);
  } finally {
    client.close();
  }
}
