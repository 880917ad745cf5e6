/**
 * The connection options of a command that takes SERVER or `-p NAME`: the flags win, the profile
 * fills in what they leave out (its server, auth and confd URLs, CA files). Read-only: a command
 * that only probes or pins never rewrites the profiles file (nor moves a broken one aside).
 */
import {UsageError, type ProbeTarget} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {ProfileStore} from '../config/profiles.js';
import type {ConnectionOptions} from '../connection.js';
import {sanitize} from '../text/sanitize.js';

/** Resolve `command` against its profile (`-p NAME`); a missing profile is a usage error. */
export function profileConnection(command: ProbeTarget, what: string): ConnectionOptions {
  const configDir = resolveConfigDir(command.configDir);
  if (command.profile === undefined) {
    if (command.server === undefined) throw new UsageError(`${what} needs a SERVER or -p NAME`);
    return {...command, server: command.server, configDir};
  }
  const profiles = new ProfileStore(configDir, {readOnly: true});
  for (const notice of profiles.notices) process.stderr.write(`wazo-tui: warning: ${sanitize(notice)}\n`);
  const profile = profiles.get(command.profile);
  if (!profile) throw new UsageError(`${what}: no profile named ${command.profile} (wazo-tui profiles list shows them)`);
  return {
    server: command.server ?? profile.server,
    configDir,
    caFiles: command.caFiles.length > 0 ? command.caFiles : profile.caFiles,
    authUrl: command.authUrl ?? profile.authUrl,
    confdUrl: command.confdUrl ?? profile.confdUrl,
  };
}
