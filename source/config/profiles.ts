/**
 * Remembered servers: address, username, token lifetime, CA files and API URL overrides.
 * Never a password or a token. Kept with conf in `profiles.json` (0600) in the config directory.
 */
import type Conf from 'conf';
import {ConfigFileError} from './errors.js';
import {ensurePrivateDir} from './secure-dir.js';
import {openSettingsFile} from './settings-file.js';


export interface Profile {
  /** The address as the user typed it (`pbx.example.com`, `10.0.0.5:8443`). */
  server: string;
  username?: string;
  expiration?: number;
  caFiles?: string[];
  authUrl?: string;
  confdUrl?: string;
  /** ISO date of the last successful login. */
  lastUsed?: string;
}

interface ProfileFile {
  profiles: Record<string, Profile>;
  last?: string;
}

export class ProfileStore {
  readonly #store: Conf<ProfileFile>;

  constructor(configDir: string) {
    ensurePrivateDir(configDir);
    try {
      this.#store = openSettingsFile<ProfileFile>(configDir, 'profiles', {profiles: {}});
    } catch (error) {
      throw new ConfigFileError(
        `Cannot read ${configDir}/profiles.json: ${(error as Error).message.replace(/\.$/, '')}. ` +
          'Fix the file or move it away; wazo-tui will not overwrite it.',
      );
    }
  }

  /** Profiles, most recently used first. */
  list(): Profile[] {
    return Object.values(this.#store.get('profiles')).sort((a, b) => (b.lastUsed ?? '').localeCompare(a.lastUsed ?? ''));
  }

  get(server: string): Profile | undefined {
    return this.#store.get('profiles')[server];
  }

  last(): Profile | undefined {
    const last = this.#store.get('last');
    return last === undefined ? undefined : this.get(last);
  }

  /** Merge into the profile of `profile.server` and make it the last one used. */
  remember(profile: Profile): void {
    const profiles = {...this.#store.get('profiles')};
    profiles[profile.server] = {...profiles[profile.server], ...profile, lastUsed: new Date().toISOString()};
    this.#store.set({profiles, last: profile.server});
  }
}
