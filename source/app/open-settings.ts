/**
 * The settings the dashboard opens before its first screen: the profiles (a broken file is
 * moved aside and said so, and the dashboard starts) and a look at the pin store, so a damaged
 * one is named on the first screen, before any server is typed. The pin store itself refuses
 * every connection until it is fixed; it is never moved.
 */
import {UsageError} from '../api/errors.js';
import {PinStore, PinStoreError} from '../config/pins.js';
import {ProfileStore} from '../config/profiles.js';

export function openSettings(configDir: string, profile: string | undefined): {profiles: ProfileStore; notices: string[]} {
  const profiles = new ProfileStore(configDir);
  const notices = [...profiles.notices];
  if (profile !== undefined && !profiles.get(profile)) {
    const names = profiles.list().map((each) => each.name);
    throw new UsageError(`no profile named ${profile} (${names.length > 0 ? `profiles: ${names.join(', ')}` : 'there are none yet; wazo-tui profiles add NAME SERVER creates one'})`);
  }
  try {
    new PinStore(configDir);
  } catch (error) {
    if (!(error instanceof PinStoreError)) throw error;
    notices.push(error.message);
  }
  return {profiles, notices};
}
