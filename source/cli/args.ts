/**
 * Command-line parsing on node:util parseArgs (no dependency needed for this grammar).
 * One place turns argv into a typed command; usage errors exit 2.
 */
import {UsageError} from '../api/errors.js';
import {isCollectionName} from '../resources/registry.js';
import {integer, parse} from './parse.js';
import {parseGet, parseList, type GetCommand, type ListCommand} from './list-args.js';
import {parseProfilesCommand, parsePinsCommand, type PinsCommand, type ProfilesCommand} from './profile-args.js';
import {CERTIFICATE_MODES, parseFaultSpec, type CertificateMode, type DemoFault} from '../demo/fault-spec.js';
import {parseAccount, parseRevoke, parseToken, type AccountCommand, type RevokeCommand, type TokenCommand} from './account-args.js';

export {UsageError};
export type {GetCommand, ListCommand, ScriptLogin} from './list-args.js';
export type {PinsCommand, ProfilesCommand, ProfileFields} from './profile-args.js';

export interface CommonOptions {
  configDir?: string;
  caFiles: string[];
  authUrl?: string;
  confdUrl?: string;
  noColor: boolean;
}

export interface TuiCommand extends CommonOptions {
  kind: 'tui';
  server?: string;
  /** `-p NAME`: the profile to connect with. */
  profile?: string;
  username?: string;
  expiration?: number;
  demo: boolean;
}

/** SERVER, or `-p NAME` for a profile's server, URLs and CA files (exactly one of them). */
export interface ProbeTarget extends CommonOptions {
  server?: string;
  profile?: string;
}

export interface CertCommand extends ProbeTarget {
  kind: 'cert';
  json: boolean;
}

export interface TrustCommand extends ProbeTarget {
  kind: 'trust';
  fingerprint: string;
  replace: boolean;
}

export interface DemoServerCommand {
  kind: 'demo-server';
  host: string;
  port: number;
  users?: number;
  lines?: number;
  username?: string;
  password?: string;
  seed?: number;
  /** `--fault`, in command-line order. */
  faults: DemoFault[];
  /** `--fault-path`: a regular expression over the path with query. */
  faultPath?: RegExp;
  faultAfter?: number;
  /** `--confd-port`: wazo-confd on a port of its own (0: a free one). */
  confdPort?: number;
  certificates: CertificateMode;
  latencyMs?: number;
  clockOffsetMs?: number;
  gzip: boolean;
}

/** `--help-keys`: the key table as the keymap file leaves it. */
export interface HelpKeysCommand {
  kind: 'help-keys';
  configDir?: string;
}

export type Command =
  | TuiCommand
  | HelpKeysCommand
  | ProfilesCommand
  | PinsCommand
  | CertCommand
  | TrustCommand
  | ListCommand
  | GetCommand
  | DemoServerCommand
  | AccountCommand
  | TokenCommand
  | RevokeCommand
  | {kind: 'help'}
  | {kind: 'version'};

export const common = {
  'config-dir': {type: 'string'},
  'ca-file': {type: 'string', multiple: true},
  'auth-url': {type: 'string'},
  'confd-url': {type: 'string'},
  'no-color': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
} as const;

export function oneServer(positionals: string[], command: string, required: boolean): string | undefined {
  if (positionals.length > 1) throw new UsageError(`${command} takes one server, got: ${positionals.join(' ')}`);
  if (required && positionals.length === 0) throw new UsageError(`${command} needs a SERVER (host, host:port or https://host[:port])`);
  return positionals[0];
}

/** `-p NAME`: a profile names its server, so it goes with no SERVER (and not with --demo). */
export function profileName(name: string | undefined, server: string | undefined, demo: boolean): string | undefined {
  if (name === undefined) return undefined;
  if (server !== undefined) throw new UsageError(`give a SERVER or -p ${name}, not both (the profile names its server)`);
  if (demo) throw new UsageError('--demo starts its own server: give no -p with it');
  return name;
}

/** SERVER or `-p NAME` of `cert` and `trust`: one of them is needed. */
function probeTarget(values: Record<string, unknown>, positionals: string[], command: string): ProbeTarget {
  const server = oneServer(positionals, command, false);
  const profile = profileName(values.profile as string | undefined, server, false);
  if (server === undefined && profile === undefined) throw new UsageError(`${command} needs a SERVER (host, host:port or https://host[:port]) or -p NAME`);
  return {...commonOf(values), server, profile};
}

export function commonOf(values: Record<string, unknown>): CommonOptions {
  return {
    configDir: values['config-dir'] as string | undefined,
    caFiles: (values['ca-file'] as string[] | undefined) ?? [],
    authUrl: values['auth-url'] as string | undefined,
    confdUrl: values['confd-url'] as string | undefined,
    noColor: Boolean(values['no-color']),
  };
}

/** The fault, certificate and timing flags of `demo-server`. */
function demoFaultOptions(values: Record<string, string | string[] | boolean | undefined>) {
  const text = (name: string) => values[name] as string | undefined;
  const faults = ((values.fault as string[] | undefined) ?? []).map((spec) => {
    try {
      return parseFaultSpec(spec);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
  let faultPath: RegExp | undefined;
  try {
    faultPath = text('fault-path') === undefined ? undefined : new RegExp(text('fault-path')!);
  } catch {
    throw new UsageError(`--fault-path takes a regular expression, not "${text('fault-path')}"`);
  }
  const certificates = text('cert') ?? 'self-signed';
  if (!(CERTIFICATE_MODES as readonly string[]).includes(certificates)) {
    throw new UsageError(`--cert is one of ${CERTIFICATE_MODES.join(', ')}, not "${certificates}"`);
  }
  const offset = text('clock-offset');
  if (offset !== undefined && !/^[+-]?\d+$/.test(offset)) throw new UsageError(`--clock-offset takes whole seconds (negative: behind), not "${offset}"`);
  const confdPort = integer('confd-port', text('confd-port'), 0, 65535);
  if (faults.some((fault) => fault.kind === 'auth-down' && fault.mode === 'refused') && confdPort === undefined) {
    throw new UsageError('--fault auth-down=refused needs --confd-port: on one port, wazo-confd would be refused too');
  }
  return {
    faults,
    faultPath,
    faultAfter: integer('fault-after', text('fault-after'), 0),
    confdPort,
    certificates: certificates as CertificateMode,
    latencyMs: integer('latency', text('latency'), 0, 600_000),
    clockOffsetMs: offset === undefined ? undefined : Number(offset) * 1000,
    gzip: values.gzip === true,
  };
}

/** Turn `process.argv.slice(2)` into a command. Throws UsageError. */
export function parseCommand(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') return {kind: 'version'};
  // `wazo-tui users`, `wazo-tui lines`…: one script command per collection of the registry.
  if (isCollectionName(first)) return parseList(first, rest);
  switch (first) {
    case 'get':
      return parseGet(rest);
    case 'profiles':
      return parseProfilesCommand(rest);
    case 'pins':
      return parsePinsCommand(rest);
    case 'account':
      return parseAccount(rest);
    case 'token':
      return parseToken(rest);
    case 'revoke':
      return parseRevoke(rest);
    case 'cert': {
      const {values, positionals} = parse(rest, {...common, profile: {type: 'string', short: 'p'}, json: {type: 'boolean'}});
      if (values.help) return {kind: 'help'};
      return {kind: 'cert', ...probeTarget(values, positionals, 'cert'), json: Boolean(values.json)};
    }
    case 'trust': {
      const {values, positionals} = parse(rest, {...common, profile: {type: 'string', short: 'p'}, fingerprint: {type: 'string'}, replace: {type: 'boolean'}});
      if (values.help) return {kind: 'help'};
      if (!values.fingerprint) throw new UsageError('trust needs --fingerprint FP (compare it on the PBX first)');
      return {
        kind: 'trust',
        ...probeTarget(values, positionals, 'trust'),
        fingerprint: values.fingerprint,
        replace: Boolean(values.replace),
      };
    }
    case 'demo-server': {
      const {values, positionals} = parse(rest, {
        host: {type: 'string'},
        port: {type: 'string'},
        users: {type: 'string'},
        lines: {type: 'string'},
        username: {type: 'string'},
        password: {type: 'string'},
        seed: {type: 'string'},
        fault: {type: 'string', multiple: true},
        'fault-path': {type: 'string'},
        'fault-after': {type: 'string'},
        'confd-port': {type: 'string'},
        cert: {type: 'string'},
        latency: {type: 'string'},
        'clock-offset': {type: 'string'},
        gzip: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
      });
      if (values.help) return {kind: 'help'};
      if (positionals.length > 0) throw new UsageError(`demo-server takes no argument: ${positionals.join(' ')}`);
      return {
        kind: 'demo-server',
        host: values.host ?? '127.0.0.1',
        port: integer('port', values.port, 0, 65535) ?? 0,
        users: integer('users', values.users, 0, 1_000_000),
        lines: integer('lines', values.lines, 0, 1_000_000),
        username: values.username,
        password: values.password,
        seed: integer('seed', values.seed, 0),
        ...demoFaultOptions(values),
      };
    }
    default: {
      const {values, positionals} = parse(argv, {
        ...common,
        username: {type: 'string', short: 'u'},
        profile: {type: 'string', short: 'p'},
        expiration: {type: 'string'},
        demo: {type: 'boolean'},
        'help-keys': {type: 'boolean'},
        version: {type: 'boolean', short: 'v'},
      });
      if (values.help) return {kind: 'help'};
      if (values.version) return {kind: 'version'};
      if (values['help-keys']) return {kind: 'help-keys', configDir: values['config-dir']};
      const server = oneServer(positionals, 'wazo-tui', false);
      if (values.demo && server) throw new UsageError('--demo starts its own server: give no SERVER with it');
      const profile = profileName(values.profile, server, Boolean(values.demo));
      return {
        kind: 'tui',
        ...commonOf(values),
        server,
        profile,
        username: values.username,
        expiration: integer('expiration', values.expiration, 1, 315360000),
        demo: Boolean(values.demo),
      };
    }
  }
}
