/**
 * What the Connect screen starts with: the form's values from the command line and the profile it
 * names (or the current one), and the notices of opening the settings files as its first status.
 */
import type {TuiCommand} from '../cli/args.js';
import type {ProfileStore} from '../config/profiles.js';
import type {Status} from '../resources/error-status.js';
import type {ConnectValues} from '../screens/Connect.js';
import {sanitize} from '../text/sanitize.js';

/** The token lifetime the form proposes when neither the command nor the profile names one. */
export const defaultExpiration = 3600;

/** The notices of opening the settings, as the Connect screen's first status. */
export function startupStatus(notices: readonly string[]): Status | undefined {
  return notices.length === 0 ? undefined : {level: 'warn', text: sanitize(notices.join(' '))};
}

export function initialValues(command: TuiCommand, profiles: ProfileStore): ConnectValues {
  const profile = command.profile ? profiles.get(command.profile) : command.server ? profiles.forServer(command.server) : profiles.current();
  return {
    server: command.server ?? profile?.server ?? '',
    username: command.username ?? profile?.username ?? '',
    password: '',
    expiration: String(command.expiration ?? profile?.expiration ?? defaultExpiration),
  };
}
