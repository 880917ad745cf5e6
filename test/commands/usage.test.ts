/**
 * `--help`, `--version` and usage errors of the real binary: exit 0 for the first two, exit 2 with
 * a message and nothing on stdout for every mistake in the command line. No server is needed:
 * each mistake is caught before any connection.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {collectionNames} from '../../source/resources/registry.js';
import {childEnv, cliPath, runCli, tempDir} from './cli.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

describe('wazo-tui --help and --version', () => {
  it('--help prints the usage of every command on stdout and exits 0', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    for (const text of ['Usage:', 'wazo-tui cert SERVER', 'wazo-tui trust SERVER --fingerprint FP', 'wazo-tui COLLECTION [SERVER]', 'COLLECTION: users, lines, extensions, groups', '--password-stdin', '--all', '--ndjson', 'wazo-tui get COLLECTION ID', 'demo-server', 'Exit codes:']) {
      assert.ok(result.stdout.includes(text), `--help lacks ${text}`);
    }
  });

  it('a command followed by --help prints the same usage and exits 0', async () => {
    const top = await runCli(['--help']);
    for (const command of ['cert', 'trust', 'users', 'get', 'demo-server']) {
      const result = await runCli([command, '--help']);
      assert.equal(result.code, 0, command);
      assert.equal(result.stdout, top.stdout, command);
    }
  });

  it('the dashboard without a terminal exits 2 and points at the script commands', async () => {
    const result = await runCli(['127.0.0.1:9', '--config-dir', tempDir()]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /needs a terminal/);
    assert.match(result.stderr, /wazo-tui COLLECTION SERVER --username U --password-stdin \[--json\] +\(users, lines, groups… see --help\)/);
  });

  it('--version and -v print the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      assert.equal(result.code, 0);
      assert.equal(result.stdout, `${packageVersion}\n`);
      assert.equal(result.stderr, '');
    }
  });
});

describe('usage errors exit 2 with a message', () => {
  let root = '';
  let configDir = '';
  before(() => {
    root = tempDir();
    configDir = tempDir(root);
  });
  after(() => rmSync(root, {recursive: true, force: true}));

  const cases: Array<{name: string; args: () => string[]; input?: string; message: RegExp}> = [
    {name: 'an unknown flag', args: () => ['--bogus'], message: /Unknown option '--bogus'/},
    {name: 'an unknown flag of a command', args: () => ['users', 'pbx.example.com', '--sort', 'name'], message: /Unknown option '--sort'/},
    {name: 'a limit that is not a number', args: () => ['users', 'pbx.example.com', '--limit', 'ten'], message: /--limit takes a whole number from 1 .*"ten"/},
    {name: 'a zero limit', args: () => ['lines', 'pbx.example.com', '--limit', '0'], message: /--limit takes a whole number from 1/},
    {name: 'a fractional offset', args: () => ['users', 'pbx.example.com', '--offset', '1.5'], message: /--offset takes a whole number from 0/},
    {name: 'a negative offset', args: () => ['users', 'pbx.example.com', '--offset', '-1'], message: /--offset/},
    {name: 'a flag without its value', args: () => ['users', 'pbx.example.com', '--limit'], message: /--limit <value>' argument missing/},
    {name: 'a bad expiration', args: () => ['extensions', 'pbx.example.com', '--expiration', 'soon'], message: /--expiration takes a whole number/},
    {name: '--direction sideways', args: () => ['users', 'pbx.example.com', '--direction', 'sideways'], message: /--direction is asc or desc, not "sideways"/},
    {name: '--all with --limit', args: () => ['users', 'pbx.example.com', '--all', '--limit', '10'], message: /--all pages through the whole collection: give no --limit or --offset with it/},
    {name: '--all with --offset', args: () => ['lines', 'pbx.example.com', '--all', '--offset', '10'], message: /give no --limit or --offset/},
    {name: '--json with --ndjson', args: () => ['users', 'pbx.example.com', '--all', '--json', '--ndjson'], message: /--json and --ndjson are two formats: give one of them/},
    {name: 'get without a collection', args: () => ['get'], message: new RegExp(`get needs a COLLECTION \\(${collectionNames.join(', ')}\\) and an ID`)},
    {name: 'get of an unknown collection', args: () => ['get', 'phones', '1'], message: new RegExp(`get takes a collection \\(${collectionNames.join(', ')}\\), not "phones"`)},
    {name: 'get without an ID', args: () => ['get', 'users'], message: /get users needs the ID of a record/},
    {name: 'get with two servers', args: () => ['get', 'users', '1', 'a.example.com', 'b.example.com'], message: /get users 1 takes one server/},
    {name: 'get with a list flag', args: () => ['get', 'users', '1', '--limit', '3'], message: /Unknown option '--limit'/},
    {
      name: 'get without --password-stdin',
      args: () => ['get', 'users', '1', 'pbx.example.com', '-u', 'admin', '--config-dir', configDir],
      message: /--password-stdin \(it is never taken from a flag\)/,
    },
    {name: 'cert without a SERVER', args: () => ['cert'], message: /cert needs a SERVER/},
    {name: 'cert with two servers', args: () => ['cert', 'a.example.com', 'b.example.com'], message: /cert takes one server/},
    {name: 'trust without a SERVER', args: () => ['trust', '--fingerprint', 'AB'], message: /trust needs a SERVER/},
    {name: 'trust without --fingerprint', args: () => ['trust', 'pbx.example.com'], message: /trust needs --fingerprint FP/},
    {
      name: 'trust with a fingerprint that is not 32 hex pairs',
      args: () => ['trust', '127.0.0.1:1', '--fingerprint', 'AB:CD:EF', '--config-dir', configDir],
      message: /Not a SHA-256 fingerprint: expected 64 hex digits/,
    },
    {name: 'an http:// server', args: () => ['cert', 'http://pbx.example.com', '--config-dir', configDir], message: /http:\/\/ is refused/},
    {name: 'a server with a path', args: () => ['cert', 'https://pbx.example.com/api', '--config-dir', configDir], message: /Give only the server/},
    {name: 'a bad port', args: () => ['cert', 'pbx.example.com:99999', '--config-dir', configDir], message: /Bad port/},
    {
      name: 'a list with no SERVER and no remembered profile',
      args: () => ['users', '--username', 'admin', '--password-stdin', '--config-dir', configDir],
      input: 'secret\n',
      message: /users needs a SERVER \(none was given and no profile is remembered\)/,
    },
    {name: 'a list without --username', args: () => ['lines', 'pbx.example.com', '--password-stdin', '--config-dir', configDir], input: 'secret\n', message: /lines needs --username U/},
    {
      name: 'a list without --password-stdin',
      args: () => ['users', 'pbx.example.com', '-u', 'admin', '--config-dir', configDir],
      message: /--password-stdin \(it is never taken from a flag\)/,
    },
    {
      name: 'an empty password on stdin',
      args: () => ['users', 'pbx.example.com', '-u', 'admin', '--password-stdin', '--config-dir', configDir],
      input: '\n',
      message: /--password-stdin read an empty password/,
    },
    {name: 'the dashboard with --demo and a SERVER', args: () => ['--demo', 'pbx.example.com'], message: /--demo starts its own server/},
    {name: 'the dashboard with a SERVER and -p', args: () => ['pbx.example.com', '-p', 'prod'], message: /give a SERVER or -p prod, not both/},
    {name: 'the dashboard with --demo and -p', args: () => ['--demo', '-p', 'prod'], message: /--demo starts its own server: give no -p/},
    {
      name: 'a list with a profile that does not exist',
      args: () => ['users', '-p', 'ghost', '-u', 'admin', '--password-stdin', '--config-dir', configDir],
      input: 'secret\n',
      message: /no profile named ghost \(wazo-tui profiles list shows them\)/,
    },
    {name: 'demo-server with an out-of-range port', args: () => ['demo-server', '--port', '70000'], message: /--port takes a whole number from 0 to 65535/},
    {name: 'demo-server with an argument', args: () => ['demo-server', 'now'], message: /demo-server takes no argument: now/},
  ];

  it('--password-stdin on a terminal, where the password would show as it is typed', async () => {
    // `script` makes stdin (and stdout) a pseudo-terminal.
    const command = `"$WAZO_TEST_NODE" "$WAZO_TEST_CLI" users pbx.example.com -u admin --password-stdin --config-dir "$WAZO_TEST_CONFIG"`;
    const {code, output} = await new Promise<{code: number; output: string}>((resolve, reject) => {
      execFile(
        'script',
        ['-qec', command, '/dev/null'],
        {env: childEnv({WAZO_TEST_NODE: process.execPath, WAZO_TEST_CLI: cliPath, WAZO_TEST_CONFIG: configDir}), timeout: 20_000},
        (error, stdout) => {
          if (error && typeof error.code !== 'number') reject(error);
          else resolve({code: typeof error?.code === 'number' ? error.code : 0, output: stdout});
        },
      );
    });
    assert.equal(code, 2, output);
    assert.match(output, /--password-stdin reads the password from a pipe or a file, not from a terminal/);
  });

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const result = await runCli(testCase.args(), {input: testCase.input});
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^wazo-tui: /);
      assert.match(result.stderr, testCase.message);
      assert.match(result.stderr, /Try 'wazo-tui --help'\.\n$/);
    });
  }
});
