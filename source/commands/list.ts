import {UsageError, type ListCommand} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {clientIdFor, installId} from '../config/install-id.js';
import {ProfileStore} from '../config/profiles.js';
import {openConnection} from '../connection.js';
import {formatAligned, formatTsv} from '../output/rows.js';
import {tolerateClosedPipe} from '../output/closed-pipe.js';
import {toSafeJson} from '../output/json.js';
import {sanitize} from '../text/sanitize.js';
import {descriptorFor} from '../resources/registry.js';
import {Session} from '../session/session.js';
import {readPasswordFromStdin} from './read-password.js';
import {exitCodeFor} from '../api/errors.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import {certificateRefusalReport} from './certificate-refused.js';
import {trustOptionsFor} from './trust-options.js';

/** Rows per script call when `--limit` is not given. */
const defaultLimit = 100;

/**
 * `wazo-tui COLLECTION` (users, lines, extensions…): log in, fetch one page, print it, revoke the token.
 * The server and username default to the last profile used; the password comes from stdin.
 */
export async function runList(command: ListCommand): Promise<number> {
  tolerateClosedPipe();
  const configDir = resolveConfigDir(command.configDir);
  // Read, never changed: a script run leaves the profiles (and a broken file) as they are.
  const profiles = new ProfileStore(configDir, {readOnly: true});
  for (const notice of profiles.notices) process.stderr.write(`wazo-tui: warning: ${sanitize(notice)}\n`);
  const profile = command.profile ? profiles.get(command.profile) : command.server ? profiles.forServer(command.server) : profiles.current();
  if (command.profile && !profile) throw new UsageError(`no profile named ${command.profile} (wazo-tui profiles list shows them)`);
  const server = command.server ?? profile?.server;
  if (!server) throw new UsageError(`${command.collection} needs a SERVER (none was given and no profile is remembered)`);
  const username = command.username ?? profile?.username;
  if (!username) throw new UsageError(`${command.collection} needs --username U`);
  if (!command.passwordStdin) {
    throw new UsageError('give the password on standard input with --password-stdin (it is never taken from a flag)');
  }
  const password = await readPasswordFromStdin();

  const {client} = openConnection({
    server,
    configDir,
    caFiles: command.caFiles.length > 0 ? command.caFiles : profile?.caFiles,
    authUrl: command.authUrl ?? profile?.authUrl,
    confdUrl: command.confdUrl ?? profile?.confdUrl,
  });
  const session = new Session(client, {
    clientId: clientIdFor(installId(configDir)),
    expiration: command.expiration ?? 600,
    // One page and out: an offline token would leave a long-lived refresh token on the server for nothing.
    refresh: false,
  });
  try {
    await session.login(username, password);
    const page = await session.withToken((token) =>
      client.confd.list(
        command.collection,
        {
          search: command.search,
          // A page, not the whole collection: confd answers every row when no limit is given,
          // which on a large PBX is hundreds of megabytes. `--limit`/`--offset` page further.
          limit: command.limit ?? defaultLimit,
          offset: command.offset,
          order: command.order,
          direction: command.direction,
          recurse: command.recurse,
        },
        {token, tenant: command.tenant},
      ),
    );
    const offset = command.offset ?? 0;
    const range = `rows ${page.items.length === 0 ? 0 : offset + 1}–${offset + page.items.length} of ${page.total}`;
    const truncated = offset + page.items.length < page.total;
    if (command.json) {
      process.stdout.write(`${toSafeJson(page)}\n`);
    } else {
      const descriptor = descriptorFor(command.collection);
      const columns = descriptor.columns;
      const rows = page.items.map((item) => columns.map((column) => column.value(item as never)));
      const format = process.stdout.isTTY ? formatAligned : formatTsv;
      process.stdout.write(format(columns, rows));
    }
    // On a terminal always; in a pipe only when rows remain, so a script notices a partial answer.
    if (process.stdout.isTTY || truncated) {
      process.stderr.write(`${range}${truncated ? ` (more with --offset ${offset + page.items.length} or a larger --limit)` : ''}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    process.stderr.write(certificateRefusalReport(error, trustOptionsFor(command.configDir)));
    return exitCodeFor(error);
  } finally {
    await session.end();
    const revocation = session.snapshot.lastError;
    if (revocation) {
      process.stderr.write(`wazo-tui: warning: the token could not be revoked (${sanitize(revocation.message)}); it stays valid until it expires.\n`);
    }
    client.close();
  }
}
