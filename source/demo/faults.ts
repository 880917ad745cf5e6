/** Which requests a fault hits: a path filter and a number of requests let through first. */
import type {DemoFault} from './fault-spec.js';
import {AUTH_PREFIX, CONFD_PREFIX} from './http.js';

export type {DemoFault} from './fault-spec.js';

/** A fault, the requests it hits, and how many of those pass before it starts. */
export interface FaultRule {
  fault: DemoFault;
  /** Tested against the path with query; default every path (for `auth-down`, the wazo-auth paths). */
  match?: RegExp;
  /** Let this many matching requests through untouched first (a login, a first page); default 0. */
  after?: number;
}

const AUTH_PATHS = new RegExp(`^${AUTH_PREFIX.replace(/\./g, '\\.')}/`);

/** The rules in force; the first rule whose paths match and whose `after` is used up applies. */
export class FaultSwitch {
  private entries: Array<{rule: FaultRule; seen: number}> = [];

  set(rules: readonly FaultRule[]): void {
    this.entries = rules.filter((rule) => rule.fault.kind !== 'none').map((rule) => ({rule, seen: 0}));
  }

  get rules(): FaultRule[] {
    return this.entries.map((entry) => entry.rule);
  }

  /** The fault for one request; every rule whose paths match counts it, so each `after` is its own. */
  pick(url: string): DemoFault | undefined {
    let picked: DemoFault | undefined;
    for (const entry of this.entries) {
      if (!scopeOf(entry.rule).test(url)) continue;
      entry.seen += 1;
      if (picked === undefined && entry.seen > (entry.rule.after ?? 0)) picked = entry.rule.fault;
    }
    return picked;
  }

  /** Whether a rule is in force without waiting for a request (its `after` is used up). */
  inForce(predicate: (fault: DemoFault) => boolean): boolean {
    return this.entries.some((entry) => predicate(entry.rule.fault) && entry.seen >= (entry.rule.after ?? 0));
  }
}

/** The paths a rule hits. */
function scopeOf(rule: FaultRule): RegExp {
  return rule.match ?? (rule.fault.kind === 'auth-down' ? AUTH_PATHS : /(?:)/);
}

/** Requests a `--fault` hits when `--fault-path` is not given: wazo-confd's, so a login still works. */
export const DEFAULT_FAULT_PATHS = new RegExp(`^${CONFD_PREFIX.replace(/\./g, '\\.')}/`);

/** The command line's faults as rules: every fault on `path` (auth-down: always wazo-auth's), after `after` requests. */
export function commandFaultRules(faults: readonly DemoFault[], path: RegExp | undefined, after: number | undefined): FaultRule[] {
  return faults.map((fault) => ({
    fault,
    ...(fault.kind === 'auth-down' ? {} : {match: path ?? DEFAULT_FAULT_PATHS}),
    ...(after ? {after} : {}),
  }));
}

/** Which requests a rule hits, in words where it is a default. */
export function requestsOf(rule: FaultRule): string {
  if (rule.match?.source === DEFAULT_FAULT_PATHS.source) return 'wazo-confd requests';
  if (rule.match === undefined) return rule.fault.kind === 'auth-down' ? 'wazo-auth requests' : 'every request';
  return `requests whose path matches ${rule.match.source}`;
}

