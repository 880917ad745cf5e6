/**
 * The one HTTP client: a got instance per service prefix, each carrying the agent of the host it
 * talks to, which holds that host's trust policy (auth and confd may live on different hosts, each
 * with its own certificate and pin). Every failure leaves as an ApiError; a certificate failure is
 * probed and leaves as a CertificateError.
 */
import type {Agent} from 'node:https';
import got, {type Got, type Progress} from 'got';
import {createAccountsApi} from './accounts.js';
import {answerTooLarge, oversize, type Oversize} from './answer-limit.js';
import {createAuthApi} from './auth.js';
import {createConfdApi} from './confd.js';
import type {HostOptions, ServerTarget, TrustPolicy, WazoClient} from './contract.js';
import {errorCode, mapConnectionError, unexpectedFailure} from './connection-errors.js';
import {endpointOf, type Endpoint} from './endpoint.js';
import {mapHttpStatus} from './http-errors.js';
import {ApiError} from './errors.js';
import {serviceName, type ApiRequest, type ApiResponse, type Service} from './request.js';
import {createAgent} from './tls/agent.js';
import {caBundleFor, checkCaFiles} from './tls/ca-bundle.js';
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
/** Every status from 100 to 599: a trust check reads none of them. */
const ANY_STATUS: readonly number[] = Array.from({length: 500}, (_, index) => index + 100);

/** The state of one host that a trust change replaces as a whole. */
interface Transport {
  policy: TrustPolicy;
  caBundle: string[];
  agent: Agent;
  /** The got instances of the services on this host. */
  services: Partial<Record<Service, Got>>;
}

/**
 * The trust of each contacted host: a function of its `host:port`, or one policy for all, whose
 * pin counts only for the host it names.
 */
export type ClientTrust = TrustPolicy | ((hostPort: string) => TrustPolicy);

/** What a credential-free request to a host asks, by the first service it serves. */
const VERIFY_PATHS: Record<Service, string> = {
  // A token UUID that cannot exist: wazo-auth answers 404, and nothing secret is sent.
  auth: 'token/00000000-0000-4000-8000-000000000000',
  confd: 'infos',
};

/** Create the client of one server; nothing is sent until an endpoint is called. */
export function createClient(target: ServerTarget, trust: ClientTrust, options: ClientOptions = {}): WazoClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const userAgent = options.userAgent ?? 'wazo-tui';
  const endpoints: Record<Service, Endpoint> = {auth: endpointOf(target.authUrl), confd: endpointOf(target.confdUrl)};
  const services: Service[] = ['auth', 'confd'];
  const hosts = [...new Set(services.map((service) => endpoints[service].hostPort))];
  const transports = new Map<string, Transport>(hosts.map((hostPort) => [hostPort, buildTransport(hostPort, policyFor(hostPort))]));

  function policyFor(hostPort: string): TrustPolicy {
    const policy = typeof trust === 'function' ? trust(hostPort) : trust;
    return policy.pin && policy.pin.hostPort !== hostPort ? {...policy, pin: undefined} : policy;
  }

  function transportOf(hostPort: string): Transport {
    const transport = transports.get(hostPort);
    if (!transport) throw new Error(`${hostPort} is not a host of this client (${hosts.join(', ')})`);
    return transport;
  }

  function buildTransport(hostPort: string, policy: TrustPolicy): Transport {
    if (policy.pin && policy.pin.hostPort !== hostPort) throw new Error(`A pin of ${policy.pin.hostPort} cannot be the trust of ${hostPort}`);
    // A pin is the only anchor: the CA bundle (Node's roots and the OS's, parsed: 2.6 MB of RSS) is
    // built only without one; a --ca-file that cannot be read is an error either way.
    if (policy.pin) checkCaFiles(policy.caFiles ?? []);
    const caBundle = policy.pin ? [] : caBundleFor(policy.caFiles);
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
    const mine: Partial<Record<Service, Got>> = {};
    for (const service of services) {
      if (endpoints[service].hostPort === hostPort) mine[service] = base.extend({prefixUrl: service === 'auth' ? target.authUrl : target.confdUrl});
    }
    return {policy, caBundle, agent, services: mine};
  }

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const endpoint = endpoints[request.service];
    const used = transportOf(endpoint.hostPort);
    const service = used.services[request.service];
    if (!service) throw new Error(`${serviceName(request.service)} is not served by ${endpoint.hostPort}`);
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
      response = await service(request.path, {
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

  function endpointNamed(hostPort: string): Endpoint {
    const service = services.find((candidate) => endpoints[candidate].hostPort === hostPort);
    if (!service) throw new Error(`${hostPort} is not a host of this client (${hosts.join(', ')})`);
    return endpoints[service];
  }

  return {
    target,
    auth: createAuthApi(send),
    accounts: createAccountsApi(send),
    confd: createConfdApi(send),
    hosts,
    trustOf(hostPort: string) {
      return transportOf(hostPort).policy;
    },
    setTrust(hostPort: string, policy: TrustPolicy) {
      const old = transportOf(hostPort);
      transports.set(hostPort, buildTransport(hostPort, policy));
      old.agent.destroy();
    },
    async verifyHost(hostOptions: HostOptions = {}) {
      const hostPort = hostOptions.hostPort ?? hosts[0]!;
      const service = services.find((candidate) => endpoints[candidate].hostPort === hostPort);
      if (!service) throw new Error(`${hostPort} is not a host of this client (${hosts.join(', ')})`);
      // Any HTTP status will do: the handshake is what is checked, and no credential is sent.
      await send({
        service,
        method: 'HEAD',
        path: VERIFY_PATHS[service],
        label: `HEAD /${VERIFY_PATHS[service].replace(/\/.*/, '/…')}`,
        signal: hostOptions.signal,
        accept: ANY_STATUS,
        secrets: [],
      });
    },
    probeCertificate(hostOptions: HostOptions = {}) {
      const endpoint = endpointNamed(hostOptions.hostPort ?? hosts[0]!);
      return probeCertificate(endpoint.host, endpoint.port, {timeoutMs, signal: hostOptions.signal, ca: transportOf(endpoint.hostPort).caBundle});
    },
    close() {
      for (const transport of transports.values()) transport.agent.destroy();
    },
  };
}
