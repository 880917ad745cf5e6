// The release step after `npm run sea`: proves the executable starts with an empty environment
// (no Node on PATH, no HOME) and reports the package's version, then writes its SHA-256 sum in
// the format `sha256sum -c` reads, beside it in dist/.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {createReadStream, readFileSync, statSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {root} from './esbuild-options.mjs';

const executable = join(root, 'dist', 'wazo-tui-linux-x64');
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let reported;
try {
  reported = execFileSync('env', ['-i', executable, '--version'], {encoding: 'utf8'}).trim();
} catch (error) {
  console.error(`release: dist/${basename(executable)} does not run with an empty environment: ${error.message}`);
  process.exit(1);
}
if (reported !== version) {
  console.error(`release: ${basename(executable)} reports version ${JSON.stringify(reported)}, package.json says ${version}.`);
  process.exit(1);
}

const hash = createHash('sha256');
for await (const chunk of createReadStream(executable)) hash.update(chunk);
const sum = `${hash.digest('hex')}  ${basename(executable)}\n`;
await writeFile(`${executable}.sha256`, sum);
const megabytes = (statSync(executable).size / 1e6).toFixed(0);
console.log(`dist/${basename(executable)} (${megabytes} MB, version ${version})\ndist/${basename(executable)}.sha256: ${sum.trim()}`);
