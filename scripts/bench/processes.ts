/**
 * Every process the bench starts is registered here, so that a crash, Ctrl-C or a failed
 * measurement still kills them all: a `script` wrapper left behind keeps a full-screen app alive.
 * Other synchronous clean-ups (the scratch directory) run on the same exit.
 */
import {readdirSync, readFileSync} from 'node:fs';

const live = new Set<number>();
const cleanups: Array<() => void> = [];
let installed = false;

/** Remember `pid` until `forget`; it is SIGKILLed if the bench exits first. */
export function track(pid: number): void {
  installHandlers();
  live.add(pid);
}

/** Run `cleanup` (synchronous) when the bench exits, however it exits. */
export function atExit(cleanup: () => void): void {
  installHandlers();
  cleanups.push(cleanup);
}

/** The process has exited. */
export function forget(pid: number): void {
  live.delete(pid);
}

/** SIGKILL every tracked process that is still alive (synchronous, usable in an `exit` handler). */
export function killAll(): void {
  for (const pid of live) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  live.clear();
}

/** The direct children of `pid`, from /proc (`script` runs the app in a new session, not our process group). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: scan every process's parent.
    const children: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Field 4 (ppid) follows the command name, which is in parentheses and may hold spaces.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === pid) children.push(Number(entry));
      } catch {
        // The process ended while we were reading.
      }
    }
    return children;
  }
}

/** Resident memory of `pid` in bytes (VmRSS), or undefined once it has exited. */
export function residentBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    killAll();
    for (const cleanup of cleanups) cleanup();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}
