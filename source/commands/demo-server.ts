import type {DemoServerCommand} from '../cli/args.js';
import {runDemoServerCommand} from '../demo/command.js';

const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/** `wazo-tui demo-server`: serve until Ctrl-C, SIGTERM or SIGHUP. */
export async function runDemoServer(command: DemoServerCommand): Promise<number> {
  // Listen before starting: a signal during start-up (the address is already printed) still
  // closes the server and gives its exit code.
  const stopped = new Promise<number>((resolve) => {
    for (const [signal, code] of Object.entries(signals)) process.once(signal, () => resolve(code));
  });
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
  const code = await stopped;
  await server.close();
  return code;
}
