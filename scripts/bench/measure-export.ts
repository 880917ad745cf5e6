/**
 * Memory of a streamed export: `users --all --json` over the whole user collection of the bench's
 * server, run as a user runs it (the bundle, its shebang's V8 flags, stdout a pipe read as fast as
 * it comes). The resident set is sampled while it runs; a flat export peaks as high in its first
 * quarter as over the whole run.
 */
import {spawn} from 'node:child_process';
import type {BenchContext} from './context.js';
import type {LoginTarget} from './flows.js';
import {forget, residentBytes, track} from './processes.js';
import {metric, type Metric} from './stats.js';
import {timedRun} from './timed-spawn.js';

const MB = 1024 * 1024;
const SAMPLE_MS = 20;

export async function measureExport(context: BenchContext, server: LoginTarget, timeLimitMs: number): Promise<Metric[]> {
  const configDir = context.configDir();
  await timedRun(context.app[0]!, [...context.app.slice(1), 'trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
  const args = [...context.app.slice(1), 'users', server.hostPort, '--all', '--json', '-u', server.username, '--password-stdin', '--config-dir', configDir];
  const child = spawn(context.app[0]!, args, {stdio: ['pipe', 'pipe', 'pipe']});
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the export');
  track(pid);
  child.stdin.end(`${server.password}\n`);
  let bytes = 0;
  let tail = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    tail = (tail + chunk.toString('latin1')).slice(-64);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const samples: Array<{at: number; rss: number}> = [];
  const started = performance.now();
  const sampler = setInterval(() => {
    const rss = residentBytes(pid);
    if (rss !== undefined) samples.push({at: performance.now() - started, rss: rss / MB});
  }, SAMPLE_MS);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeLimitMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearTimeout(killer);
  forget(pid);
  if (code !== 0) throw new Error(`the export exited with ${code}: ${stderr.trim()}`);
  if (!tail.trimEnd().endsWith('}')) throw new Error('the export did not end its JSON document');
  if (samples.length === 0) throw new Error('no memory sample was taken');
  const quarter = samples.filter((sample) => sample.at <= (seconds * 1000) / 4);
  const section = `Export (users --all --json: ${(bytes / MB).toFixed(0)} MB of JSON in ${seconds.toFixed(1)} s)`;
  return [
    metric({id: 'export.rss.quarter', section, label: 'peak RSS in the first quarter of the run', unit: 'MB'}, [Math.max(...quarter.map((s) => s.rss))]),
    metric({id: 'export.rss.peak', section, label: 'peak RSS over the whole export', unit: 'MB'}, [Math.max(...samples.map((s) => s.rss))]),
  ];
}
