/**
 * The grammar of `wazo-tui profiles list|show|add|rm|edit` and `wazo-tui pins list|rm`. A
 * profile's keys are set with the flags the dashboard takes (`--auth-url`, `--ca-file`…) and
 * cleared with `--clear` and the same flag name, so a remembered URL or CA file can be dropped.
 */
import type {Profile} from '../config/profiles.js';
import {UsageError} from '../api/errors.js';
import {isCollectionName} from '../resources/registry.js';
import {integer, parse} from './parse.js';

/** The profile keys a command sets. */
export type ProfileFields = Partial<Omit<Profile, 'lastUsed'>>;

export type ProfilesCommand =
  | {kind: 'profiles'; action: 'list'; configDir?: string; json: boolean}
  | {kind: 'profiles'; action: 'show'; configDir?: string; name: string; json: boolean}
  | {kind: 'profiles'; action: 'rm'; configDir?: string; name: string}
  | {kind: 'profiles'; action: 'add'; configDir?: string; name: string; fields: ProfileFields & {server: string}}
  | {kind: 'profiles'; action: 'edit'; configDir?: string; name: string; fields: ProfileFields; clear: Array<keyof Profile>};

export type PinsCommand =
  | {kind: 'pins'; action: 'list'; configDir?: string; json: boolean}
  | {kind: 'pins'; action: 'rm'; configDir?: string; server: string};

/** `--clear` names: the flag of each key that can be cleared (a profile always keeps its server). */
const clearable: Record<string, keyof Profile> = {
  username: 'username',
  'auth-url': 'authUrl',
  'confd-url': 'confdUrl',
  'ca-file': 'caFiles',
  tenant: 'tenant',
  collection: 'collection',
  expiration: 'expiration',
};

const fieldFlags = {
  server: {type: 'string'},
  username: {type: 'string', short: 'u'},
  'auth-url': {type: 'string'},
  'confd-url': {type: 'string'},
  'ca-file': {type: 'string', multiple: true},
  tenant: {type: 'string'},
  collection: {type: 'string'},
  expiration: {type: 'string'},
} as const;

const configFlags = {'config-dir': {type: 'string'}, json: {type: 'boolean'}} as const;

function fieldsOf(values: Record<string, string | string[] | boolean | undefined>): ProfileFields {
  const text = (name: string) => values[name] as string | undefined;
  const collection = text('collection');
  if (collection !== undefined && !isCollectionName(collection)) throw new UsageError(`--collection names a collection (users, lines, extensions…), not "${collection}"`);
  const caFiles = values['ca-file'] as string[] | undefined;
  return {
    server: text('server'),
    username: text('username'),
    authUrl: text('auth-url'),
    confdUrl: text('confd-url'),
    caFiles,
    tenant: text('tenant'),
    collection,
    expiration: integer('expiration', text('expiration'), 1, 315360000),
  };
}

function oneName(positionals: string[], usage: string, count = 1): string[] {
  if (positionals.length !== count) throw new UsageError(`usage: wazo-tui ${usage}`);
  return positionals;
}

/** `profiles --json` and `pins --config-dir D` mean list: the action may be left out before the flags. */
function actionOf(argv: string[]): [string, string[]] {
  const [first, ...rest] = argv;
  return first === undefined || first.startsWith('-') ? ['list', argv] : [first, rest];
}

export function parseProfilesCommand(argv: string[]): ProfilesCommand | {kind: 'help'} {
  const [action, rest] = actionOf(argv);
  switch (action) {
    case 'list':
    case 'ls': {
      const {values, positionals} = parse(rest, {...configFlags, help: {type: 'boolean', short: 'h'}});
      if (values.help) return {kind: 'help'};
      oneName(positionals, 'profiles list [--json]', 0);
      return {kind: 'profiles', action: 'list', configDir: values['config-dir'], json: Boolean(values.json)};
    }
    case 'show': {
      const {values, positionals} = parse(rest, {...configFlags, help: {type: 'boolean', short: 'h'}});
      if (values.help) return {kind: 'help'};
      const [name] = oneName(positionals, 'profiles show NAME [--json]');
      return {kind: 'profiles', action: 'show', configDir: values['config-dir'], name: name!, json: Boolean(values.json)};
    }
    case 'rm':
    case 'remove': {
      const {values, positionals} = parse(rest, {'config-dir': {type: 'string'}, help: {type: 'boolean', short: 'h'}});
      if (values.help) return {kind: 'help'};
      const [name] = oneName(positionals, 'profiles rm NAME');
      return {kind: 'profiles', action: 'rm', configDir: values['config-dir'], name: name!};
    }
    case 'add': {
      const {values, positionals} = parse(rest, {...fieldFlags, 'config-dir': {type: 'string'}, help: {type: 'boolean', short: 'h'}});
      if (values.help) return {kind: 'help'};
      const [name, server] = oneName(positionals, 'profiles add NAME SERVER [--username U] [--auth-url URL] …', 2);
      const fields = fieldsOf(values);
      if (fields.server !== undefined) throw new UsageError('profiles add takes the server as its second argument, not --server');
      return {kind: 'profiles', action: 'add', configDir: values['config-dir'], name: name!, fields: {...fields, server: server!}};
    }
    case 'edit': {
      const {values, positionals} = parse(rest, {...fieldFlags, clear: {type: 'string', multiple: true}, 'config-dir': {type: 'string'}, help: {type: 'boolean', short: 'h'}});
      if (values.help) return {kind: 'help'};
      const [name] = oneName(positionals, 'profiles edit NAME [--server S] [--username U] … [--clear KEY]…');
      const clear = (values.clear ?? []).map((flag) => {
        const key = clearable[flag.replace(/^--/, '')];
        if (key === undefined) throw new UsageError(`--clear takes one of ${Object.keys(clearable).join(', ')}, not "${flag}" (a profile always keeps its server)`);
        return key;
      });
      const fields = fieldsOf(values);
      const both = clear.filter((key) => fields[key as keyof ProfileFields] !== undefined);
      if (both.length > 0) throw new UsageError(`--clear ${both.join(', ')} and a new value for it at once: give one or the other`);
      if (clear.length === 0 && Object.values(fields).every((value) => value === undefined)) {
        throw new UsageError('profiles edit needs something to change: --server, --username, --auth-url, --confd-url, --ca-file, --tenant, --collection, --expiration or --clear KEY');
      }
      return {kind: 'profiles', action: 'edit', configDir: values['config-dir'], name: name!, fields, clear};
    }
    default:
      throw new UsageError(`profiles takes list, show NAME, add NAME SERVER, edit NAME or rm NAME, not "${action}"`);
  }
}

export function parsePinsCommand(argv: string[]): PinsCommand | {kind: 'help'} {
  const [action, rest] = actionOf(argv);
  const {values, positionals} = parse(rest, {...configFlags, help: {type: 'boolean', short: 'h'}});
  if (values.help) return {kind: 'help'};
  if (action === 'list' || action === 'ls') {
    oneName(positionals, 'pins list [--json]', 0);
    return {kind: 'pins', action: 'list', configDir: values['config-dir'], json: Boolean(values.json)};
  }
  if (action === 'rm' || action === 'remove') {
    const [server] = oneName(positionals, 'pins rm HOST[:PORT]');
    return {kind: 'pins', action: 'rm', configDir: values['config-dir'], server: server!};
  }
  throw new UsageError(`pins takes list or rm HOST[:PORT], not "${action}"`);
}
