/**
 * The way out when something unexpected is thrown: in a render (Ink's error boundary), a key
 * handler or a timer (an uncaught exception), or a promise nobody awaited (an unhandled
 * rejection). Node's default would print a stack into the alternate screen and die with the
 * cursor hidden, the terminal raw and the token alive. Instead: the terminal is put back, a
 * report without secrets is written, the token is revoked within the usual time limit, and one
 * line says where the report is.
 */
import {crashReportText, scrubSecrets, writeCrashReport, type CrashOrigin} from './crash-report.js';
import {sanitize} from '../text/sanitize.js';
import type {Quitter} from './quit.js';

/** A bug ends the program with this code (the error code: 1). */
export const CRASH_EXIT_CODE = 1;

/** Longest wait for the revocation after a crash: the session's own limit is 2 s. */
const CLEANUP_DEADLINE_MS = 3000;

export interface CrashGuardOptions {
  quitter: Quitter;
  /** Where reports go (created 0700). */
  reportDir: string;
  /** Put the terminal back: unmount Ink, leave the alternate screen, show the cursor, raw mode off. */
  restoreTerminal(): void;
  /** End the process with this code. */
  exit(code: number): void;
  stderr?: NodeJS.WritableStream;
}

export interface CrashGuard {
  /** Handle an unexpected error; later calls (a crash while crashing) are ignored. */
  crash(error: unknown, origin: CrashOrigin): Promise<void>;
  /** A crash is being handled: the guard ends the process, nobody else may. */
  readonly crashing: boolean;
}

export function installCrashGuard(options: CrashGuardOptions): CrashGuard {
  const stderr = options.stderr ?? process.stderr;
  let crashing = false;

  async function crash(error: unknown, origin: CrashOrigin): Promise<void> {
    if (crashing) return;
    crashing = true;
    try {
      options.restoreTerminal();
    } catch {
      // The terminal is as restored as it can be; the rest must still happen.
    }
    let where: string;
    try {
      where = `crash report: ${writeCrashReport(options.reportDir, crashReportText(error, origin))}`;
    } catch (writeError) {
      where = `no crash report (${(writeError as Error).message})`;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      options.quitter.cleanup().catch(() => {}),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLEANUP_DEADLINE_MS);
      }),
    ]);
    clearTimeout(timer);
    const message = scrubSecrets(error instanceof Error ? error.message : String(error));
    stderr.write(`wazo-tui crashed (a bug: ${sanitize(firstLine(message))}); the session was ended; ${sanitize(where)}\n`);
    options.exit(CRASH_EXIT_CODE);
  }

  process.on('uncaughtException', (error) => void crash(error, 'uncaughtException'));
  process.on('unhandledRejection', (reason) => void crash(reason, 'unhandledRejection'));
  return {
    crash,
    get crashing() {
      return crashing;
    },
  };
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
