/**
 * The yardstick of the memory budget: the resident set of the smallest program on our stack that
 * does what the dashboard needs before any data. It draws one word with Ink (React, Yoga's
 * WebAssembly) in a pty after making a TLS context, bundled with the app's own build options and
 * Ink patches, and runs under the bundle's V8 flags and malloc settings. Whatever the app holds
 * beyond it is its own.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {build} from 'esbuild';
import type {BenchContext} from './context.js';
import {PtySession, withTimeout} from './pty.js';
// @ts-expect-error: build scripts are plain JavaScript modules, without types.
import {appOptions} from '../esbuild-options.mjs';
// @ts-expect-error: as above.
import {inkPatches} from '../ink-patches.mjs';
// @ts-expect-error: as above.
import {residentPatches} from '../resident-patches.mjs';
// @ts-expect-error: as above.
import {builtinRequire} from '../builtin-require.mjs';

const PROGRAM = `import {readFileSync} from 'node:fs';
import {createSecureContext} from 'node:tls';
import {render, Text} from 'ink';
import {createElement} from 'react';
createSecureContext({});
const app = render(createElement(Text, null, 'ready'));
setTimeout(() => {
  const rss = /^VmRSS:\\s+(\\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))[1];
  app.unmount();
  process.stdout.write('\\nRSS ' + rss + ' kB\\n');
  process.exit(0);
}, 1000);
`;

/** RSS in MB of the bare Ink app at `cols`x`rows`, read from /proc by the app itself after a second. */
export async function inkFloorMB(context: BenchContext, cols: number, rows: number): Promise<number> {
  const bundle = join(context.scratch, 'ink-floor.mjs');
  const {entryPoints: _app, ...options} = appOptions as Record<string, unknown>;
  await build({
    ...options,
    // Resolved from the project, so that Ink and React are the app's own.
    stdin: {contents: PROGRAM, resolveDir: context.root, sourcefile: 'ink-floor.mjs', loader: 'js'},
    outfile: bundle,
    banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
    plugins: [inkPatches(), residentPatches(), builtinRequire()],
  });
  // The environment and V8 flags of the app's shebang (`#!/usr/bin/env -S NAME=value… node --flag…`).
  const words = (readFileSync(context.cli, 'utf8').split('\n', 1)[0] ?? '').split(' ');
  const settings = words.filter((word) => /^[A-Z_]+=/.test(word));
  const flags = words.filter((word) => word.startsWith('--'));
  const session = new PtySession({cols, rows, command: ['env', ...settings, context.node, ...flags, bundle]});
  try {
    await withTimeout(session.exited, 15_000, 'the bare Ink app');
    const kB = /RSS (\d+) kB/.exec(session.screen.text())?.[1];
    if (kB === undefined) throw new Error(`the bare Ink app printed no RSS (${session.describe()})`);
    return Number(kB) / 1024;
  } finally {
    await session.close(true);
  }
}
