/**
 * This installation's random id, created once and kept in `install.json` of the config dir.
 * wazo-auth keeps one refresh token per (user, client_id), so the id makes the client_id
 * `wazo-tui-<install id>`: two machines of the same administrator do not replace each other's refresh token.
 */
import {randomUUID} from 'node:crypto';
import {join} from 'node:path';
import type Conf from 'conf';
import {ensurePrivateDir, ensurePrivateFile} from './secure-dir.js';
import {openSettingsFile} from './settings-file.js';

interface InstallStore {
  id?: string;
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What {@link readInstallId} found: the id, and a warning when it could not use the stored one. */
export interface InstallIdResult {
  id: string;
  /** Set when the id is a fresh in-memory one because the file is unreadable or unwritable; the file is left as it was. */
  warning?: string;
}

/**
 * Read the installation id, creating and storing it on first use (dir 0700, file 0600).
 * A corrupt or unwritable file is never overwritten: a fresh id is used for this run only, with a warning.
 */
export function readInstallId(configDir: string): InstallIdResult {
  let store: Conf<InstallStore>;
  let stored: unknown;
  try {
    ensurePrivateDir(configDir);
    ensurePrivateFile(join(configDir, 'install.json'));
    // A file we cannot read is reported, not wiped.
    store = openSettingsFile<InstallStore>(configDir, 'install');
    stored = store.get('id');
  } catch (error) {
    return fresh(`cannot read the installation id in ${configDir} (${reason(error)})`);
  }
  if (typeof stored === 'string' && ID_PATTERN.test(stored)) return {id: stored};
  if (stored !== undefined) return fresh(`the installation id in ${store.path} is not valid; the file was left untouched`);
  const id = randomUUID();
  try {
    store.set('id', id);
  } catch (error) {
    return {id, warning: `cannot store the installation id in ${store.path} (${reason(error)}); it lasts for this run only`};
  }
  return {id};
}

/** The installation id; `onWarning` hears why a temporary one is used instead of the stored one. */
export function installId(configDir: string, onWarning?: (message: string) => void): string {
  const result = readInstallId(configDir);
  if (result.warning !== undefined) onWarning?.(result.warning);
  return result.id;
}

/** The wazo-auth `client_id` of this installation. */
export function clientIdFor(id: string): string {
  return `wazo-tui-${id}`;
}

function fresh(problem: string): InstallIdResult {
  return {
    id: randomUUID(),
    warning: `${problem}: using a temporary id for this run, so the refresh token will not be reused next time`,
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
