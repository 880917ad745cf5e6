import type {ListCommand} from '../cli/args.js';
import {formatAligned, formatTsv} from '../output/rows.js';
import {tolerateClosedPipe} from '../output/closed-pipe.js';
import {exportFormat} from '../output/export-formats.js';
import {toSafeJson} from '../output/json.js';
import {descriptorFor} from '../resources/registry.js';
import {exportCollection} from './export.js';
import {withScriptSession} from './script-session.js';

/** Rows per script call when `--limit` is not given. */
const defaultLimit = 100;

/**
 * `wazo-tui COLLECTION` (users, lines, extensions…): log in, fetch one page (or, with `--all`,
 * every page), print it, revoke the token. The server and username default to the last profile
 * used; the password comes from stdin.
 */
export async function runList(command: ListCommand): Promise<number> {
  tolerateClosedPipe();
  // An export can outlast the default ten minutes of a script's token, which cannot be renewed.
  const expiration = command.all ? 3600 : undefined;
  return withScriptSession(
    command.collection,
    command,
    async (session, client, tenant) => {
      if (command.all) return exportCollection({...command, tenant}, session, client);
      const descriptor = descriptorFor(command.collection);
      const page = await session.withToken((token) =>
        client.confd.list(
          command.collection,
          {
            // Rows print only the columns, which the light form carries; JSON is the records as confd has them.
            view: command.json || command.ndjson ? undefined : descriptor.listView,
            search: command.search,
            // A page, not the whole collection: confd answers every row when no limit is given,
            // which on a large PBX is hundreds of megabytes. `--limit`/`--offset` page further, `--all` pages for you.
            limit: command.limit ?? defaultLimit,
            offset: command.offset,
            order: command.order,
            direction: command.direction,
            recurse: command.recurse,
          },
          {token, tenant},
        ),
      );
      const offset = command.offset ?? 0;
      const range = `rows ${page.items.length === 0 ? 0 : offset + 1}–${offset + page.items.length} of ${page.total}`;
      const truncated = offset + page.items.length < page.total;
      const columns = descriptor.columns;
      if (command.json) {
        process.stdout.write(`${toSafeJson(page)}\n`);
      } else if (command.ndjson) {
        process.stdout.write(exportFormat('ndjson', columns).items(page.items));
      } else {
        const rows = page.items.map((item) => columns.map((column) => column.value(item as never)));
        const format = process.stdout.isTTY ? formatAligned : formatTsv;
        process.stdout.write(format(columns, rows));
      }
      // On a terminal always; in a pipe only when rows remain, so a script notices a partial answer.
      if (process.stdout.isTTY || truncated) {
        process.stderr.write(`${range}${truncated ? ` (more with --offset ${offset + page.items.length}, a larger --limit, or --all)` : ''}\n`);
      }
      return 0;
    },
    {expiration},
  );
}
