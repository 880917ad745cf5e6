/**
 * `wazo-tui account delete NAME [SERVER]`: the quickstart's last step. Removes the API account,
 * and the policy named after it (the one `account create` made) when no other user holds it.
 */
import type {AccountDeleteCommand} from '../cli/account-args.js';
import {sanitize} from '../text/sanitize.js';
import {asAdmin, loginTarget} from './admin-session.js';
import {readPasswordFromStdin} from './read-password.js';

export async function runAccountDelete(command: AccountDeleteCommand): Promise<number> {
  const target = loginTarget(command, 'account delete');
  const password = await readPasswordFromStdin();
  return asAdmin(command, target, password, async ({client, authed}) => {
    const found = await authed((options) => client.accounts.listUsers({filters: {username: command.name}, recurse: true, limit: 1}, options));
    const user = found.items[0];
    if (!user) {
      process.stderr.write(`wazo-tui: there is no account named ${command.name} (in this tenant and below)\n`);
      return 1;
    }
    // A person's login is not an API account: removing it is for the Wazo portal, not this command.
    if (user.purpose !== 'external_api') {
      process.stderr.write(`wazo-tui: ${command.name} is not an API account (purpose ${sanitize(user.purpose ?? 'user')}); account delete removes API accounts only\n`);
      return 1;
    }
    const held = await authed((options) => client.accounts.userPolicies(user.uuid, options));
    await authed((options) => client.accounts.deleteUser(user.uuid, options));
    const lines = [`Deleted the API account ${command.name} (${sanitize(user.uuid)}).`];
    const own = held.items.find((policy) => policy.name === command.name);
    if (own) {
      const holders = await authed((options) => client.accounts.listUsers({filters: {policy_uuid: own.uuid}, recurse: true, limit: 1}, options));
      if (holders.total === 0 && own.read_only !== true) {
        await authed((options) => client.accounts.deletePolicy(own.uuid, options));
        lines.push(`Deleted its policy ${command.name} (${sanitize(own.uuid)}).`);
      } else {
        lines.push(`Kept the policy ${command.name}: ${holders.total} other user${holders.total === 1 ? '' : 's'} hold${holders.total === 1 ? 's' : ''} it.`);
      }
    }
    const others = held.items.filter((policy) => policy !== own);
    if (others.length > 0) lines.push(`Kept the policies it shared: ${others.map((policy) => sanitize(policy.name)).join(', ')}.`);
    process.stderr.write(`${lines.join('\n')}\n`);
    return 0;
  });
}
