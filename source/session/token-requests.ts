/**
 * What the session asks wazo-auth for: an offline token for this installation's client_id (so it
 * can be renewed with the refresh token), or a plain one when renewal is off.
 */
import type {CreateTokenRequest, RefreshTokenRequest} from '../api/contract.js';

/** The parts of the session's options that shape its token requests. */
export interface TokenSettings {
  /** `wazo-tui-<install id>`. */
  clientId: string;
  /** Token lifetime in seconds. */
  expiration: number;
  /** Ask for an offline token and a refresh token. */
  refresh: boolean;
}

export function loginRequest(settings: TokenSettings, username: string, password: string): CreateTokenRequest {
  const {expiration, clientId} = settings;
  return settings.refresh ? {username, password, expiration, accessType: 'offline', clientId} : {username, password, expiration};
}

export function refreshRequest(settings: TokenSettings, refreshToken: string): RefreshTokenRequest {
  return {refreshToken, clientId: settings.clientId, expiration: settings.expiration};
}
