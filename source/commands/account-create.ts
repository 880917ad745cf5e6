/**
 * `wazo-tui account create NAME [SERVER]`: the quickstart's first step done with least privilege —
 * a wazo-auth user with `purpose: external_api`, a policy named after it holding exactly the ACL
 * asked for, and the association. A name that exists is refused before anything is created, and a
 * failure half-way undoes what was created.
 */
import {randomBytes} from 'node:crypto';
import type {AccountCreateCommand} from '../cli/account-args.js';
import {UsageError} from '../cli/args.js';
import type {AuthedOptions} from '../api/contract.js';
import {isApiError} from '../api/errors.js';
import {sanitize} from '../text/sanitize.js';
import {chooseAcl} from './account-acl.js';
import {asAdmin, loginTarget, type AdminContext} from './admin-session.js';
import {readStdinLines} from './read-password.js';

/** 24 characters of base64url: 144 random bits, nothing a shell or a URL needs to escape. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

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

  return asAdmin(command, target, password, async (context) => {
    const clash = await existing(context, command.name);
    if (clash) {
      process.stderr.write(`wazo-tui: ${clash}; nothing was created (delete it first with: wazo-tui account delete ${command.name})\n`);
      return 1;
    }
    const created: Array<{what: string; undo: (options: AuthedOptions) => Promise<void>}> = [];
    try {
      const user = await context.authed((options) => context.client.accounts.createUser({username: command.name, password: accountPassword}, options));
      created.push({what: `user ${command.name} (${user.uuid})`, undo: (options) => context.client.accounts.deleteUser(user.uuid, options)});
      const policy = await context.authed((options) =>
        context.client.accounts.createPolicy({name: command.name, acl: choice.acl, description: `wazo-tui account ${command.name} (${choice.source})`}, options),
      );
      created.push({what: `policy ${command.name} (${policy.uuid})`, undo: (options) => context.client.accounts.deletePolicy(policy.uuid, options)});
      await context.authed((options) => context.client.accounts.attachPolicy(user.uuid, policy.uuid, options));
      report(command, user.uuid, user.tenant_uuid ?? undefined, choice.acl);
      if (!command.accountPasswordStdin) process.stdout.write(`${accountPassword}\n`);
      return 0;
    } catch (error) {
      await undo(context, created);
      throw error;
    }
  });
}

/** Why NAME cannot be created (a user or a policy of that name), or undefined. */
async function existing(context: AdminContext, name: string): Promise<string | undefined> {
  const users = await context.authed((options) => context.client.accounts.listUsers({filters: {username: name}, recurse: true, limit: 1}, options));
  const user = users.items[0];
  if (user) return `an account named ${name} exists already (${sanitize(user.uuid)}, purpose ${sanitize(user.purpose ?? 'user')})`;
  // auth.yml declares no `name` filter on /policies: search, then match the name exactly.
  const policies = await context.authed((options) => context.client.accounts.listPolicies({search: name}, options));
  const policy = policies.items.find((candidate) => candidate.name === name);
  if (policy) return `a policy named ${name} exists already (${sanitize(policy.uuid)})`;
  return undefined;
}

/** Undo in reverse order; what could not be undone is named, so it can be removed by hand. */
async function undo(context: AdminContext, created: Array<{what: string; undo: (options: AuthedOptions) => Promise<void>}>): Promise<void> {
  for (const step of created.reverse()) {
    try {
      await context.authed(step.undo);
      process.stderr.write(`wazo-tui: undone: ${step.what}\n`);
    } catch (error) {
      const why = isApiError(error) ? sanitize(error.message) : String(error);
      process.stderr.write(`wazo-tui: could not undo ${step.what} (${why}): remove it by hand\n`);
    }
  }
}

function report(command: AccountCreateCommand, uuid: string, tenant: string | undefined, acl: readonly string[]): void {
  const lines = [
    `Created the API account ${command.name} (${sanitize(uuid)}${tenant ? `, tenant ${sanitize(tenant)}` : ''}) with the policy ${command.name}, ${acl.length} ACL${acl.length === 1 ? '' : 's'}:`,
    ...acl.map((entry) => `  ${entry}`),
  ];
  if (!command.accountPasswordStdin) lines.push('Its password is on standard output, shown this once: store it now.');
  process.stderr.write(`${lines.join('\n')}\n`);
}
