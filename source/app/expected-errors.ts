import {ApiError, UsageError} from '../api/errors.js';
import {ConfigFileError} from '../config/errors.js';

/** Errors with a sentence of their own (a damaged settings file, a refused answer): not a bug, so no crash report. */
export function isExpectedError(error: unknown): boolean {
  return error instanceof ConfigFileError || error instanceof UsageError || error instanceof ApiError;
}
