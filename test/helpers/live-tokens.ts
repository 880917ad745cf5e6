/**
 * What a user still holds on the demo server, asked over its wazo-auth API: live sessions (one per
 * access token) and refresh tokens (by client_id). The question is asked with a token of the
 * test's own (the main account), which is revoked afterwards and never counted.
 */
import type {DemoServer} from '../../source/demo/server.js';
import {demoRequest, login} from './demo.js';

export interface LiveTokens {
  /** Access tokens (sessions) of the user that are alive. */
  sessions: number;
  /** client_id of each refresh token the user has. */
  refreshTokens: string[];
}

const AUTH = '/api/auth/0.1';

export async function liveTokens(server: DemoServer, username: string): Promise<LiveTokens> {
  const account = server.accounts.find((candidate) => candidate.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  const own = await login(server);
  try {
    const headers = {'x-auth-token': own};
    const sessions = await demoRequest(server, {path: `${AUTH}/users/${account.uuid}/sessions`, headers});
    const tokens = await demoRequest(server, {path: `${AUTH}/users/${account.uuid}/tokens`, headers});
    if (sessions.status !== 200 || tokens.status !== 200) throw new Error(`listing failed: ${sessions.status} ${tokens.status}`);
    const count = (sessions.json as {total: number}).total;
    return {
      // The asking token is a session of the main account too.
      sessions: username === server.username ? count - 1 : count,
      refreshTokens: (tokens.json as {items: Array<{client_id: string}>}).items.map((item) => item.client_id),
    };
  } finally {
    await demoRequest(server, {method: 'DELETE', path: `${AUTH}/token/${own}`});
  }
}
