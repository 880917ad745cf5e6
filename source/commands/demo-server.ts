import type {DemoServerCommand} from '../cli/args.js';
import {runDemoServerCommand} from '../demo/command.js';

/** `wazo-tui demo-server`: serve until Ctrl-C, SIGTERM or SIGHUP. */
export async function runDemoServer(command: DemoServerCommand): Promise<number> {
  const server = await runDemoServerCommand(
    {
      host: command.host,
      port: command.port,
      users: command.users,
      lines: command.lines,
      username: command.username,
      password: command.password,
      seed: command.seed,
    },
    {stdout: process.stdout},
  );
  const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
  return new Promise((resolve) => {
    for (const [signal, code] of Object.entries(signals)) {
      process.once(signal, () => {
        void server.close().then(() => resolve(code));
      });
    }
  });
}
