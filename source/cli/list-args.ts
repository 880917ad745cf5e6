/**
 * The grammar of the script commands that read confd: `COLLECTION` (one page, or `--all`) and
 * `get COLLECTION ID`, with the login flags they share. The shared flags and helpers live in args.ts.
 */
import type {ConfdCollection} from '../api/contract.js';
import {collectionNames, isCollectionName} from '../resources/registry.js';
import {common, commonOf, oneServer, profileName, UsageError, type CommonOptions} from './args.js';
import {integer, parse} from './parse.js';

/** How a script command that reads confd logs in, and as whom. */
export interface ScriptLogin extends CommonOptions {
  server?: string;
  profile?: string;
  username?: string;
  passwordStdin: boolean;
  expiration?: number;
  /** `Wazo-Tenant`. */
  tenant?: string;
}

export interface ListCommand extends ScriptLogin {
  kind: 'list';
  collection: ConfdCollection;
  search?: string;
  limit?: number;
  offset?: number;
  order?: string;
  direction?: 'asc' | 'desc';
  recurse: boolean;
  /** `--all`: every row, paged in chunks and streamed. */
  all: boolean;
  json: boolean;
  /** `--ndjson`: one JSON object a line. */
  ndjson: boolean;
}

/** `wazo-tui get COLLECTION ID [SERVER]`: one record. */
export interface GetCommand extends ScriptLogin {
  kind: 'get';
  collection: ConfdCollection;
  id: string;
}

/** The login flags of the script commands that read confd (a function: args.ts, which holds `common`, imports this module). */
const login = () =>
  ({
    ...common,
    username: {type: 'string', short: 'u'},
    profile: {type: 'string', short: 'p'},
    'password-stdin': {type: 'boolean'},
    expiration: {type: 'string'},
    tenant: {type: 'string'},
  }) as const;

function loginOf(values: Record<string, unknown>, server: string | undefined): ScriptLogin {
  return {
    ...commonOf(values),
    server,
    profile: profileName(values.profile as string | undefined, server, false),
    username: values.username as string | undefined,
    passwordStdin: Boolean(values['password-stdin']),
    expiration: integer('expiration', values.expiration as string | undefined, 1, 315360000),
    tenant: values.tenant as string | undefined,
  };
}

/** `wazo-tui get COLLECTION ID [SERVER] …`: one record, for scripts. */
export function parseGet(rest: string[]): GetCommand | {kind: 'help'} {
  const {values, positionals} = parse(rest, login());
  if (values.help) return {kind: 'help'};
  const [collection, id, ...servers] = positionals;
  if (!isCollectionName(collection)) {
    const names = collectionNames.join(', ');
    throw new UsageError(collection === undefined ? `get needs a COLLECTION (${names}) and an ID` : `get takes a collection (${names}), not "${collection}"`);
  }
  if (id === undefined || id === '') throw new UsageError(`get ${collection} needs the ID of a record`);
  return {kind: 'get', ...loginOf(values, oneServer(servers, `get ${collection} ${id}`, false)), collection, id};
}

/** `wazo-tui COLLECTION [SERVER] …`: one page of a confd collection, or all of it, for scripts. */
export function parseList(collection: ConfdCollection, rest: string[]): ListCommand | {kind: 'help'} {
  const {values, positionals} = parse(rest, {
    ...login(),
    search: {type: 'string'},
    limit: {type: 'string'},
    offset: {type: 'string'},
    order: {type: 'string'},
    direction: {type: 'string'},
    recurse: {type: 'boolean'},
    all: {type: 'boolean'},
    json: {type: 'boolean'},
    ndjson: {type: 'boolean'},
  });
  if (values.help) return {kind: 'help'};
  if (values.direction !== undefined && values.direction !== 'asc' && values.direction !== 'desc') {
    throw new UsageError(`--direction is asc or desc, not "${values.direction}"`);
  }
  if (values.json && values.ndjson) throw new UsageError('--json and --ndjson are two formats: give one of them');
  if (values.all && (values.limit !== undefined || values.offset !== undefined)) {
    throw new UsageError('--all pages through the whole collection: give no --limit or --offset with it');
  }
  return {
    kind: 'list',
    ...loginOf(values, oneServer(positionals, collection, false)),
    collection,
    search: values.search,
    limit: integer('limit', values.limit, 1),
    offset: integer('offset', values.offset, 0),
    order: values.order,
    direction: values.direction,
    recurse: Boolean(values.recurse),
    all: Boolean(values.all),
    json: Boolean(values.json),
    ndjson: Boolean(values.ndjson),
  };
}
