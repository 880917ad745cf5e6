/**
 * Switching the demo server's faults while it runs, from lines typed on its standard input, so a
 * user can log in first and then break the server under the dashboard (and mend it again).
 */
import {createInterface} from 'node:readline';
import {describeFault, parseFaultSpec} from './fault-spec.js';
import {commandFaultRules, requestsOf} from './faults.js';
import type {DemoServer} from './server.js';

/** Printed at start-up, and again on an empty line. */
export const CONSOLE_HELP = [
  'Type here to change the server while it runs (Enter alone: this list):',
  '  fault KIND[=VALUE] …   these faults instead (same --fault-path and --fault-after)',
  '  fault none             no fault',
  '  latency MS             delay every answer',
  '  clock SECONDS          server clock ahead (negative: behind)',
  '  revoke                 end every session (refresh tokens stay valid)',
];

/** Read commands from `input` until it ends or the returned function is called. */
export function startConsole(
  server: DemoServer,
  scope: {faultPath?: RegExp; faultAfter?: number},
  io: {input: NodeJS.ReadableStream; output: NodeJS.WritableStream},
): () => void {
  const lines = createInterface({input: io.input, terminal: false});
  const say = (text: string): void => void io.output.write(`${text}\n`);
  // One command at a time, in the order typed: a fault switch may wait for a port to close.
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    const [command, ...words] = line.trim().split(/\s+/);
    queue = queue.then(() => run(command ?? '', words)).then(say, (error: unknown) => say(`! ${error instanceof Error ? error.message : String(error)}`));
  });
  const run = async (command: string, words: string[]): Promise<string> => {
    switch (command) {
      case '':
        return CONSOLE_HELP.join('\n');
      case 'fault': {
        const faults = words.length === 1 && words[0] === 'none' ? [] : words.map(parseFaultSpec);
        if (faults.length === 0 && words.length === 0) throw new Error('fault needs KIND[=VALUE] or none');
        await server.setFaults(commandFaultRules(faults, scope.faultPath, scope.faultAfter));
        return server.faults.length === 0 ? 'Faults: none' : server.faults.map((rule) => `Fault: ${describeFault(rule.fault)} (${requestsOf(rule)})`).join('\n');
      }
      case 'latency':
        server.setLatency(whole(words[0], 'latency takes milliseconds'));
        return `Latency: ${words[0]} ms`;
      case 'clock':
        server.setClockOffset(whole(words[0], 'clock takes whole seconds') * 1000);
        return `Server clock: ${words[0]} s`;
      case 'revoke':
        server.revokeAllTokens();
        return 'Every session ended.';
      default:
        throw new Error(`unknown command "${command}"; press Enter for the list`);
    }
  };
  return () => lines.close();
}

function whole(word: string | undefined, message: string): number {
  if (word === undefined || !/^[+-]?\d+$/.test(word)) throw new Error(message);
  return Number(word);
}
