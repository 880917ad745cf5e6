/**
 * The `:accounts` and `:sessions` pages' source: wazo-auth calls made with the session's token in
 * the working tenant. Built here, where the session meets the client, so the pages hold neither.
 */
import type {AuthedOptions, WazoClient} from '../api/contract.js';
import {isApiError} from '../api/errors.js';
import {createApiAccount, deleteApiAccount, generatePassword, type AccountService} from '../resources/account-actions.js';
import {ACCOUNT_PAGE, loadAccounts} from '../resources/accounts.js';
import {browsePreset} from '../resources/browse-acl.js';
import {sessionRows, type AdminSource, type SessionsView} from '../screens/admin-source.js';
import type {Session} from '../session/session.js';

export function adminSource(session: Session, client: WazoClient, tenant: string | undefined): AdminSource {
  const service: AccountService = {
    accounts: client.accounts,
    authed: <T>(call: (options: AuthedOptions) => Promise<T>) => session.withToken((token) => call({token, tenant})),
  };
  const {accounts, authed} = service;
  const createAcl = browsePreset();

  /** A list that may be refused: its rows, or none and the reason. */
  async function part<T>(name: string, load: () => Promise<{items: T[]}>, problems: SessionsView['problems']): Promise<T[]> {
    try {
      return (await load()).items;
    } catch (error) {
      if (!isApiError(error) || (error.kind !== 'forbidden' && error.kind !== 'not-found')) throw error;
      problems.push({part: name, error, requiredAcl: error.requiredAcl});
      return [];
    }
  }

  return {
    createAcl,
    loadAccounts: ({search, offset}) =>
      loadAccounts(
        {
          listUsers: (query) => authed((options) => accounts.listUsers(query, options)),
          userPolicies: (uuid) => authed((options) => accounts.userPolicies(uuid, options)),
        },
        {search, offset, max: ACCOUNT_PAGE},
      ),
    async createAccount(name) {
      const password = generatePassword();
      const account = await createApiAccount(service, {name, password, acl: createAcl, source: 'browse'});
      return {account, password};
    },
    deleteAccount: (account) => deleteApiAccount(service, account.user, account.policies),
    async loadSessions() {
      const {userUuid, sessionUuid} = session.snapshot;
      const problems: SessionsView['problems'] = [];
      const mine = userUuid === undefined ? [] : await part('Your sessions', () => authed((options) => accounts.userSessions(userUuid, {}, options)), problems);
      const refresh = await part('Your refresh tokens', () => authed((options) => accounts.refreshTokens('me', {order: 'created_at'}, options)), problems);
      // Every session of the tenant needs auth.sessions.read; without it the page says so and shows the rest.
      const tenant = await part("The tenant's sessions", () => authed((options) => accounts.listSessions({}, options)), problems);
      return {rows: sessionRows(mine, refresh, tenant, {sessionUuid, clientId: session.clientId}), problems};
    },
    revoke(row) {
      if (row.kind === 'refresh') return authed((options) => accounts.deleteUserRefreshToken('me', row.id, options));
      return authed((options) => accounts.deleteSession(row.id, options, row.kind === 'mine' ? row.userUuid : undefined));
    },
  };
}
