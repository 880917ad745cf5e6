/**
 * The npm package as a user gets it: `npm pack`, installed into an empty directory with no
 * network, then `npx wazo-tui` on the Node running this suite (CI runs the suite on Node 22 and on
 * Node 24, so both are proven). The package must hold the bundle and need nothing else.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, dirname, join} from 'node:path';
import {startTerminal} from '../helpers/tmux.js';
import {root, run, version} from './process.js';

// The Node under test first on PATH, so npm, npx and the package's `#!/usr/bin/env node` all run on
// it; and no npm_* variables from an outer `npm test`, which npm would read as its own config.
const path = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries({...process.env, PATH: path}).filter(([name]) => !/^npm_/i.test(name)));
delete env.WAZO_TUI_CONFIG_DIR;
env.XDG_CONFIG_HOME = join(tmpdir(), 'wazo-tui-tests-nowhere');

interface Packed {
  filename: string;
  files: Array<{path: string}>;
}

describe(`the npm package on Node ${process.versions.node}`, () => {
  let work: string;
  let app: string;
  let packed: Packed;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'wazo-tui-pack-'));
    // --ignore-scripts: pack the bundle npm test's pretest built, without rebuilding under other tests.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: root, env});
    assert.equal(pack.code, 0, pack.stderr);
    [packed] = JSON.parse(pack.stdout) as [Packed];
    app = join(work, 'app');
    mkdirSync(app);
  });
  after(() => rmSync(work, {recursive: true, force: true}));

  test('holds the bundle and its chunks, no source maps, no executable, no scripts', () => {
    const paths = packed.files.map((file) => file.path).sort();
    assert.ok(paths.includes('dist/cli.js'), paths.join('\n'));
    assert.ok(paths.some((file) => /^dist\/chunks\/.+\.js$/.test(file)), 'the chunks');
    const unexpected = paths.filter((file) => !/^(dist\/cli\.js|dist\/chunks\/[^/]+\.js|package\.json|README\.md)$/.test(file));
    assert.deepEqual(unexpected, []);
  });

  test('installs into an empty directory with no network and needs no dependency', async () => {
    const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], {cwd: app, env});
    assert.equal(install.code, 0, install.stderr);
    assert.doesNotMatch(install.stderr, /EBADENGINE/);
    assert.match(install.stdout, /added 1 package/);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'wazo-tui', 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined, 'esbuild bundles every runtime package');
  });

  test('npx wazo-tui --version runs on this Node', async () => {
    const node = await run('node', ['--version'], {cwd: app, env});
    assert.equal(node.stdout.trim(), process.version, 'the package runs on the Node under test');
    const result = await run('npx', ['--offline', 'wazo-tui', '--version'], {cwd: app, env});
    assert.deepEqual({code: result.code, stdout: result.stdout}, {code: 0, stdout: `${version}\n`}, result.stderr);
  });

  test('npx wazo-tui --demo logs in to the embedded server', async () => {
    const terminal = await startTerminal(['--demo'], {command: ['npx', '--offline', 'wazo-tui'], cwd: app, env: {PATH: path}});
    try {
      await terminal.waitFor('SHA-256 fingerprint', 30_000);
      await terminal.press('o');
      await terminal.waitFor('Demo server');
      await terminal.press('Enter');
      await terminal.waitFor(/Users\s+rows 1–\d+ of \d+/);
      await terminal.press('q');
      assert.equal(await terminal.waitForExit(), 0);
    } finally {
      await terminal.close();
    }
  });
});
