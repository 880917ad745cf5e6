/**
 * The server side of leaving: revoke the access token (`DELETE /token/{token}`) and, on logout,
 * forget this installation's refresh token (`DELETE /users/me/tokens/{client_id}`). Each request
 * has the revocation time limit, so a dead server cannot hold the terminal.
 */
import type {WazoClient} from '../api/contract.js';
import {refreshRequest, type TokenSettings} from './token-requests.js';

/** Runs one request within the time limit. */
export type Limited = <T>(run: (signal: AbortSignal) => Promise<T>) => Promise<T>;

export class Revoker {
  readonly #client: WazoClient;
  readonly #settings: TokenSettings;
  readonly #limited: Limited;

  constructor(client: WazoClient, settings: TokenSettings, limited: Limited) {
    this.#client = client;
    this.#settings = settings;
    this.#limited = limited;
  }

  /** Revoke one access token; a failure is thrown. */
  revoke(token: string): Promise<void> {
    return this.#limited((signal) => this.#client.auth.revokeToken(token, {signal}));
  }

  /** A token nobody will use: revoke it rather than leave it valid on the server, best effort. */
  async revokeQuietly(token: string): Promise<void> {
    try {
      await this.revoke(token);
    } catch {
      // Best effort: the token expires on its own.
    }
  }

  /**
   * Delete the refresh token (with the access token, or a last one made from the refresh token when
   * it is gone), then revoke the access token. Every step is tried; the failures come back in order.
   */
  async logout(accessToken: string | undefined, refreshToken: string | undefined): Promise<unknown[]> {
    let token = accessToken;
    const failures: unknown[] = [];
    if (refreshToken !== undefined) {
      if (token === undefined) {
        // The access token is gone: a last one from the refresh token lets us delete the refresh token itself.
        try {
          token = (await this.#limited((signal) => this.#client.auth.refreshToken(refreshRequest(this.#settings, refreshToken), {signal}))).token;
        } catch (error) {
          failures.push(error);
        }
      }
      if (token !== undefined) {
        const authed = token;
        await this.#limited((signal) => this.#client.auth.deleteRefreshToken(this.#settings.clientId, {token: authed, signal})).catch(
          (error: unknown) => failures.push(error),
        );
      }
    }
    if (token !== undefined) await this.revoke(token).catch((error: unknown) => failures.push(error));
    return failures;
  }
}
