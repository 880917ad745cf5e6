/**
 * The yardstick of the memory budget: the resident set of the smallest program on our stack that
 * does what the dashboard needs before any data, Node 24 with the bundle's V8 flags drawing one word
 * with Ink (React, Yoga's WebAssembly) in a pty, with a TLS context made. Whatever the app holds
 * beyond it is its own.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {BenchContext} from './context.js';
import {PtySession, withTimeout} from './pty.js';

const MB = 1024 * 1024;

/** RSS in MB of a bare Ink app at `cols`x`rows`, read from /proc by the app itself after a second. */
export async function inkFloorMB(context: BenchContext, cols: number, rows: number): Promise<number> {
  const script = join(context.scratch, 'ink-floor.mjs');
  const module = (path: string) => JSON.stringify(pathToFileURL(join(context.root, 'node_modules', path)).href);
  writeFileSync(
    script,
    `import {readFileSync} from 'node:fs';
import {createSecureContext} from 'node:tls';
const {render, Text} = await import(${module('ink/build/index.js')});
const {createElement} = await import(${module('react/index.js')});
createSecureContext({});
const app = render(createElement(Text, null, 'ready'));
setTimeout(() => {
  const rss = /^VmRSS:\\s+(\\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))[1];
  app.unmount();
  process.stdout.write('\\nRSS ' + rss + ' kB\\n');
  process.exit(0);
}, 1000);
`,
  );
  // The V8 flags of the bundle's shebang (`#!/usr/bin/env -S node --flag…`).
  const flags = (readFileSync(context.cli, 'utf8').split('\n', 1)[0] ?? '').split(' ').filter((word) => word.startsWith('--'));
  const session = new PtySession({cols, rows, command: [context.node, ...flags, script]});
  try {
    await withTimeout(session.exited, 15_000, 'the bare Ink app');
    const kB = /RSS (\d+) kB/.exec(session.screen.text())?.[1];
    if (kB === undefined) throw new Error(`the bare Ink app printed no RSS (${session.describe()})`);
    return (Number(kB) * 1024) / MB;
  } finally {
    await session.close(true);
  }
}
