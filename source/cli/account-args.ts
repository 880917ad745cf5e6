/**
 * The grammar of the account commands: `account create|delete|list`, `token` and `revoke`
 * (issue 11). The shared flags and helpers live in args.ts.
 */
import {common, commonOf, oneServer, profileName, UsageError, type CommonOptions} from './args.js';
import {integer, parse} from './parse.js';

/** What every command that logs in as an administrator takes. */
interface LoginOptions extends CommonOptions {
  server?: string;
  /** `-p NAME`: the profile's server, URLs, CA files, username, tenant and token lifetime. */
  profile?: string;
  username?: string;
  passwordStdin: boolean;
  /** `Wazo-Tenant`: the tenant to work in. */
  tenant?: string;
}

export interface AccountCreateCommand extends LoginOptions {
  kind: 'account-create';
  name: string;
  /** `--preset`, default `browse`; ignored when `--acl` is given. */
  preset?: string;
  acl: string[];
  fullAccess: boolean;
  /** The new account's password is the second line of standard input instead of a generated one. */
  accountPasswordStdin: boolean;
}

export interface AccountDeleteCommand extends LoginOptions {
  kind: 'account-delete';
  name: string;
}

export interface AccountListCommand extends LoginOptions {
  kind: 'account-list';
  json: boolean;
}

export type AccountCommand = AccountCreateCommand | AccountDeleteCommand | AccountListCommand;

export interface TokenCommand extends LoginOptions {
  kind: 'token';
  /** Seconds: `--expiration`, else 600. */
  expiration: number;
  /** `--expiration` was given; without it the profile's lifetime, when it has one, wins over the 600. */
  expirationGiven: boolean;
}

export interface RevokeCommand extends CommonOptions {
  kind: 'revoke';
  /** Absent or `-`: read from standard input. */
  token?: string;
  server?: string;
}

/** A function, not a constant: args.ts imports this module, so `common` is ready only once it has loaded. */
const loginFlags = () =>
  ({
    ...common,
    username: {type: 'string', short: 'u'},
    profile: {type: 'string', short: 'p'},
    'password-stdin': {type: 'boolean'},
    tenant: {type: 'string'},
  }) as const;

function loginOf(values: Record<string, unknown>, server: string | undefined): LoginOptions {
  return {
    ...commonOf(values),
    server,
    // Only when given: a command without -p reads as it did before -p existed.
    ...(values.profile === undefined ? {} : {profile: profileName(values.profile as string, server, false)}),
    username: values.username as string | undefined,
    passwordStdin: Boolean(values['password-stdin']),
    tenant: values.tenant as string | undefined,
  };
}

/** A wazo-auth username as `account` takes it: what `POST /users` accepts, without surprises for a shell. */
function accountName(positionals: string[], verb: string): string {
  const name = positionals[0];
  if (name === undefined) throw new UsageError(`account ${verb} needs a NAME`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,255}$/.test(name)) {
    throw new UsageError(`account NAME is letters, digits and . _ @ - (up to 256, starting with a letter or digit), not "${name}"`);
  }
  return name;
}

/** `account create NAME [SERVER]`, `account delete NAME [SERVER]`, `account list [SERVER]`. */
export function parseAccount(argv: string[]): AccountCommand | {kind: 'help'} {
  const [verb, ...rest] = argv;
  switch (verb) {
    case 'create': {
      const {values, positionals} = parse(rest, {
        ...loginFlags(),
        preset: {type: 'string'},
        acl: {type: 'string', multiple: true},
        'full-access': {type: 'boolean'},
        'account-password-stdin': {type: 'boolean'},
      });
      if (values.help) return {kind: 'help'};
      const name = accountName(positionals, 'create');
      const acl = values.acl ?? [];
      if (values.preset !== undefined && acl.length > 0) throw new UsageError('give either --preset or --acl, not both');
      return {
        kind: 'account-create',
        ...loginOf(values, oneServer(positionals.slice(1), 'account create', false)),
        name,
        preset: values.preset,
        acl,
        fullAccess: Boolean(values['full-access']),
        accountPasswordStdin: Boolean(values['account-password-stdin']),
      };
    }
    case 'delete': {
      const {values, positionals} = parse(rest, loginFlags());
      if (values.help) return {kind: 'help'};
      const name = accountName(positionals, 'delete');
      return {kind: 'account-delete', ...loginOf(values, oneServer(positionals.slice(1), 'account delete', false)), name};
    }
    case 'list': {
      const {values, positionals} = parse(rest, {...loginFlags(), json: {type: 'boolean'}});
      if (values.help) return {kind: 'help'};
      return {kind: 'account-list', ...loginOf(values, oneServer(positionals, 'account list', false)), json: Boolean(values.json)};
    }
    case '--help':
    case '-h':
      return {kind: 'help'};
    default:
      throw new UsageError(`account takes create, delete or list${verb === undefined ? '' : `, not "${verb}"`}`);
  }
}

/** `token [SERVER] -u U --password-stdin [--expiration S]`. */
export function parseToken(argv: string[]): TokenCommand | {kind: 'help'} {
  const {values, positionals} = parse(argv, {...loginFlags(), expiration: {type: 'string'}});
  if (values.help) return {kind: 'help'};
  return {
    kind: 'token',
    ...loginOf(values, oneServer(positionals, 'token', false)),
    expiration: integer('expiration', values.expiration, 1, 315360000) ?? 600,
    expirationGiven: values.expiration !== undefined,
  };
}

/** `revoke [TOKEN|-] [SERVER]`: without TOKEN (or with `-`) the token is read from standard input. */
export function parseRevoke(argv: string[]): RevokeCommand | {kind: 'help'} {
  const {values, positionals} = parse(argv, common);
  if (values.help) return {kind: 'help'};
  if (positionals.length > 2) throw new UsageError(`revoke takes a TOKEN and a SERVER, got: ${positionals.join(' ')}`);
  const [token, server] = positionals;
  return {kind: 'revoke', ...commonOf(values), token: token === '-' ? undefined : token, server};
}
