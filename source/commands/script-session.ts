/**
 * What every script command that reads confd shares: the login of admin-session.ts, with the
 * profile's token lifetime when no --expiration (but never less than the command needs). Each
 * command only says what to do with the session.
 */
import type {ScriptLogin} from '../cli/args.js';
import type {WazoClient} from '../api/contract.js';
import type {Session} from '../session/session.js';
import {loginTarget, withSession} from './admin-session.js';
import {readPasswordFromStdin} from './read-password.js';

/** Token lifetime of a script run when neither `--expiration` nor the profile gives one. */
const defaultExpiration = 600;

/**
 * Log in, run `work`, revoke the token, and return `work`'s exit code (see {@link withSession}).
 * `name` is the command as messages say it (`users`, `get`); `options.expiration` is the least
 * token lifetime the command needs when `--expiration` is not given (an `--all` export). `work`
 * gets the working tenant's uuid (undefined: the token's own).
 */
export async function withScriptSession(
  name: string,
  command: ScriptLogin,
  work: (session: Session, client: WazoClient, tenant: string | undefined) => Promise<number>,
  options: {expiration?: number} = {},
): Promise<number> {
  const target = loginTarget(command, name);
  const password = await readPasswordFromStdin();
  // The flag wins; otherwise the profile's lifetime, but never less than the command needs.
  const expiration = command.expiration ?? Math.max(target.expiration ?? defaultExpiration, options.expiration ?? 0);
  return withSession(target, password, {expiration, tenant: command.tenant ?? target.tenant, configDirFlag: command.configDir}, work);
}
