/**
 * `wazo-tui COLLECTION --all`: every row of a collection, whatever its size. Pages of 500 are
 * fetched one after the other (the next one while the current one is written) and each is written
 * and dropped, so memory stays flat at about two pages; a reader that hangs up stops the export.
 */
import type {ListCommand} from '../cli/args.js';
import type {WazoClient} from '../api/contract.js';
import {ApiError, exitCodeFor} from '../api/errors.js';
import {exportFormat, type ExportFormatName} from '../output/export-formats.js';
import {streamWriter} from '../output/stream-writer.js';
import {descriptorFor} from '../resources/registry.js';
import type {Session} from '../session/session.js';
import {sanitize} from '../text/sanitize.js';

/** Rows per request: small enough to stay far below the page ceiling (answer-limit.ts), large enough to be few. */
export const EXPORT_CHUNK = 500;

export async function exportCollection(command: ListCommand, session: Session, client: WazoClient): Promise<number> {
  const descriptor = descriptorFor(command.collection);
  const name: ExportFormatName = command.json ? 'json' : command.ndjson ? 'ndjson' : process.stdout.isTTY ? 'aligned' : 'tsv';
  const format = exportFormat(name, descriptor.columns);
  const out = streamWriter();
  const fetchPage = (offset: number, signal?: AbortSignal) =>
    session.withToken(
      (token) =>
        client.confd.list(
          command.collection,
          {
            // Rows print only the columns, which the light form carries; JSON is the records as confd has them.
            view: name === 'json' || name === 'ndjson' ? undefined : descriptor.listView,
            search: command.search,
            limit: EXPORT_CHUNK,
            offset,
            order: command.order,
            direction: command.direction,
            recurse: command.recurse,
          },
          {token, tenant: command.tenant, signal},
        ),
      {signal},
    );

  // The first page fails like any one-page command: nothing was written yet.
  let page = await fetchPage(0);
  const total = page.total;
  let written = 0;
  try {
    await out.write(format.start(total));
    for (;;) {
      const nextOffset = written + page.items.length;
      const prefetch = new AbortController();
      const next = page.items.length > 0 && nextOffset < page.total ? fetchPage(nextOffset, prefetch.signal) : undefined;
      // Awaited below; until then its failure must not count as unhandled.
      next?.catch(() => {});
      await out.write(format.items(page.items));
      written = nextOffset;
      if (out.closed) {
        prefetch.abort();
        return 0;
      }
      if (next === undefined) break;
      page = await next;
    }
    await out.write(format.end());
  } catch (error) {
    const what = `${written} of ${total} ${command.collection}`;
    process.stderr.write(`wazo-tui: the export stopped after ${what} were written: ${sanitize(messageOf(error))}\n`);
    if (error instanceof ApiError && error.hint) process.stderr.write(`${sanitize(error.hint)}\n`);
    return Math.max(1, exitCodeFor(error));
  }
  if (process.stdout.isTTY) process.stderr.write(`${written} of ${total} ${command.collection}\n`);
  return 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
