/**
 * The wazo-auth endpoints the client uses: tokens (create, refresh, check, revoke),
 * the refresh token of this installation, and tenants.
 */
import type {AuthApi, AuthedOptions, CreateTokenRequest, RefreshTokenRequest, RequestOptions} from './contract.js';
import type {ApiRequest, Send} from './request.js';
import {tenantListSchema, tokenEnvelopeSchema, type Token} from './schemas.js';
import {decodeAnswer} from './validate.js';

/** Build the wazo-auth API on top of the client's `send`. */
export function createAuthApi(send: Send): AuthApi {
  async function tokenRequest(request: ApiRequest): Promise<Token> {
    const response = await send(request);
    return decodeAnswer(tokenEnvelopeSchema, response.body, request).data;
  }

  return {
    createToken(request: CreateTokenRequest, options: RequestOptions = {}) {
      const body: Record<string, unknown> = {expiration: request.expiration};
      if (request.accessType !== undefined) body.access_type = request.accessType;
      if (request.clientId !== undefined) body.client_id = request.clientId;
      const credentials = Buffer.from(`${request.username}:${request.password}`, 'utf8').toString('base64');
      return tokenRequest({
        service: 'auth',
        method: 'POST',
        path: 'token',
        label: 'POST /token',
        answer: 'token',
        headers: {Authorization: `Basic ${credentials}`},
        json: body,
        signal: options.signal,
        unauthorized: 'login',
        secrets: [request.password, credentials],
      });
    },

    refreshToken(request: RefreshTokenRequest, options: RequestOptions = {}) {
      return tokenRequest({
        service: 'auth',
        method: 'POST',
        path: 'token',
        label: 'POST /token (refresh)',
        answer: 'token',
        json: {refresh_token: request.refreshToken, client_id: request.clientId, expiration: request.expiration},
        signal: options.signal,
        unauthorized: 'refresh',
        secrets: [request.refreshToken],
      });
    },

    async checkToken(token: string, options: RequestOptions = {}) {
      const response = await send({
        service: 'auth',
        method: 'HEAD',
        path: `token/${encodeURIComponent(token)}`,
        label: 'HEAD /token/…',
        signal: options.signal,
        accept: [404],
        secrets: [token],
      });
      return response.status !== 404;
    },

    async revokeToken(token: string, options: RequestOptions = {}) {
      await send({
        service: 'auth',
        method: 'DELETE',
        path: `token/${encodeURIComponent(token)}`,
        label: 'DELETE /token/…',
        signal: options.signal,
        secrets: [token],
      });
    },

    async deleteRefreshToken(clientId: string, options: AuthedOptions) {
      await send({
        service: 'auth',
        method: 'DELETE',
        path: `users/me/tokens/${encodeURIComponent(clientId)}`,
        label: 'DELETE /users/me/tokens/{client_id}',
        headers: authHeaders(options),
        signal: options.signal,
        secrets: [options.token],
      });
    },

    async listTenants(options: AuthedOptions) {
      const request: ApiRequest = {
        service: 'auth',
        method: 'GET',
        path: 'tenants',
        label: 'GET /tenants',
        answer: 'page',
        headers: authHeaders(options),
        signal: options.signal,
        secrets: [options.token],
      };
      const page = decodeAnswer(tenantListSchema, (await send(request)).body, request);
      return {total: page.total, items: page.items};
    },
  };
}

/** `X-Auth-Token`, and `Wazo-Tenant` when a tenant is chosen. */
export function authHeaders(options: AuthedOptions): Record<string, string> {
  const headers: Record<string, string> = {'X-Auth-Token': options.token};
  if (options.tenant !== undefined) headers['Wazo-Tenant'] = options.tenant;
  return headers;
}
