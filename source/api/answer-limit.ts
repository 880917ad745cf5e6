/**
 * How much of an answer the client reads. A proxy or a server bug can send hundreds of megabytes
 * where a page was asked for; read whole, that answer (as text, then as objects) exhausts the heap
 * and the process aborts with the terminal left in the alternate screen and the token alive. So
 * every answer has a ceiling chosen by what was asked for, checked against `Content-Length`
 * before the body is read and again while it streams, and going over it is an ApiError.
 */
import {ApiError} from './errors.js';
import type {Endpoint} from './endpoint.js';

/** What a request asks for, which decides how large its answer may be. */
export type AnswerKind = 'page' | 'record' | 'token';

const MB = 1024 * 1024;

/**
 * The ceilings. A page of 500 confd users is about 1.5 MB (demo users, whose values are long on
 * purpose), a record a few KB, a token answer (its ACL list included) well under 100 KB: each
 * ceiling leaves ample room for real servers and stays far from what the heap can hold. A page
 * asked for by its number of rows gets 16 KB a row (at least 1 MB, at most the page ceiling):
 * the dashboard keeps several pages of 100 rows, and eight of 8 MB each would not fit.
 */
export const ANSWER_LIMITS: Readonly<Record<AnswerKind, number>> = {page: 8 * MB, record: 1 * MB, token: 1 * MB};

const BYTES_PER_ROW = 16 * 1024;

/** The ceiling of a page of `rows` rows (no limit: the page ceiling). */
export function pageCeiling(rows: number | undefined): number {
  if (rows === undefined) return ANSWER_LIMITS.page;
  return Math.min(ANSWER_LIMITS.page, Math.max(ANSWER_LIMITS.record, rows * BYTES_PER_ROW));
}

const NOUNS: Record<AnswerKind, string> = {page: 'a page', record: 'a record', token: 'a token answer'};

/** `8 MB`, `50.2 MB`, `700 KB`: to a tenth, as a message says it. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** How far an answer got before it was refused: its announced length, or the bytes read so far. */
export interface Oversize {
  kind: AnswerKind;
  limit: number;
  /** `Content-Length`, when it announced too much. */
  announced?: number;
}

/** Whether the answer seen so far is over its ceiling (`limit`, default the kind's), and how. */
export function oversize(kind: AnswerKind, transferred: number, announced: number | undefined, limit = ANSWER_LIMITS[kind]): Oversize | undefined {
  if (announced !== undefined && announced > limit) return {kind, limit, announced};
  if (transferred > limit) return {kind, limit};
  return undefined;
}

/** The error for an answer over its ceiling; nothing of it was kept. */
export function answerTooLarge(over: Oversize, endpoint: Endpoint, what: string): ApiError {
  const size = over.announced === undefined ? 'was over' : `was ${formatBytes(over.announced)}, over`;
  return new ApiError(
    'too-large',
    `The answer of ${endpoint.hostPort} to ${what} ${size} the ${formatBytes(over.limit)} wazo-tui reads for ${NOUNS[over.kind]}; nothing of it was kept`,
    {
      request: what,
      hint:
        over.kind === 'page'
          ? 'A proxy or a server fault can send such an answer: try again; fewer rows at a time (a smaller --limit, or --all, which pages) keep a real page small.'
          : 'A proxy or a server fault can send such an answer: try again, and check what answers on that URL if it persists.',
    },
  );
}
