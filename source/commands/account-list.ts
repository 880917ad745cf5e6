/**
 * `wazo-tui account list [SERVER]`: the API accounts (`purpose: external_api`) with their
 * policies, their wildcards and, when the server says, when each was created.
 */
import type {AccountListCommand} from '../cli/account-args.js';
import {formatAligned, formatTsv} from '../output/rows.js';
import {toSafeJson} from '../output/json.js';
import {tolerateClosedPipe} from '../output/closed-pipe.js';
import {loadAccounts, wildcardLabel} from '../resources/accounts.js';
import {asAdmin, loginTarget} from './admin-session.js';
import {readPasswordFromStdin} from './read-password.js';

const columns = [{title: 'Username'}, {title: 'UUID'}, {title: 'Enabled'}, {title: 'Policies'}, {title: 'Wildcards'}, {title: 'Created'}];

export async function runAccountList(command: AccountListCommand): Promise<number> {
  tolerateClosedPipe();
  const target = loginTarget(command, 'account list');
  const password = await readPasswordFromStdin();
  return asAdmin(command, target, password, async ({client, authed}) => {
    const {accounts} = await loadAccounts(
      {
        listUsers: (query) => authed((options) => client.accounts.listUsers(query, options)),
        userPolicies: (uuid) => authed((options) => client.accounts.userPolicies(uuid, options)),
      },
      {filters: {purpose: 'external_api'}},
    );
    if (command.json) {
      const items = accounts.map(({user, policies, wildcard}) => ({...user, policies, wildcard}));
      process.stdout.write(`${toSafeJson({total: items.length, items})}\n`);
      return 0;
    }
    const rows = accounts.map(({user, policies, wildcard}) => [
      user.username ?? '',
      user.uuid,
      user.enabled === false ? 'no' : 'yes',
      policies.map((policy) => policy.name).join(', '),
      wildcardLabel(wildcard),
      user.created_at ?? '',
    ]);
    process.stdout.write((process.stdout.isTTY ? formatAligned : formatTsv)(columns, rows));
    if (process.stdout.isTTY) process.stderr.write(`${accounts.length} API account${accounts.length === 1 ? '' : 's'}\n`);
    return 0;
  });
}
