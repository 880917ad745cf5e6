import type {GetCommand} from '../cli/args.js';
import {tolerateClosedPipe} from '../output/closed-pipe.js';
import {toSafeJson} from '../output/json.js';
import {withScriptSession} from './script-session.js';

/**
 * `wazo-tui get COLLECTION ID [SERVER]`: one record as JSON (every field confd sends, control and
 * bidi characters escaped), with the same login as the list commands.
 */
export async function runGet(command: GetCommand): Promise<number> {
  tolerateClosedPipe();
  return withScriptSession(`get ${command.collection}`, command, async (session, client, tenant) => {
    const record = await session.withToken((token) => client.confd.get(command.collection, command.id, {token, tenant}));
    process.stdout.write(`${toSafeJson(record)}\n`);
    return 0;
  });
}
