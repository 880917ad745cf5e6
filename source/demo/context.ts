/** What the route handlers share: data, indexes, accounts, tokens and the server clock. */
import {AccessCheck} from './acl.js';
import {tenantSubtree} from './tenants.js';
import type {Account} from './accounts.js';
import type {DemoCollections} from './collections.js';
import type {DemoData} from './model.js';
import type {TokenRecord, TokenStore} from './tokens.js';

export interface DemoContext {
  data: DemoData;
  collections: DemoCollections;
  accounts: readonly Account[];
  tokens: TokenStore;
  /** The server clock (skewed by `setClockOffset`), fractional ms since the epoch. */
  clock(): number;
  maxSessions: number;
}

/** Whether the token's ACL grants `required`. */
export function tokenAllows(record: TokenRecord, required: string): boolean {
  return new AccessCheck(record.account.acl, record.account.uuid, record.sessionUuid).matches(required);
}

/** The tenant UUIDs a token may act on: its own tenant and every tenant below it. */
export function visibleTenants(context: DemoContext, record: TokenRecord): Set<string> {
  return new Set(tenantSubtree(context.data.tenants, record.account.tenantUuid).map((tenant) => tenant.uuid));
}
