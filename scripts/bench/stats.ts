/** Summary statistics of repeated samples, and the shape of one reported number. */

/** n, median, min and max of a set of samples. */
export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
}

/** Units the report knows how to print. */
export type Unit = 'ms' | 'B' | 'MB' | 'x' | 'rows';

/** An upper bound the median (or the max, with `worst`) must stay at or under; `strict` means strictly below. */
export interface Budget {
  max: number;
  strict?: boolean;
  worst?: boolean;
}

/** One line of the report. */
export interface Metric {
  /** Stable key in `.bench/last.json`. */
  id: string;
  section: string;
  label: string;
  unit: Unit;
  stats: Stats;
  budget?: Budget;
}

/** Median (mean of the two middle values for an even count), min and max; throws on no sample. */
export function summarize(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no sample to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {n: sorted.length, median, min: sorted[0]!, max: sorted.at(-1)!};
}

/** Whether a metric's median (or max) is within its budget (undefined when it has none). */
export function withinBudget(metric: Metric): boolean | undefined {
  if (!metric.budget) return undefined;
  const {max, strict, worst} = metric.budget;
  const value = worst ? metric.stats.max : metric.stats.median;
  return strict ? value < max : value <= max;
}

/** Build a metric from raw samples. */
export function metric(fields: Omit<Metric, 'stats'>, samples: readonly number[]): Metric {
  return {...fields, stats: summarize(samples)};
}
