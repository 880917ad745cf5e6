import type {DemoServerCommand} from '../cli/args.js';
import {runDemoServerCommand} from '../demo/command.js';
import {commandFaultRules} from '../demo/faults.js';
import {startConsole} from '../demo/console.js';

const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/** `wazo-tui demo-server`: serve until Ctrl-C, SIGTERM or SIGHUP; faults can be switched on standard input. */
export async function runDemoServer(command: DemoServerCommand): Promise<number> {
  // Listen before starting: a signal during start-up (the address is already printed) still
  // closes the server and gives its exit code.
  const stopped = new Promise<number>((resolve) => {
    for (const [signal, code] of Object.entries(signals)) process.once(signal, () => resolve(code));
  });
  const running = await runDemoServerCommand(
    {
      host: command.host,
      port: command.port,
      users: command.users,
      lines: command.lines,
      username: command.username,
      password: command.password,
      seed: command.seed,
      certificates: command.certificates,
      faults: commandFaultRules(command.faults, command.faultPath, command.faultAfter),
      ...(command.confdPort === undefined ? {} : {splitConfd: {port: command.confdPort}}),
      latencyMs: command.latencyMs,
      clockOffsetMs: command.clockOffsetMs,
      gzip: command.gzip,
    },
    {stdout: process.stdout},
  );
  const stopConsole = startConsole(running.server, command, {input: process.stdin, output: process.stdout});
  const code = await stopped;
  stopConsole();
  await running.close();
  return code;
}
