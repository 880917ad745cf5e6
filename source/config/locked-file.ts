/**
 * Read-modify-write of a settings file that two wazo-tui processes may change at once (two
 * terminals pinning two servers): the change is applied to the file as it is on disk *now*,
 * under a lock file, and written atomically (a temporary file renamed over it, 0600), so
 * neither process loses the other's entries and a crash never leaves half a file.
 */
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync} from 'node:fs';
import {ConfigFileError} from './errors.js';

/** How long to wait for another process's lock before giving up with a sentence. */
const lockWaitMs = 3000;
/** A lock older than this belongs to a process that died while holding it. */
const staleLockMs = 30_000;

/** The file's text, or undefined when it does not exist. */
export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigFileError(`Cannot read ${file}: ${(error as Error).message}`, {cause: error});
  }
}

/**
 * Under the lock, re-read `file` and write what `change` makes of it. `change` may throw to
 * abandon the update (the file is then left exactly as it was) or return undefined for no write.
 */
export function updateLocked(file: string, change: (current: string | undefined) => string | undefined): void {
  const lock = acquire(`${file}.lock`);
  try {
    const next = change(readIfExists(file));
    if (next !== undefined) writeAtomically(file, next);
  } finally {
    rmSync(lock, {force: true});
  }
}

/** Write `text` to a temporary file beside `file` (0600), flush it, and rename it over `file`. */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, {force: true});
    throw new ConfigFileError(`Cannot write ${file}: ${(error as Error).message}`, {cause: error});
  }
}

function acquire(lock: string): string {
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigFileError(`Cannot lock ${lock}: ${(error as Error).message}`, {cause: error});
      }
    }
    if (isStale(lock)) {
      rmSync(lock, {force: true});
      continue;
    }
    if (Date.now() > deadline) {
      throw new ConfigFileError(`${lock} is held by another wazo-tui; nothing was written. If no other wazo-tui runs, remove it (rm ${lock}).`);
    }
    // Writers hold the lock for a millisecond or two: a short synchronous pause is enough.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** The holder died (its pid is gone) or the lock is too old to be anyone's. */
function isStale(lock: string): boolean {
  let pid: number;
  let age: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return false;
  }
  if (age > staleLockMs) return true;
  if (!Number.isInteger(pid) || pid <= 0) return age > 1000;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
