/**
 * `wazo-tui token [SERVER] -u U --password-stdin [--expiration S]`: the quickstart's copy-paste
 * step. One online access token (no refresh token is left on the server) on stdout, for
 * `curl -H "X-Auth-Token: …"`; what it grants and when it expires on stderr.
 */
import {exitCodeFor} from '../api/errors.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import type {TokenCommand} from '../cli/account-args.js';
import {openConnection} from '../connection.js';
import {wildcardOf} from '../resources/accounts.js';
import {sanitize} from '../text/sanitize.js';
import {loginTarget} from './admin-session.js';
import {certificateRefusalReport} from './certificate-refused.js';
import {readPasswordFromStdin} from './read-password.js';
import {trustOptionsFor} from './trust-options.js';

export async function runToken(command: TokenCommand): Promise<number> {
  const target = loginTarget(command, 'token');
  // A token to paste into curl: ten minutes unless the flag or the profile says otherwise.
  const expiration = command.expirationGiven ? command.expiration : (target.expiration ?? command.expiration);
  const password = await readPasswordFromStdin();
  const {client} = openConnection(target);
  try {
    const token = await client.auth.createToken({username: target.username, password, expiration, accessType: 'online'});
    process.stdout.write(`${token.token}\n`);
    process.stderr.write(grants(target.username, token.acl, token.utc_expires_at, expiration));
    return 0;
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    process.stderr.write(certificateRefusalReport(error, trustOptionsFor(command.configDir)));
    return exitCodeFor(error);
  } finally {
    client.close();
  }
}

/** The stderr summary: who, until when, and the ACL (with the quickstart's warning for `#`). */
export function grants(username: string, acl: readonly string[], expiresAt: string, seconds: number): string {
  const lines = [`Token for ${sanitize(username)}, valid ${seconds} s, until ${sanitize(expiresAt)} UTC (revoke it sooner with: wazo-tui revoke TOKEN).`];
  if (wildcardOf(acl) === '#') lines.push('It grants every permission (ACL #): anyone who knows it can do anything on the server.');
  else lines.push(`It grants ${acl.length} ACL${acl.length === 1 ? '' : 's'}: ${acl.map(sanitize).join(' ')}`);
  return `${lines.join('\n')}\n`;
}
