/** `wazo-tui demo-server`: start the demo server and print how to reach it. */
import {shellWord} from '../text/shell-word.js';
import {startDemoServer, type DemoServer, type DemoServerOptions} from './server.js';

/** Start the server and print its URLs, accounts, certificate fingerprint and a ready curl line. */
export async function runDemoServerCommand(options: DemoServerOptions, io: {stdout: NodeJS.WritableStream}): Promise<DemoServer> {
  const server = await startDemoServer(options);
  const lines = [
    `Wazo demo server listening on ${server.url}`,
    `  wazo-auth:  ${server.authUrl}`,
    `  wazo-confd: ${server.confdUrl}`,
    'Accounts:',
    ...server.accounts.map((account) => {
      const scope = account.acl.includes('#') ? 'full access (#)' : `limited: ${account.acl.join(', ')}`;
      return `  ${account.username} / ${account.password}  ${scope}`;
    }),
    `Certificate SHA-256 fingerprint: ${server.fingerprint256}`,
    `Connect: wazo-tui ${server.hostPort} --username ${server.username}`,
    `Try: curl -k -u ${shellWord(`${server.username}:${server.password}`)} -X POST -H 'Content-Type: application/json' -d '{}' ${server.authUrl}/token`,
    'Press Ctrl-C to stop.',
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return server;
}
