/**
 * Creating and deleting API accounts, shared by the `account` commands and `:accounts`: a user
 * with `purpose: external_api`, a policy named after it, the association; undone in reverse order
 * when a step fails, and the policy removed with the account when no other user holds it.
 * Messages are plain text; server strings in them are sanitised.
 */
import {randomBytes} from 'node:crypto';
import type {AccountsApi, AuthedOptions} from '../api/contract.js';
import type {AuthUser, Policy} from '../api/account-schemas.js';
import {isApiError} from '../api/errors.js';
import {sanitize} from '../text/sanitize.js';
import {summarize, type AccountSummary} from './accounts.js';

/** Runs a call with a valid token (the session's `withToken`, plus the working tenant). */
export type Authed = <T>(call: (options: AuthedOptions) => Promise<T>) => Promise<T>;

export interface AccountService {
  accounts: AccountsApi;
  authed: Authed;
}

export interface NewAccount {
  name: string;
  password: string;
  acl: readonly string[];
  /** How the ACL was chosen (`browse`, `custom`), for the policy's description. */
  source: string;
}

/**
 * 24 characters of base64url: 144 random bits, nothing a shell or a URL needs to escape; never
 * starting with `-`, which a command line (curl -u, tmux, read) would take for an option.
 */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (/^[A-Za-z0-9]/.test(password)) return password;
  }
}

/** Why NAME cannot be created (a user or a policy of that name exists), or undefined. */
export async function accountClash({accounts, authed}: AccountService, name: string): Promise<string | undefined> {
  const user = await findUser({accounts, authed}, name);
  if (user) return `an account named ${name} exists already (${sanitize(user.uuid)}, purpose ${sanitize(user.purpose ?? 'user')})`;
  // auth.yml declares no `name` filter on /policies: search, then match the name exactly.
  const policies = await authed((options) => accounts.listPolicies({search: name}, options));
  const policy = policies.items.find((candidate) => candidate.name === name);
  return policy ? `a policy named ${name} exists already (${sanitize(policy.uuid)})` : undefined;
}

/** The user whose username is exactly NAME, in the working tenant and below. */
export async function findUser({accounts, authed}: AccountService, name: string): Promise<AuthUser | undefined> {
  const found = await authed((options) => accounts.listUsers({filters: {username: name}, recurse: true, limit: 1}, options));
  return found.items[0];
}

/**
 * Create the user, the policy and the association. On a failure, what was created is deleted
 * again (each step reported to `progress`) and the failure is thrown.
 */
export async function createApiAccount(
  {accounts, authed}: AccountService,
  account: NewAccount,
  progress: (line: string) => void = () => {},
): Promise<AccountSummary> {
  const created: Array<{what: string; undo: (options: AuthedOptions) => Promise<void>}> = [];
  try {
    const user = await authed((options) => accounts.createUser({username: account.name, password: account.password}, options));
    created.push({what: `user ${account.name} (${sanitize(user.uuid)})`, undo: (options) => accounts.deleteUser(user.uuid, options)});
    const policy = await authed((options) =>
      accounts.createPolicy({name: account.name, acl: account.acl, description: `wazo-tui account ${account.name} (${account.source})`}, options),
    );
    created.push({what: `policy ${account.name} (${sanitize(policy.uuid)})`, undo: (options) => accounts.deletePolicy(policy.uuid, options)});
    await authed((options) => accounts.attachPolicy(user.uuid, policy.uuid, options));
    return summarize(user, [policy]);
  } catch (error) {
    for (const step of created.reverse()) {
      try {
        await authed(step.undo);
        progress(`undone: ${step.what}`);
      } catch (undoError) {
        progress(`could not undo ${step.what} (${isApiError(undoError) ? sanitize(undoError.message) : String(undoError)}): remove it by hand`);
      }
    }
    throw error;
  }
}

/**
 * Delete the account's user, then its own policy (the one named after it) unless another user
 * holds it or it is shared from above. Returns what was done, one sentence per line.
 */
export async function deleteApiAccount({accounts, authed}: AccountService, user: AuthUser, policies: readonly Policy[]): Promise<string[]> {
  const name = user.username ?? user.uuid;
  await authed((options) => accounts.deleteUser(user.uuid, options));
  const lines = [`Deleted the API account ${sanitize(name)} (${sanitize(user.uuid)}).`];
  const own = policies.find((policy) => policy.name === user.username);
  if (own) {
    const holders = await authed((options) => accounts.listUsers({filters: {policy_uuid: own.uuid}, recurse: true, limit: 1}, options));
    if (own.read_only === true) lines.push(`Kept the policy ${sanitize(own.name)}: it is shared from a parent tenant.`);
    else if (holders.total > 0) {
      lines.push(`Kept the policy ${sanitize(own.name)}: ${holders.total} other user${holders.total === 1 ? '' : 's'} hold${holders.total === 1 ? 's' : ''} it.`);
    } else {
      await authed((options) => accounts.deletePolicy(own.uuid, options));
      lines.push(`Deleted its policy ${sanitize(own.name)} (${sanitize(own.uuid)}).`);
    }
  }
  const others = policies.filter((policy) => policy !== own);
  if (others.length > 0) lines.push(`Kept the policies it shared: ${others.map((policy) => sanitize(policy.name)).join(', ')}.`);
  return lines;
}
