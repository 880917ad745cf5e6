/**
 * Full-screen mode: set up the terminal (alternate screen, raw input), run the App, and make
 * every way out — q, Ctrl-C, SIGTERM, SIGHUP, a crash — revoke the token and restore the terminal.
 */
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {TuiCommand} from '../cli/args.js';
import {keymapFileName, resolveConfigDir} from '../config/paths.js';
import {idleCollector} from '../terminal/idle-collector.js';
import {InkOutput} from '../terminal/ink-output.js';
import {splashFrame} from '../terminal/splash.js';
import {TerminalWriter} from '../terminal/writer.js';
import {installCrashGuard} from './crash.js';
import {isExpectedError} from './expected-errors.js';
import {createQuitter} from './quit.js';
import type {DemoInfo} from './demo.js';

export async function runTui(command: TuiCommand): Promise<number> {
  // The keymap and -p are checked before the terminal is taken over, so a mistake is an error
  // on the plain terminal. It is a preference of the user, so --demo reads it too. The YAML parser
  // loads only when there is a keymap: the first frame does not wait for it otherwise.
  const keymapDir = resolveConfigDir(command.configDir);
  if (existsSync(join(keymapDir, keymapFileName))) {
    (await import('../keymap.js')).installKeymap(keymapDir);
  }
  if (command.profile !== undefined) (await import('./open-settings.js')).checkProfile(keymapDir, command.profile);
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

  // The writer owns the screen (see source/terminal/writer.ts); Ink only renders frames to it.
  const collector = idleCollector();
  const writer = new TerminalWriter(process.stdout, {term: process.env.TERM, afterFrame: collector.schedule});
  const output = new InkOutput(process.stdout, writer);
  writer.start();
  process.once('exit', () => writer.stop());
  // The first frame before Ink, React and Yoga load: nothing here imports them statically.
  writer.show(splashFrame(command.demo));
  const [{render}, {default: React}, {Boot}, {colorEnabled}] = await Promise.all([
    import('ink'),
    import('react'),
    import('./Boot.js'),
    import('../theme.js'),
  ]);
  const instance = render(
    React.createElement(Boot, {
      command,
      configDir,
      color: colorEnabled(process.env, {noColor: command.noColor}),
      startDemo,
      quitter,
    }),
    {
      stdout: output,
      // Debug mode writes each render as one whole frame, without cursor moves: the writer's input.
      debug: true,
      interactive: true,
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
        writer.stop();
        output.detach();
        // Whatever state Ink was left in: bracketed paste off, main screen, cursor shown, cooked input.
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
    writer.stop();
    output.detach();
    // The signal listeners stay until the process ends: conf's write library re-raises a signal
    // it caught, and that second signal must not kill us before the exit code is set.
    await demo?.close();
    if (tempDir) rmSync(tempDir, {recursive: true, force: true});
  }
  return code;
}
