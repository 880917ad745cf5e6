import {ApiError} from '../api/errors.js';
import type {Status} from '../components/StatusLine.js';
import {sanitize} from '../text/sanitize.js';

/** An error as one status line: the sentence and hint for known errors, the message for bugs. */
export function errorStatus(error: unknown, retryHint?: string): Status {
  if (error instanceof ApiError) {
    const hint = [error.hint, retryHint].filter(Boolean).join(' · ');
    return {level: 'error', text: sanitize(error.message), ...(hint ? {hint: sanitize(hint)} : {})};
  }
  return {level: 'error', text: `Unexpected error: ${sanitize(error instanceof Error ? error.message : String(error))}`};
}
