import {chmodSync, mkdirSync} from 'node:fs';

/** Create the config directory if needed and keep it private (0700): conf creates it 0755. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, {recursive: true, mode: 0o700});
  chmodSync(dir, 0o700);
}

/** Create the config directory 0700; a directory that already exists is the user's and keeps its mode. */
export function createPrivateDir(dir: string): void {
  // mkdir's mode is reduced by the umask; chmod makes the result exactly 0700.
  const created = mkdirSync(dir, {recursive: true, mode: 0o700});
  if (created !== undefined) chmodSync(dir, 0o700);
}
