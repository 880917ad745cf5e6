/**
 * What the `:accounts` and `:sessions` pages show and may do, built for them by the app layer
 * (`app/admin-source.ts`) from the client and the session: the pages never hold either.
 */
import type {AuthSession, RefreshToken} from '../api/account-schemas.js';
import type {AccountSummary} from '../resources/accounts.js';

/** One line of `:sessions`: a session (an access token) or a refresh token. */
export interface SessionRow {
  /** `mine`: the logged-in user's sessions; `refresh`: its refresh tokens; `tenant`: every session of the tenant. */
  kind: 'mine' | 'refresh' | 'tenant';
  /** The session's uuid, or the refresh token's client id. */
  id: string;
  userUuid?: string;
  mobile: boolean;
  createdAt?: string;
  /** This dashboard's own session, or its installation's refresh token. */
  ours: boolean;
}

export interface SessionsView {
  rows: SessionRow[];
  /** Parts that could not be read (typically a missing ACL): which part, and why. */
  problems: Array<{part: string; error: unknown; requiredAcl?: string}>;
}

export interface AccountsView {
  accounts: AccountSummary[];
  /** How many users match on the server; more than `accounts` until every page is loaded. */
  total: number;
}

/** Which accounts to load: those matching `search` (all when empty), the page from `offset`. */
export interface AccountsRequest {
  search: string;
  offset: number;
}

export interface AdminSource {
  /** One page of accounts, by username. */
  loadAccounts(request: AccountsRequest): Promise<AccountsView>;
  /** The ACL `c` grants: wazo-tui's browse preset. */
  readonly createAcl: readonly string[];
  /** Create an API account with the browse preset; the generated password comes back, to show once. */
  createAccount(name: string): Promise<{account: AccountSummary; password: string}>;
  /** Delete an API account (and its own policy when no one else holds it); what was done, line by line. */
  deleteAccount(account: AccountSummary): Promise<string[]>;
  loadSessions(): Promise<SessionsView>;
  /** End a session (`DELETE …/sessions/{uuid}`) or delete a refresh token. */
  revoke(row: SessionRow): Promise<void>;
}

/** Rows from the server's lists, ours marked. */
export function sessionRows(
  mine: readonly AuthSession[],
  refresh: readonly RefreshToken[],
  tenant: readonly AuthSession[],
  ours: {sessionUuid?: string; clientId: string},
): SessionRow[] {
  const session = (kind: 'mine' | 'tenant') => (item: AuthSession): SessionRow => ({
    kind,
    id: item.uuid,
    userUuid: item.user_uuid ?? undefined,
    mobile: item.mobile === true,
    ours: item.uuid === ours.sessionUuid,
  });
  return [
    ...mine.map(session('mine')),
    ...refresh.map((item): SessionRow => ({
      kind: 'refresh',
      id: item.client_id,
      userUuid: item.user_uuid ?? undefined,
      mobile: item.mobile === true,
      createdAt: item.created_at ?? undefined,
      ours: item.client_id === ours.clientId,
    })),
    ...tenant.map(session('tenant')),
  ];
}
