import {ApiError, exitCodeFor} from '../api/errors.js';
import {sanitize} from '../text/sanitize.js';
import {UsageError} from './args.js';
import {ConfigFileError} from '../config/errors.js';

/**
 * Print an error that reached the top on stderr and return its exit code. Expected errors
 * get their sentence and hint; anything else is a bug and shows its stack (a minified bundle
 * would otherwise print a whole source line).
 */
export function reportFatal(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof UsageError) {
    stderr.write(`wazo-tui: ${error.message}\nTry 'wazo-tui --help'.\n`);
    return 2;
  }
  if (error instanceof ApiError) {
    stderr.write(`wazo-tui: ${sanitize(error.message)}\n`);
    if (error.hint) stderr.write(`${sanitize(error.hint)}\n`);
    return exitCodeFor(error);
  }
  // A damaged pins.json: told by name, since importing the pin store here would load zod before `--version`.
  if (error instanceof ConfigFileError) {
    stderr.write(`wazo-tui: ${sanitize(error.message)}\n`);
    return 1;
  }
  stderr.write(`wazo-tui: unexpected error (a bug): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
