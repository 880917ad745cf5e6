/**
 * `.bench/last.json`: each run's numbers, so the next run can print the previous value and the
 * change next to each one.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {Metric, Stats} from './stats.js';

/** What a run leaves behind. */
export interface RunRecord {
  /** ISO time of the run. */
  at: string;
  metrics: Record<string, Stats>;
}

/** The previous run, or undefined when there is none or it cannot be read. */
export function loadPrevious(file: string): RunRecord | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isRunRecord(parsed)) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

/** Write this run's numbers (creating the directory), over those of `keep`. */
export function saveRun(file: string, metrics: readonly Metric[], at: Date, keep?: RunRecord): void {
  const record: RunRecord = {at: at.toISOString(), metrics: {...keep?.metrics, ...Object.fromEntries(metrics.map((m) => [m.id, m.stats]))}};
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
}

function isRunRecord(value: unknown): value is RunRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.at !== 'string' || typeof record.metrics !== 'object' || record.metrics === null) return false;
  return Object.values(record.metrics).every(
    (stats) =>
      typeof stats === 'object' &&
      stats !== null &&
      ['n', 'median', 'min', 'max'].every((key) => typeof (stats as Record<string, unknown>)[key] === 'number'),
  );
}
