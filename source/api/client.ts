/**
 * The one HTTP client: a got instance per service prefix, all carrying the agent that holds the
 * trust policy. Every failure leaves as an ApiError; a certificate failure is probed and leaves as
 * a CertificateError.
 */
import type {Agent} from 'node:https';
import got, {type Got, type Progress} from 'got';
import {createAccountsApi} from './accounts.js';
import {answerTooLarge, oversize, type Oversize} from './answer-limit.js';
import {createAuthApi} from './auth.js';
import {createConfdApi} from './confd.js';
import type {RequestOptions, ServerTarget, TrustPolicy, WazoClient} from './contract.js';
import {errorCode, mapConnectionError, unexpectedFailure} from './connection-errors.js';
import {endpointOf, type Endpoint} from './endpoint.js';
import {mapHttpStatus} from './http-errors.js';
import {ApiError} from './errors.js';
import type {ApiRequest, ApiResponse, Service} from './request.js';
import {createAgent} from './tls/agent.js';
import {caBundleFor} from './tls/ca-bundle.js';
import {probeCertificate} from './tls/probe.js';
import {certificateErrorFor, isCertificateCode} from './tls/trust-errors.js';
import type {CertificateInfo} from './tls/types.js';

/** Client settings besides the target and the trust policy. */
export interface ClientOptions {
  /** Per request (and per certificate probe), default 15 000 ms. */
  timeoutMs?: number;
  /** Default `wazo-tui`; the CLI passes `wazo-tui/<version>`. */
  userAgent?: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The state that a trust change replaces as a whole. */
interface Transport {
  policy: TrustPolicy;
  caBundle: string[];
  agent: Agent;
  services: Record<Service, Got>;
}

/** Create the client of one server; nothing is sent until an endpoint is called. */
export function createClient(target: ServerTarget, trust: TrustPolicy, options: ClientOptions = {}): WazoClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const userAgent = options.userAgent ?? 'wazo-tui';
  const endpoints: Record<Service, Endpoint> = {auth: endpointOf(target.authUrl), confd: endpointOf(target.confdUrl)};
  let transport = buildTransport(trust);

  function buildTransport(policy: TrustPolicy): Transport {
    const caBundle = caBundleFor(policy.caFiles);
    const agent = createAgent(policy, caBundle);
    const base = got.extend({
      agent: {https: agent},
      http2: false,
      followRedirect: false,
      throwHttpErrors: false,
      responseType: 'text',
      timeout: {request: timeoutMs},
      headers: {'user-agent': userAgent, accept: 'application/json'},
      // Only a GET or HEAD that met a dropped keep-alive socket is tried again, at once; never a TLS failure.
      retry: {limit: 1, methods: ['GET', 'HEAD'], statusCodes: [], errorCodes: ['ECONNRESET', 'EPIPE'], backoffLimit: 0, noise: 0},
    });
    return {
      policy,
      caBundle,
      agent,
      services: {auth: base.extend({prefixUrl: target.authUrl}), confd: base.extend({prefixUrl: target.confdUrl})},
    };
  }

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const used = transport;
    const endpoint = endpoints[request.service];
    // The body is bounded: got reports the announced length and every chunk read (decompressed),
    // and the request is aborted the moment either is over the ceiling.
    const kind = request.answer ?? 'record';
    const limiter = new AbortController();
    let over: Oversize | undefined;
    const onProgress = (progress: Progress) => {
      over ??= oversize(kind, progress.transferred, progress.total, request.maxBytes);
      if (over) limiter.abort();
    };
    let response;
    try {
      response = await used.services[request.service](request.path, {
        method: request.method,
        searchParams: request.searchParams,
        headers: request.headers,
        json: request.json,
        signal: request.signal ? AbortSignal.any([request.signal, limiter.signal]) : limiter.signal,
      }).on('downloadProgress', onProgress);
    } catch (error) {
      if (over) throw answerTooLarge(over, endpoint, request.label);
      throw await requestFailure(error, request, endpoint, used);
    }
    const status = response.statusCode;
    if ((status >= 200 && status < 300) || request.accept?.includes(status)) return {status, body: response.body};
    throw mapHttpStatus(status, response.body, request);
  }

  async function requestFailure(error: unknown, request: ApiRequest, endpoint: Endpoint, used: Transport): Promise<ApiError> {
    const code = errorCode(error);
    if (isCertificateCode(code)) {
      // The handshake failed before any byte of the request left: look at what the server shows.
      let seen: CertificateInfo;
      try {
        seen = await probeCertificate(endpoint.host, endpoint.port, {timeoutMs, signal: request.signal, ca: used.caBundle});
      } catch (probeError) {
        if (probeError instanceof ApiError && probeError.kind === 'cancelled') return probeError;
        return new ApiError('tls', `The certificate of ${endpoint.hostPort} was refused (${code}), and reading it again failed`, {
          code,
          request: request.label,
          cause: probeError,
        });
      }
      return certificateErrorFor(code, seen, used.policy.pin, {request: request.label});
    }
    // got's error holds the request options (headers, token): it is never kept as a cause.
    return mapConnectionError(error, endpoint, request.label, timeoutMs) ?? unexpectedFailure(error, endpoint, request.label);
  }

  return {
    target,
    auth: createAuthApi(send),
    accounts: createAccountsApi(send),
    confd: createConfdApi(send),
    get trust() {
      return transport.policy;
    },
    setTrust(policy: TrustPolicy) {
      const next = buildTransport(policy);
      transport.agent.destroy();
      transport = next;
    },
    probeCertificate(requestOptions: RequestOptions = {}) {
      return probeCertificate(target.host, target.port, {timeoutMs, signal: requestOptions.signal, ca: transport.caBundle});
    },
    close() {
      transport.agent.destroy();
    },
  };
}
