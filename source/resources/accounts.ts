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

const PAGE = 100;

/** Every user matching `filters` (all pages), each with its policies. */
export async function loadAccounts(reader: AccountReader, filters: Record<string, string> = {}, recurse = true): Promise<AccountSummary[]> {
  const users: AuthUser[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await reader.listUsers({filters, recurse, limit: PAGE, offset, order: 'username'});
    users.push(...page.items);
    if (page.items.length < PAGE || users.length >= page.total) break;
  }
  return Promise.all(users.map(async (user) => summarize(user, (await reader.userPolicies(user.uuid)).items)));
}

/** How the flag reads in a table cell. */
export function wildcardLabel(flag: WildcardFlag): string {
  return flag === '#' ? '# (full access)' : flag === 'wildcard' ? 'wildcard' : '';
}
