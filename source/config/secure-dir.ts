import {chmodSync, mkdirSync} from 'node:fs';

/** Create the config directory if needed and keep it private (0700): conf creates it 0755. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, {recursive: true, mode: 0o700});
  chmodSync(dir, 0o700);
}
