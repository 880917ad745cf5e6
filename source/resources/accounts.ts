/**
 * wazo-auth accounts as `account list` and `:accounts` show them: each user with its policies,
 * and whether their ACL holds `#` (everything) or another wildcard. Loading goes through the
 * functions given, so scripts pass the client and the dashboard passes the session's source.
 */
import type {AuthListQuery} from '../api/contract.js';
import type {AuthUser, Policy} from '../api/account-schemas.js';
import type {ListPage} from '../api/schemas.js';

/** `#`: the ACL grants everything; `wildcard`: some entry holds `*` or a `#` below the root. */
export type WildcardFlag = '#' | 'wildcard' | 'none';

export interface AccountSummary {
  user: AuthUser;
  policies: Policy[];
  /** Every ACL entry of every policy, without repeats, in policy order. */
  acl: string[];
  wildcard: WildcardFlag;
}

/** The widest wildcard of an ACL. */
export function wildcardOf(acl: readonly string[]): WildcardFlag {
  if (acl.includes('#')) return '#';
  return acl.some((entry) => !entry.startsWith('!') && (entry.includes('*') || entry.includes('#'))) ? 'wildcard' : 'none';
}

export function summarize(user: AuthUser, policies: Policy[]): AccountSummary {
  const acl = [...new Set(policies.flatMap((policy) => policy.acl))];
  return {user, policies, acl, wildcard: wildcardOf(acl)};
}

/** What loading accounts needs: wazo-auth's two lists. */
export interface AccountReader {
  listUsers(query: AuthListQuery): Promise<ListPage<AuthUser>>;
  userPolicies(userUuid: string): Promise<ListPage<Policy>>;
}

/** Users asked for at a time; each then needs its own policies request. */
export const ACCOUNT_PAGE = 100;

/** Which users: every filter exact, `search` wazo-auth's (a part of the username, a name or the email). */
export interface AccountQuery {
  filters?: Record<string, string>;
  search?: string;
  recurse?: boolean;
}

/** Users matching the query, by username, each with its policies; `total` is the server's count of matches. */
export async function loadAccounts(
  reader: AccountReader,
  options: AccountQuery & {offset?: number; max?: number} = {},
): Promise<{total: number; accounts: AccountSummary[]}> {
  const users: AuthUser[] = [];
  const max = options.max ?? Number.POSITIVE_INFINITY;
  let total = 0;
  for (let offset = options.offset ?? 0; users.length < max; offset += ACCOUNT_PAGE) {
    const limit = Math.min(ACCOUNT_PAGE, max - users.length);
    const page = await reader.listUsers({filters: options.filters, search: options.search, recurse: options.recurse ?? true, limit, offset, order: 'username'});
    total = page.total;
    users.push(...page.items);
    if (page.items.length === 0 || offset + page.items.length >= page.total) break;
  }
  const accounts = await Promise.all(users.map(async (user) => summarize(user, (await reader.userPolicies(user.uuid)).items)));
  return {total, accounts};
}

/** How the flag reads in a table cell. */
export function wildcardLabel(flag: WildcardFlag): string {
  return flag === '#' ? '# (full access)' : flag === 'wildcard' ? 'wildcard' : '';
}
