/**
 * The embedded Wazo-compatible HTTPS server: wazo-auth under `/api/auth/0.1` and wazo-confd under
 * `/api/confd/1.1`, as nginx exposes them on a real Wazo, over generated data. It backs
 * `wazo-tui --demo` and is the real server every client, session and end-to-end test talks to.
 * Faults are injected here, around the routes: the routes never know.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {generateDemoData} from './data.js';
import {buildCollections} from './collections.js';
import {buildAccounts, READER_ACCOUNT} from './accounts.js';
import {TokenStore} from './tokens.js';
import {authRoutes} from './auth-routes.js';
import {confdRoutes} from './confd-routes.js';
import {AUTH_PREFIX, CONFD_PREFIX, dispatch, type DemoRequest, type DemoResponse, type Route} from './http.js';
import {legacyError, nginxErrorPage, ROUTE_NOT_FOUND} from './errors.js';
import type {DemoContext} from './context.js';
import {formatHostPort} from '../util/host-port.js';
import {FaultSwitch, type DemoFault, type FaultRule} from './faults.js';
import {DEFAULT_HUGE_BYTES, DEFAULT_SLOW_BODY_MS} from './fault-spec.js';
import {Listener} from './listener.js';
import {gzipFor, render, send, sendHuge, sendSlowly, sendTruncated, type Rendered} from './wire.js';
import {buildServedCertificates, type ServedCertificate} from './served-certificates.js';
import type {DemoEndpoint, DemoServer, DemoServerOptions, RecordedRequest} from './server-types.js';

export type {DemoAccount} from './accounts.js';
export type {DemoFault, FaultRule} from './faults.js';
export type {DemoEndpoint, DemoServer, DemoServerOptions, RecordedRequest} from './server-types.js';
export type {CertificateMode} from './served-certificates.js';
export {DEMO_TENANT_UUIDS} from './tenants.js';

type Service = 'wazo-auth' | 'wazo-confd';

const STATUS_TEXT: Record<number, string> = {502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out'};

/** Generate the data and the certificates (unless given) and listen; resolves once every port is bound. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const username = options.username ?? 'admin';
  const password = options.password ?? 'secret';
  const seed = options.seed ?? 1;
  const split = options.splitConfd !== undefined;
  const certificateMode = options.certificates ?? 'self-signed';
  const {authority, served} = buildServedCertificates({
    mode: certificateMode,
    host,
    given: [options.certificate, options.splitConfd?.certificate],
    authority: options.certificateAuthority,
    count: split ? 2 : 1,
  });

  const data = generateDemoData({users: options.users ?? 500, lines: options.lines ?? 600, seed});
  const accounts = buildAccounts([{username, password, acl: ['#']}, READER_ACCOUNT, ...(options.accounts ?? [])], data, seed);
  let clockOffset = options.clockOffsetMs ?? 0;
  const clock = () => performance.timeOrigin + performance.now() + clockOffset;
  const context: DemoContext = {
    data,
    collections: buildCollections(data),
    accounts,
    tokens: new TokenStore(clock, data.xivoUuid),
    clock,
    maxSessions: options.maxSessions ?? 100,
  };
  const routes: Record<Service, {prefix: string; routes: Route[]}> = {
    'wazo-auth': {prefix: AUTH_PREFIX, routes: authRoutes(context)},
    'wazo-confd': {prefix: CONFD_PREFIX, routes: confdRoutes(context)},
  };

  const requests: RecordedRequest[] = [];
  let latency = Math.max(0, options.latencyMs ?? 0);
  const gzip = options.gzip === true;
  const faults = new FaultSwitch();
  const timers = new Set<NodeJS.Timeout>();

  const handle = (listener: Listener, services: readonly Service[], request: IncomingMessage, response: ServerResponse, body: Buffer): void => {
    const url = request.url ?? '/';
    requests.push({method: request.method ?? 'GET', url, headers: {...request.headers}, port: listener.port});
    const parsed = new URL(url, 'https://demo.invalid');
    const path = parsed.pathname;
    const service = (Object.keys(routes) as Service[]).find((name) => services.includes(name) && path.startsWith(`${routes[name].prefix}/`));
    const fault = effective(faults.pick(url), service);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'reset') return listener.reset(request);
    if (fault?.kind === 'auth-down' && fault.mode === 'refused') {
      listener.reset(request);
      void listener.stop();
      return;
    }

    let result: DemoResponse;
    if (fault?.kind === 'malformed') result = {status: 200, text: {body: '{"data": {"token": "', contentType: 'application/json'}};
    else if (fault?.kind === 'status') result = faultResponse(fault.status, path, clock());
    else if (fault?.kind === 'auth-down') result = faultResponse(502, path, clock());
    else if (!service) result = {status: 404, json: ROUTE_NOT_FOUND};
    else {
      const demoRequest: DemoRequest = {
        method: request.method ?? 'GET',
        path: path.slice(routes[service].prefix.length),
        query: fault?.kind === 'no-offset' ? withoutOffset(parsed.searchParams) : parsed.searchParams,
        headers: request.headers,
        body,
        remoteAddress: request.socket.remoteAddress ?? '',
        host: request.headers.host ?? `${host}:${listener.port}`,
      };
      try {
        result = dispatch(routes[service].routes, demoRequest);
      } catch (error) {
        result = {status: 500, json: [`Unexpected error: ${error instanceof Error ? error.message : String(error)}`]};
      }
    }
    // A fault that mangles the body sends it as the route made it.
    const mangled = fault !== undefined && fault.kind !== 'no-offset';
    const rendered = gzip && !mangled ? gzipFor(request.headers, render(result)) : render(result);
    if (latency > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        deliver(response, rendered, fault);
      }, latency);
      timers.add(timer);
    } else deliver(response, rendered, fault);
  };

  const listen = async (certificate: ServedCertificate, services: readonly Service[], port: number): Promise<{listener: Listener; endpoint: DemoEndpoint}> => {
    const listener: Listener = new Listener(host, {key: certificate.keyPem, cert: certificate.chainPem}, (request, response, body) =>
      handle(listener, services, request, response, body),
    );
    const bound = await listener.listen(port);
    const hostPort = formatHostPort(host, bound);
    const endpoint = {port: bound, hostPort, url: `https://${hostPort}`, certPem: certificate.certPem, fingerprint256: certificate.fingerprint256, services};
    return {listener, endpoint};
  };
  const [mainCertificate, confdCertificate] = served as [ServedCertificate, ServedCertificate | undefined];
  const main = await listen(mainCertificate, split ? ['wazo-auth'] : ['wazo-auth', 'wazo-confd'], options.port ?? 0);
  const own = confdCertificate ? await listen(confdCertificate, ['wazo-confd'], options.splitConfd?.port ?? 0).catch(async (error: unknown) => {
    await main.listener.stop();
    throw error;
  }) : undefined;
  const confd = own?.endpoint ?? main.endpoint;

  /** Normalise the rules, then open or close the auth port for a refusing auth-down. */
  const setFaults = async (rules: readonly FaultRule[]): Promise<void> => {
    const normalised = rules.map((rule) => normaliseAuthDown(rule, split));
    faults.set(normalised);
    if (faults.inForce(refusing)) await main.listener.stop();
    else if (!main.listener.listening) await main.listener.resume();
  };
  await setFaults(options.faults ?? []).catch(async (error: unknown) => {
    await Promise.all([main.listener.stop(), own?.listener.stop()]);
    throw error;
  });

  return {
    host,
    port: main.endpoint.port,
    hostPort: main.endpoint.hostPort,
    url: main.endpoint.url,
    authUrl: main.endpoint.url + AUTH_PREFIX,
    confdUrl: confd.url + CONFD_PREFIX,
    username,
    password,
    accounts: accounts.map((account) => ({
      username: account.username,
      password: account.password,
      uuid: account.uuid,
      tenantUuid: account.tenantUuid,
      acl: account.acl,
    })),
    certPem: main.endpoint.certPem,
    fingerprint256: main.endpoint.fingerprint256,
    endpoints: own ? [main.endpoint, own.endpoint] : [main.endpoint],
    confd,
    certificateMode,
    ...(authority ? {authority: {certPem: authority.certPem, fingerprint256: authority.fingerprint256}} : {}),
    tenants: data.tenants.map((tenant) => ({uuid: tenant.uuid, name: tenant.name, parent_uuid: tenant.parent_uuid})),
    requests,
    get faults() {
      return faults.rules;
    },
    setLatency(ms) {
      latency = Math.max(0, ms);
    },
    setFaults,
    setFault(fault, match) {
      return setFaults(fault.kind === 'none' ? [] : [{fault, ...(match ? {match} : {})}]);
    },
    setClockOffset(ms) {
      clockOffset = ms;
    },
    revokeAllTokens() {
      context.tokens.revokeAll();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([main.listener.stop(), own?.listener.stop()]);
    },
  };
}

/** auth-down hits wazo-auth only: on another service the request goes through. */
function effective(fault: DemoFault | undefined, service: Service | undefined): DemoFault | undefined {
  return fault?.kind === 'auth-down' && service !== 'wazo-auth' ? undefined : fault;
}

function refusing(fault: DemoFault): boolean {
  return fault.kind === 'auth-down' && fault.mode === 'refused';
}

/** Without a mode, auth-down refuses connections when wazo-auth has a port of its own, else nginx answers 502. */
function normaliseAuthDown(rule: FaultRule, split: boolean): FaultRule {
  if (rule.fault.kind !== 'auth-down') return rule;
  const mode = rule.fault.mode ?? (split ? 'refused' : 'bad-gateway');
  if (mode === 'refused' && !split) {
    throw new RangeError('auth-down=refused needs wazo-confd on a port of its own (--confd-port): otherwise confd would be refused too');
  }
  return {...rule, fault: {kind: 'auth-down', mode}};
}

function withoutOffset(query: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams(query);
  kept.delete('offset');
  return kept;
}

/** Send a rendered answer the way the fault (if any) says. */
function deliver(response: ServerResponse, rendered: Rendered, fault: DemoFault | undefined): void {
  if (fault?.kind === 'huge') void sendHuge(response, rendered, fault.bytes ?? DEFAULT_HUGE_BYTES, fault.chunked === true);
  else if (fault?.kind === 'slow-body') sendSlowly(response, rendered, fault.durationMs ?? DEFAULT_SLOW_BODY_MS);
  else if (fault?.kind === 'truncated') sendTruncated(response, rendered);
  else send(response, rendered);
}

/** An injected status: nginx's own page for 502/503/504, otherwise the service's error format. */
function faultResponse(status: number, path: string, nowMs: number): DemoResponse {
  const reason = STATUS_TEXT[status];
  if (reason) return {status, text: {body: nginxErrorPage(status, reason), contentType: 'text/html'}};
  if (path.startsWith(AUTH_PREFIX)) return {status, json: legacyError(status, 'Injected fault', nowMs)};
  return {status, json: ['Injected fault']};
}
