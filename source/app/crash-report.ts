/**
 * The crash report: what a bug report needs (version, Node, platform, where the crash came
 * from, the error and its stack, its causes) and nothing a report must not carry. Tokens are
 * UUIDs and credentials travel in headers, so every UUID, every `Basic`/`Bearer` credential and
 * every `token`/`password`/`secret` value is masked. Node's own diagnostic report is not used:
 * it lists the environment.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {arch, platform, release} from 'node:os';
import {ensurePrivateDir} from '../config/secure-dir.js';
import {version} from '../version.js';

/** Where an unexpected error came from. */
export type CrashOrigin = 'render' | 'uncaughtException' | 'unhandledRejection';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const CREDENTIAL = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g;
const SECRET_FIELD = /(["']?(?:[\w-]*token|password|passwd|secret|authorization)["']?\s*[:=]\s*)(?:"[^"]*"|'[^']*'|[^\s,;}]+)/gi;

/** The text with everything that looks like a token or a credential masked. */
export function scrubSecrets(text: string): string {
  return text.replace(CREDENTIAL, '$1 ‹secret›').replace(SECRET_FIELD, '$1‹secret›').replace(UUID, '‹uuid›');
}

/** An error, its stack and its causes, as text. */
function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return `thrown value: ${String(error)}`;
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  const cause = error.cause === undefined || depth >= 3 ? '' : `\ncaused by: ${describeError(error.cause, depth + 1)}`;
  return stack + cause;
}

export function crashReportText(error: unknown, origin: CrashOrigin, now = new Date()): string {
  const lines = [
    'wazo-tui crash report',
    `time:     ${now.toISOString()}`,
    `version:  ${version}`,
    `node:     ${process.version} (${platform()} ${release()} ${arch()})`,
    `origin:   ${origin}`,
    `uptime:   ${Math.round(process.uptime())} s`,
    '',
    describeError(error),
    '',
  ];
  return scrubSecrets(lines.join('\n'));
}

/** Write the report (0600) in `dir` (created 0700), and return its path. */
export function writeCrashReport(dir: string, text: string, now = new Date()): string {
  ensurePrivateDir(dir);
  const path = join(dir, `crash-${now.toISOString().replaceAll(':', '-')}-${process.pid}.txt`);
  writeFileSync(path, text, {mode: 0o600, flag: 'wx'});
  return path;
}
