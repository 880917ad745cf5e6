import {chmodSync, mkdirSync, statSync} from 'node:fs';
import {ConfigFileError} from './errors.js';

/**
 * Create the config directory if needed and make it private (0700), also when it already
 * existed with a wider mode: it holds the pins and the profiles, which say which servers this
 * user administers. mkdir's mode is reduced by the umask, so chmod makes it exactly 0700.
 */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, {recursive: true, mode: 0o700});
    if ((statSync(dir).mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
  } catch (error) {
    throw new ConfigFileError(`Cannot make the config directory ${dir} private (0700): ${(error as Error).message}`, {cause: error});
  }
}

/** Make an existing settings file 0600 (a copied or hand-made file may be world-readable); a missing one is left to its writer. */
export function ensurePrivateFile(file: string): void {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    return;
  }
  if (mode === 0o600) return;
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    throw new ConfigFileError(`Cannot make ${file} private (0600): ${(error as Error).message}`, {cause: error});
  }
}
