/**
 * The faults the demo server can inject and the certificates it can present, as the command line
 * spells them (`--fault KIND[=VALUE]`, `--cert MODE`). Kept free of imports: the argument parser
 * loads it on every start of the binary.
 */

/** `--cert`: self-signed like wazo-certs, issued by a CA (leaf only, or with the CA in the chain), expired, not yet valid. */
export const CERTIFICATE_MODES = ['self-signed', 'ca', 'ca-chain', 'expired', 'not-yet-valid'] as const;
export type CertificateMode = (typeof CERTIFICATE_MODES)[number];

/** What happens to a request a fault hits. */
export type DemoFault =
  | {kind: 'none'}
  /** Answer this status: nginx's own page for 502/503/504, otherwise the service's error body. */
  | {kind: 'status'; status: number}
  /** Read the request, never answer. */
  | {kind: 'hang'}
  /** 200, `application/json`, a body that is not JSON. */
  | {kind: 'malformed'}
  /** A JSON answer grown to `bytes` (a list repeats its items); with or without Content-Length. */
  | {kind: 'huge'; bytes?: number; chunked?: boolean}
  /** Headers at once, then the body in small pieces spread over `durationMs`. */
  | {kind: 'slow-body'; durationMs?: number}
  /** A TCP reset instead of an answer. */
  | {kind: 'reset'}
  /** Headers announcing the whole body, half of it, then the connection closes. */
  | {kind: 'truncated'}
  /** The answer as if no `offset` had been asked: every page of a list is its first (a proxy that drops it). */
  | {kind: 'no-offset'}
  /**
   * wazo-auth is down while confd answers: nginx's 502 on auth paths (one port), or, with confd on
   * its own port, the auth port stops listening (connections refused).
   */
  | {kind: 'auth-down'; mode?: 'bad-gateway' | 'refused'};

export const DEFAULT_HUGE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_SLOW_BODY_MS = 60_000;

/** The `--fault` names (values after `=` are described in the README). */
export const FAULT_NAMES = ['huge', 'huge-chunked', 'slow-body', 'hang', 'reset', 'truncated', 'malformed', 'no-offset', '5xx', 'auth-down'] as const;

/** Turn one `--fault` value into a fault, or throw a RangeError with a sentence for the user. */
export function parseFaultSpec(spec: string): DemoFault {
  const [kind = '', value] = splitOnce(spec.trim(), '=');
  const number = (what: string, min: number, max: number): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (value === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
      throw new RangeError(`--fault ${kind}=${value}: ${what} is a number from ${min} to ${max}`);
    }
    return parsed;
  };
  switch (kind) {
    case 'huge':
    case 'huge-chunked': {
      const megabytes = number('the size in MB', 0.001, 4096);
      return {kind: 'huge', chunked: kind === 'huge-chunked', ...(megabytes === undefined ? {} : {bytes: Math.round(megabytes * 1024 * 1024)})};
    }
    case 'slow-body': {
      const seconds = number('the duration in seconds', 0.1, 86_400);
      return {kind: 'slow-body', ...(seconds === undefined ? {} : {durationMs: Math.round(seconds * 1000)})};
    }
    case '5xx': {
      const status = number('the status', 500, 599);
      if (status !== undefined && !Number.isInteger(status)) throw new RangeError(`--fault 5xx=${value}: the status is a whole number`);
      return {kind: 'status', status: status ?? 502};
    }
    case 'auth-down':
      if (value === undefined) return {kind: 'auth-down'};
      if (value === '502') return {kind: 'auth-down', mode: 'bad-gateway'};
      if (value === 'refused') return {kind: 'auth-down', mode: 'refused'};
      throw new RangeError(`--fault auth-down=${value}: the mode is 502 or refused`);
    case 'hang':
    case 'reset':
    case 'truncated':
    case 'malformed':
    case 'no-offset':
      if (value !== undefined) throw new RangeError(`--fault ${kind} takes no value`);
      return {kind};
    default:
      throw new RangeError(`unknown --fault "${spec}"; one of: ${FAULT_NAMES.join(', ')}`);
  }
}

/** One line saying what a fault does, for the server's start-up output. */
export function describeFault(fault: DemoFault): string {
  switch (fault.kind) {
    case 'none':
      return 'none';
    case 'status':
      return `answer ${fault.status}`;
    case 'hang':
      return 'hang: read the request, never answer';
    case 'malformed':
      return 'malformed: 200 with a body that is not JSON';
    case 'huge':
      return `huge: JSON answers of ${formatMegabytes(fault.bytes ?? DEFAULT_HUGE_BYTES)} ${fault.chunked ? 'chunked, without Content-Length' : 'with Content-Length'}`;
    case 'slow-body':
      return `slow-body: headers at once, the body over ${(fault.durationMs ?? DEFAULT_SLOW_BODY_MS) / 1000} s`;
    case 'reset':
      return 'reset: TCP reset instead of an answer';
    case 'truncated':
      return 'truncated: half the announced body, then the connection closes';
    case 'no-offset':
      return 'no-offset: lists answered as if no offset was asked';
    case 'auth-down':
      return fault.mode === 'refused' ? 'auth-down: the wazo-auth port refuses connections' : "auth-down: wazo-auth paths get nginx's 502 Bad Gateway";
  }
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(3)} MB`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
