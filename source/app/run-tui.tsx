/**
 * Full-screen mode: set up the terminal (alternate screen, raw input), run the App, and make
 * every way out — q, Ctrl-C, SIGTERM, SIGHUP, a crash — revoke the token and restore the terminal.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink';
import type {TuiCommand} from '../cli/args.js';
import {resolveConfigDir} from '../config/paths.js';
import {colorEnabled} from '../theme.js';
import {Boot} from './Boot.js';
import {installCrashGuard} from './crash.js';
import {isExpectedError} from './expected-errors.js';
import {createQuitter} from './quit.js';
import type {DemoInfo} from './demo.js';

export async function runTui(command: TuiCommand): Promise<number> {
  // --demo keeps nothing behind: its pins and profile live in a temporary directory.
  const tempDir = command.demo && !command.configDir ? mkdtempSync(join(tmpdir(), 'wazo-tui-demo-')) : undefined;
  const configDir = tempDir ?? resolveConfigDir(command.configDir);
  const quitter = createQuitter();
  const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
  const onSignal = Object.fromEntries(
    Object.entries(signals).map(([signal, code]) => [signal, () => quitter.quit(code)]),
  );
  for (const [signal, handler] of Object.entries(onSignal)) process.on(signal, handler);
  // A terminal that went away (the SSH link dropped) fails every write: that is a hang-up, not a bug.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EIO' || error.code === 'EPIPE') quitter.quit(signals.SIGHUP);
  });

  let demo: DemoInfo | undefined;
  const startDemo = command.demo
    ? async (): Promise<DemoInfo> => {
        const {startDemoServer} = await import('../demo/server.js');
        const server = await startDemoServer({});
        demo = {
          server: server.hostPort,
          username: server.username,
          password: server.password,
          fingerprint256: server.fingerprint256,
          close: () => server.close(),
        };
        return demo;
      }
    : undefined;

  const instance = render(
    <Boot
      command={command}
      configDir={configDir}
      color={colorEnabled(process.env, {noColor: command.noColor})}
      startDemo={startDemo}
      quitter={quitter}
    />,
    {
      alternateScreen: true,
      interactive: Boolean(process.stdout.isTTY),
      incrementalRendering: true,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 60,
    },
  );
  const guard = installCrashGuard({
    quitter,
    // The config directory in use; for --demo's temporary one, the real one, which outlives the run.
    reportDir: join(tempDir ? resolveConfigDir(undefined) : configDir, 'crash-reports'),
    restoreTerminal() {
      try {
        instance.unmount();
      } finally {
        // Whatever state Ink was left in: bracketed paste off, main screen, then the cursor shown (leaving
        // the alternate screen can bring back the cursor state saved on entering it), cooked input.
        process.stdout.write('\u001b[?2004l\u001b[?1049l\u001b[?25h');
        if (process.stdin.isTTY) process.stdin.setRawMode(false);
      }
    },
    exit(exitCode) {
      if (tempDir) rmSync(tempDir, {recursive: true, force: true});
      process.exit(exitCode);
    },
  });
  let code: number;
  try {
    await instance.waitUntilExit();
    // Restoring the terminal after a crash unmounts Ink, which ends this wait: the guard is still
    // revoking the token and will exit with its own code, so nothing here may exit first.
    if (guard.crashing) await new Promise<never>(() => {});
    code = quitter.code();
  } catch (error) {
    // A render error reaches here through Ink's error boundary; an error the app expects (a
    // damaged settings file) is reported by the caller, anything else is a crash.
    if (!isExpectedError(error)) await guard.crash(error, 'render');
    instance.unmount();
    // The token is still revoked, time-limited like a normal quit.
    await quitter.cleanup();
    throw error;
  } finally {
    // The signal listeners stay until the process ends: conf's write library re-raises a signal
    // it caught, and that second signal must not kill us before the exit code is set.
    await demo?.close();
    if (tempDir) rmSync(tempDir, {recursive: true, force: true});
  }
  return code;
}
