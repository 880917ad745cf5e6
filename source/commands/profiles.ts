/**
 * `wazo-tui profiles list|show|add|rm|edit`: the profiles file from the command line. Every
 * change goes through the same store as the dashboard's (locked, validated, comments kept).
 */
import type {ProfilesCommand} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {noSuchProfile, ProfileStore, type NamedProfile} from '../config/profiles.js';
import {formatAligned} from '../output/rows.js';
import {toSafeJson} from '../output/json.js';
import {sanitize} from '../text/sanitize.js';

export function runProfiles(command: ProfilesCommand): number {
  const store = new ProfileStore(resolveConfigDir(command.configDir));
  for (const notice of store.notices) process.stderr.write(`wazo-tui: ${sanitize(notice)}\n`);
  switch (command.action) {
    case 'list': {
      const current = store.current()?.name;
      const profiles = store.list();
      if (command.json) {
        process.stdout.write(`${toSafeJson({current: current ?? null, file: store.file, profiles})}\n`);
      } else if (profiles.length === 0) {
        process.stderr.write(`No profiles in ${sanitize(store.file)} (wazo-tui profiles add NAME SERVER creates one).\n`);
      } else {
        const rows = profiles.map((profile) => [
          `${profile.name === current ? '* ' : '  '}${profile.name}`,
          profile.server,
          profile.username ?? '',
          profile.lastUsed?.slice(0, 16).replace('T', ' ') ?? '',
        ]);
        process.stdout.write(formatAligned([{title: '  name'}, {title: 'server'}, {title: 'username'}, {title: 'last used (UTC)'}], rows));
      }
      return 0;
    }
    case 'show': {
      const profile = store.get(command.name);
      if (!profile) throw noSuchProfile(command.name);
      process.stdout.write(command.json ? `${toSafeJson(profile)}\n` : describe(profile, store.current()?.name === profile.name));
      return 0;
    }
    case 'add':
      store.add(command.name, command.fields);
      process.stderr.write(`Added profile ${sanitize(command.name)} (${sanitize(command.fields.server)}) to ${sanitize(store.file)}: wazo-tui -p ${sanitize(command.name)}\n`);
      return 0;
    case 'edit': {
      const profile = store.edit(command.name, command.fields, command.clear);
      process.stdout.write(describe(profile, store.current()?.name === profile.name));
      return 0;
    }
    case 'rm':
      if (!store.remove(command.name)) throw noSuchProfile(command.name);
      process.stderr.write(`Removed profile ${sanitize(command.name)}. Its server's pins stay (wazo-tui pins list).\n`);
      return 0;
  }
}

/** One profile as `key: value` lines, in the order of the file's documentation. */
function describe(profile: NamedProfile, current: boolean): string {
  const lines: Array<[string, unknown]> = [
    ['name', `${profile.name}${current ? ' (current)' : ''}`],
    ['server', profile.server],
    ['username', profile.username],
    ['authUrl', profile.authUrl],
    ['confdUrl', profile.confdUrl],
    ['caFiles', profile.caFiles?.join(', ')],
    ['tenant', profile.tenant],
    ['collection', profile.collection],
    ['expiration', profile.expiration],
    ['lastUsed', profile.lastUsed],
  ];
  return lines
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${`${key}:`.padEnd(12)}${sanitize(value)}\n`)
    .join('');
}
