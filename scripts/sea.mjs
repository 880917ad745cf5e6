// Builds dist/wazo-tui-linux-x64, a single executable that needs no Node (Node's single executable
// applications, notes/distribution.md): the Node 24 binary this script runs on, with the npm
// bundle (dist/, built first by `npm run sea`) embedded as assets and loaded by sea-main.cjs.
import {spawnSync} from 'node:child_process';
import {chmod, copyFile, mkdtemp, readdir, rename, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {heapFlags, root} from './esbuild-options.mjs';

const dist = join(root, 'dist');
const executable = join(dist, 'wazo-tui-linux-x64');
// Official Node builds carry this fuse; postject flips it so the binary looks for its blob.
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function refuse(message) {
  console.error(`npm run sea: ${message}`);
  process.exit(1);
}

// The blob format belongs to the Node that writes it and must match the binary it goes into, and
// the CommonJS entry is what Node 24 requires: build with the repository's Node 24 only.
if (Number(process.versions.node.split('.')[0]) !== 24) refuse(`needs the repository's Node 24; this is ${process.versions.node}.`);
if (process.platform !== 'linux' || process.arch !== 'x64') refuse(`builds for linux-x64 only; this is ${process.platform}-${process.arch}.`);

const chunks = await readdir(join(dist, 'chunks')).catch(() => refuse('dist/ has no bundle: run npm run build first.'));
const assets = {'cli.js': join(dist, 'cli.js')};
for (const name of chunks.filter((file) => file.endsWith('.js'))) assets[`chunks/${name}`] = join(dist, 'chunks', name);

/**
 * Run a step on this Node, quiet unless it fails: postject's LIEF warns, harmlessly and many
 * times, about Node's `.note.100` section it does not know (notes/distribution.md).
 */
function runNode(what, args) {
  const step = spawnSync(process.execPath, args, {encoding: 'utf8'});
  if (step.status !== 0) throw new Error(`${what} failed (${step.error?.message ?? `exit ${step.status ?? step.signal}`}):\n${step.stdout}${step.stderr}`);
}

const work = await mkdtemp(join(tmpdir(), 'wazo-tui-sea-'));
try {
  const blob = join(work, 'sea.blob');
  const config = {
    main: join(root, 'scripts', 'sea-main.cjs'),
    output: blob,
    assets,
    disableExperimentalSEAWarning: true,
    // The npm bundle's shebang carries these; an executable has no shebang to carry them.
    execArgv: heapFlags,
    // A jump host's NODE_OPTIONS is set for its own Node; it must not change or break this one.
    execArgvExtension: 'none',
  };
  await writeFile(join(work, 'sea-config.json'), JSON.stringify(config));
  runNode('writing the blob', ['--experimental-sea-config', join(work, 'sea-config.json')]);

  const staging = join(work, 'wazo-tui');
  await copyFile(process.execPath, staging);
  const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
  runNode('postject', [postject, staging, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', fuse]);
  await chmod(staging, 0o755);
  // Copy beside the target and rename it in: a half-written executable never stands at the path.
  await copyFile(staging, `${executable}.partial`);
  await rename(`${executable}.partial`, executable);
  // A sum left by an earlier `npm run release` no longer matches: only release writes a new one.
  await rm(`${executable}.sha256`, {force: true});
  console.log(`built dist/wazo-tui-linux-x64`);
} catch (error) {
  console.error(`npm run sea: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await rm(work, {recursive: true, force: true});
}
