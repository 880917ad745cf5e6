/**
 * The settings the dashboard opens before its first screen: the profiles (a broken file is
 * moved aside and said so, and the dashboard starts) and a look at the pin store, so a damaged
 * one is named on the first screen, before any server is typed. The pin store itself refuses
 * every connection until it is fixed; it is never moved.
 */
import {UsageError} from '../api/errors.js';
import {PinStore, PinStoreError} from '../config/pins.js';
import {ProfileStore} from '../config/profiles.js';

/**
 * `-p NAME` names a profile that exists: checked before the dashboard takes the terminal, so the
 * mistake is a plain message (and the file is only read: a broken one is moved aside later, by
 * {@link openSettings}, with its own message).
 */
export function checkProfile(configDir: string, profile: string): void {
  const profiles = new ProfileStore(configDir, {readOnly: true});
  if (profiles.get(profile)) return;
  const names = profiles.list().map((each) => each.name);
  const known = names.length > 0 ? `profiles: ${names.join(', ')}` : 'there are none yet; wazo-tui profiles add NAME SERVER creates one';
  throw new UsageError(`no profile named ${profile} (${known})${profiles.notices.map((notice) => `\n${notice}`).join('')}`);
}

export function openSettings(configDir: string): {profiles: ProfileStore; notices: string[]} {
  const profiles = new ProfileStore(configDir);
  const notices = [...profiles.notices];
  try {
    new PinStore(configDir);
  } catch (error) {
    if (!(error instanceof PinStoreError)) throw error;
    notices.push(error.message);
  }
  return {profiles, notices};
}
