/**
 * `wazo-tui account delete NAME [SERVER]`: the quickstart's last step. Removes the API account,
 * and the policy named after it (the one `account create` made) when no other user holds it.
 */
import type {AccountDeleteCommand} from '../cli/account-args.js';
import {deleteApiAccount, findUser} from '../resources/account-actions.js';
import {sanitize} from '../text/sanitize.js';
import {asAdmin, loginTarget} from './admin-session.js';
import {readPasswordFromStdin} from './read-password.js';

export async function runAccountDelete(command: AccountDeleteCommand): Promise<number> {
  const target = loginTarget(command, 'account delete');
  const password = await readPasswordFromStdin();
  return asAdmin(command, target, password, async ({client, authed}) => {
    const service = {accounts: client.accounts, authed};
    const user = await findUser(service, command.name);
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
    const lines = await deleteApiAccount(service, user, held.items);
    process.stderr.write(`${lines.join('\n')}\n`);
    return 0;
  });
}
