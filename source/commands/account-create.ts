/**
 * `wazo-tui account create NAME [SERVER]`: the quickstart's first step done with least privilege —
 * a wazo-auth user with `purpose: external_api`, a policy named after it holding exactly the ACL
 * asked for, and the association. A name that exists is refused before anything is created, and a
 * failure half-way undoes what was created.
 */
import type {AccountCreateCommand} from '../cli/account-args.js';
import {UsageError} from '../cli/args.js';
import {accountClash, createApiAccount, generatePassword} from '../resources/account-actions.js';
import {sanitize} from '../text/sanitize.js';
import {chooseAcl} from './account-acl.js';
import {asAdmin, loginTarget} from './admin-session.js';
import {readStdinLines} from './read-password.js';

export async function runAccountCreate(command: AccountCreateCommand): Promise<number> {
  const choice = chooseAcl(command);
  const target = loginTarget(command, 'account create');
  const [password = '', given = ''] = await readStdinLines();
  if (password === '') throw new UsageError('--password-stdin read an empty password');
  if (command.accountPasswordStdin && given === '') {
    throw new UsageError("--account-password-stdin reads the new account's password from the second line of standard input, which is empty");
  }
  const accountPassword = command.accountPasswordStdin ? given : generatePassword();
  if (choice.warning) process.stderr.write(`${choice.warning.replace('NAME', command.name)}\n`);

  return asAdmin(command, target, password, async ({client, authed}) => {
    const service = {accounts: client.accounts, authed};
    const clash = await accountClash(service, command.name);
    if (clash) {
      process.stderr.write(`wazo-tui: ${clash}; nothing was created (delete it first with: wazo-tui account delete ${command.name})\n`);
      return 1;
    }
    const progress = (line: string) => process.stderr.write(`wazo-tui: ${line}\n`);
    const {user} = await createApiAccount(service, {name: command.name, password: accountPassword, acl: choice.acl, source: choice.source}, progress);
    report(command, user.uuid, user.tenant_uuid ?? undefined, choice.acl);
    if (!command.accountPasswordStdin) process.stdout.write(`${accountPassword}\n`);
    return 0;
  });
}

function report(command: AccountCreateCommand, uuid: string, tenant: string | undefined, acl: readonly string[]): void {
  const lines = [
    `Created the API account ${command.name} (${sanitize(uuid)}${tenant ? `, tenant ${sanitize(tenant)}` : ''}) with the policy ${command.name}, ${acl.length} ACL${acl.length === 1 ? '' : 's'}:`,
    ...acl.map((entry) => `  ${entry}`),
  ];
  if (!command.accountPasswordStdin) lines.push('Its password is on standard output, shown this once: store it now.');
  process.stderr.write(`${lines.join('\n')}\n`);
}
