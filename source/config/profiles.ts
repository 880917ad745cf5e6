/**
 * Named profiles, like k9s contexts: `profiles.yaml` in the config directory (0600), one entry
 * per Wazo server with its URLs, username, CA files, default tenant and collection, and token
 * lifetime. Never a password or a token.
 *
 * A file that cannot be used (bad YAML, an unknown key, a wrong value) is moved aside with a
 * message naming it and the line, and wazo-tui starts without profiles: unlike a pin, a lost
 * profile costs a retyped address, never trust. The `profiles.json` of earlier versions (keyed
 * by server) is migrated once. Every change re-reads the file under a lock (locked-file.ts).
 */
import {renameSync} from 'node:fs';
import {join} from 'node:path';
import {Document, isMap, type YAMLMap} from 'yaml';
import {ConfigFileError} from './errors.js';
import {readIfExists, updateLocked} from './locked-file.js';
import {migrateProfilesJson, profileNameFor} from './profile-migration.js';
import {newFileHeader, parseProfiles, ProfileFileProblem, PROFILE_NAME, nameRule, type Preferences, type Profile, type ProfileData} from './profile-file.js';
import {ensurePrivateDir, ensurePrivateFile} from './secure-dir.js';

export type {Preferences, Profile} from './profile-file.js';

export interface NamedProfile extends Profile {
  name: string;
}

export interface ProfileStoreOptions {
  /** Script commands read profiles but change nothing: no move, no migration, no write. */
  readOnly?: boolean;
}

/** What a login leaves behind: the profile it used (or a new one named after the server). */
export interface LoginRecord {
  /** The profile chosen with `-p` or `:ctx`, when its server is the one logged in to. */
  name?: string;
  server: string;
  username: string;
  expiration?: number;
  caFiles?: string[];
  authUrl?: string;
  confdUrl?: string;
}

export class ProfileStore {
  /** The path of `profiles.yaml`. */
  readonly file: string;
  /** What opening did that the user should hear of: a broken file moved aside, a migration. */
  readonly notices: string[] = [];
  readonly #readOnly: boolean;
  #data: ProfileData = {profiles: {}, preferences: {}};

  constructor(configDir: string, options: ProfileStoreOptions = {}) {
    this.#readOnly = options.readOnly ?? false;
    ensurePrivateDir(configDir);
    this.file = join(configDir, 'profiles.yaml');
    ensurePrivateFile(this.file);
    const text = readIfExists(this.file);
    if (text !== undefined) this.#load(text);
    else this.#migrate(join(configDir, 'profiles.json'));
  }

  /** Profiles, most recently used first, then by name. */
  list(): NamedProfile[] {
    return Object.entries(this.#data.profiles)
      .map(([name, profile]) => ({name, ...profile}))
      .sort((a, b) => (b.lastUsed ?? '').localeCompare(a.lastUsed ?? '') || a.name.localeCompare(b.name));
  }

  get(name: string): NamedProfile | undefined {
    const profile = Object.hasOwn(this.#data.profiles, name) ? this.#data.profiles[name] : undefined;
    return profile && {name, ...profile};
  }

  /** The profile for an address: `preferred` when it is that server's, else the most recent one of that server. */
  forServer(server: string, preferred?: string): NamedProfile | undefined {
    const chosen = preferred === undefined ? undefined : this.get(preferred);
    if (chosen?.server === server) return chosen;
    return this.list().find((profile) => profile.server === server);
  }

  /** The profile used last (`current:` in the file). */
  current(): NamedProfile | undefined {
    return this.#data.current === undefined ? undefined : this.get(this.#data.current);
  }

  preferences(): Preferences {
    return this.#data.preferences;
  }

  /** Create a profile; refuses a taken or malformed name, and anything the file would refuse. */
  add(name: string, profile: Profile): void {
    if (!PROFILE_NAME.test(name)) throw new ConfigFileError(`"${name}": ${nameRule}`);
    this.#update((document, data) => {
      if (Object.hasOwn(data.profiles, name)) throw new ConfigFileError(`A profile named ${name} exists already (wazo-tui profiles edit ${name} changes it)`);
      profilesMap(document).set(name, document.createNode(withoutUndefined(profile)));
    });
  }

  /** Set and clear keys of a profile; returns it as it is now. */
  edit(name: string, set: Partial<Profile>, clear: ReadonlyArray<keyof Profile>): NamedProfile {
    this.#update((document, data) => {
      if (!Object.hasOwn(data.profiles, name)) throw noSuchProfile(name);
      for (const key of clear) document.deleteIn(['profiles', name, key]);
      for (const [key, value] of Object.entries(withoutUndefined(set))) document.setIn(['profiles', name, key], value);
    });
    return this.get(name)!;
  }

  /** Remove a profile (and `current:` when it named it); false when there was none. */
  remove(name: string): boolean {
    let removed = false;
    this.#update((document, data) => {
      removed = Object.hasOwn(data.profiles, name);
      if (!removed) return;
      document.deleteIn(['profiles', name]);
      if (data.current === name) document.delete('current');
    });
    return removed;
  }

  /** After a login: update its profile (or create one named after the server) and make it current. Returns its name. */
  remember(login: LoginRecord): string {
    let name = '';
    this.#update((document, data) => {
      const existing = login.name !== undefined && data.profiles[login.name]?.server === login.server ? login.name : undefined;
      name = existing ?? Object.entries(data.profiles).find(([, profile]) => profile.server === login.server)?.[0] ?? profileNameFor(login.server, data.profiles);
      const fields: Partial<Profile> = {
        server: login.server,
        username: login.username,
        expiration: login.expiration,
        ...(login.caFiles && login.caFiles.length > 0 ? {caFiles: login.caFiles} : {}),
        authUrl: login.authUrl,
        confdUrl: login.confdUrl,
        lastUsed: new Date().toISOString(),
      };
      if (!Object.hasOwn(data.profiles, name)) profilesMap(document).set(name, document.createNode({}));
      for (const [key, value] of Object.entries(withoutUndefined(fields))) document.setIn(['profiles', name, key], value);
      document.set('current', name);
    });
    return name;
  }

  #load(text: string): void {
    try {
      this.#data = parseProfiles(text).data;
    } catch (error) {
      if (!(error instanceof ProfileFileProblem)) throw error;
      if (this.#readOnly) {
        this.notices.push(`${this.file} is not used (${error.message}); it was left as it is.`);
        return;
      }
      const aside = moveAside(this.file, error.message);
      this.notices.push(`${this.file} could not be used (${error.message}): it was moved to ${aside}; starting without profiles.`);
    }
  }

  #migrate(old: string): void {
    const text = readIfExists(old);
    if (text === undefined) return;
    const migrated = migrateProfilesJson(text);
    if (typeof migrated === 'string') {
      if (this.#readOnly) {
        this.notices.push(`${old} is not used (${migrated}); it was left as it is.`);
        return;
      }
      const aside = moveAside(old, migrated);
      this.notices.push(`${old} could not be read (${migrated}): it was moved to ${aside}; starting without profiles.`);
      return;
    }
    if (this.#readOnly) {
      this.#data = {...migrated, preferences: {}};
      return;
    }
    this.#update((document) => {
      for (const [name, profile] of Object.entries(migrated.profiles)) profilesMap(document).set(name, document.createNode(withoutUndefined(profile)));
      if (migrated.current !== undefined) document.set('current', migrated.current);
    });
    renameSync(old, `${old}.migrated`);
    const names = Object.keys(migrated.profiles);
    this.notices.push(`Profiles moved from ${old} to ${this.file}${names.length > 0 ? ` (${names.join(', ')})` : ''}; the old file is ${old}.migrated.`);
  }

  /** Apply `change` to the file as it is on disk now (under the lock), check the result, write it. */
  #update(change: (document: Document, data: ProfileData) => void): void {
    if (this.#readOnly) throw new Error('a read-only ProfileStore was asked to write');
    updateLocked(this.file, (text) => {
      let parsed;
      try {
        parsed = text === undefined || text.trim() === '' ? emptyFile() : parseProfiles(text);
      } catch (error) {
        if (error instanceof ProfileFileProblem) throw new ConfigFileError(`${this.file} was changed meanwhile and cannot be used (${error.message}); nothing was written.`);
        throw error;
      }
      change(parsed.document, parsed.data);
      const next = String(parsed.document);
      try {
        this.#data = parseProfiles(next).data;
      } catch (error) {
        if (error instanceof ProfileFileProblem) throw new ConfigFileError(`Not saved: ${error.message.replace(/^line \d+: /, '')}`);
        throw error;
      }
      return next;
    });
  }
}

/** Rename a file that cannot be used to `FILE.broken-DATE`, where the user finds it again. */
function moveAside(file: string, problem: string): string {
  const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
  } catch (failure) {
    throw new ConfigFileError(`${file} cannot be used (${problem}) nor moved aside (${(failure as Error).message}): fix it or move it away.`);
  }
  return aside;
}

function emptyFile(): {document: Document; data: ProfileData} {
  const document = new Document({profiles: {}});
  document.commentBefore = newFileHeader;
  return {document, data: {profiles: {}, preferences: {}}};
}

/** The `profiles:` map, created when absent, and written in block style even if it was `{}`. */
function profilesMap(document: Document): YAMLMap {
  let map = document.get('profiles', true);
  if (!isMap(map)) {
    map = document.createNode({});
    document.set('profiles', map);
  }
  const profiles = map as YAMLMap;
  profiles.flow = false;
  return profiles;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined)) as Partial<T>;
}

export function noSuchProfile(name: string): ConfigFileError {
  return new ConfigFileError(`No profile named ${name} (wazo-tui profiles list shows them)`);
}

