/**
 * Entry point: parse the command line, pick the full-screen dashboard or a script command,
 * and turn every outcome into an exit code. Heavy modules are imported lazily so that
 * `--version` and `--help` start nothing.
 */
import {enableCompileCache} from 'node:module';
import {parseCommand, UsageError} from './source/cli/args.js';
import {usage} from './source/cli/usage.js';
import {version} from './source/version.js';
import {reportFatal} from './source/cli/fatal.js';
import {enableMemorySaver} from './source/cli/memory-saver.js';

// V8's code cache for the chunks loaded below (Ink, React, the screens): a start after the first
// reads their compiled code instead of compiling about 1 MB of JavaScript again. Node ≥ 22.1 has it.
enableCompileCache?.();
enableMemorySaver();

/** Node 20 lacks APIs the client relies on (X509Certificate dates, Ink 8, got 16): say so plainly. */
function nodeTooOld(): boolean {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return false;
  process.stderr.write(
    `wazo-tui needs Node.js 22 or newer; this is Node ${process.versions.node}.\n` +
      'In its repository, `npx wazo-tui` runs on the Node 24 that `npm ci` installs.\n',
  );
  return true;
}

async function main(argv: string[]): Promise<number> {
  if (nodeTooOld()) return 1;
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`wazo-tui: ${error.message}\nTry 'wazo-tui --help'.\n`);
      return 2;
    }
    throw error;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(usage);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'profiles':
      return (await import('./source/commands/profiles.js')).runProfiles(command);
    case 'pins':
      return (await import('./source/commands/pins.js')).runPins(command);
    case 'help-keys':
      return (await import('./source/commands/help-keys.js')).runHelpKeys(command);
    case 'demo-server':
      return (await import('./source/commands/demo-server.js')).runDemoServer(command);
    case 'cert':
      return (await import('./source/commands/cert.js')).runCert(command);
    case 'trust':
      return (await import('./source/commands/trust.js')).runTrust(command);
    case 'list':
      return (await import('./source/commands/list.js')).runList(command);
    case 'get':
      return (await import('./source/commands/get.js')).runGet(command);
    case 'account-create':
      return (await import('./source/commands/account-create.js')).runAccountCreate(command);
    case 'account-delete':
      return (await import('./source/commands/account-delete.js')).runAccountDelete(command);
    case 'account-list':
      return (await import('./source/commands/account-list.js')).runAccountList(command);
    case 'token':
      return (await import('./source/commands/token.js')).runToken(command);
    case 'revoke':
      return (await import('./source/commands/revoke.js')).runRevoke(command);
    case 'tui': {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        process.stderr.write(
          'wazo-tui: the dashboard needs a terminal (stdin and stdout). For scripts, use the commands:\n' +
            `  wazo-tui COLLECTION SERVER --username U --password-stdin [--json]   (users, lines, groups… see --help)\n`,
        );
        return 2;
      }
      // chalk (inside Ink) reads --no-color from argv and then drops every attribute, inverse
      // video too; the theme already leaves colours out, so keep chalk at its basic level and
      // the selection stays visible.
      if (command.noColor) process.env.FORCE_COLOR ??= '1';
      const code = await (await import('./source/app/run-tui.js')).runTui(command);
      // The terminal is restored and the token revoked: leave now, whatever sockets or timers a
      // slow server still holds open, so nothing can keep the user waiting at the prompt.
      process.exit(code);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportFatal(error);
  },
);
