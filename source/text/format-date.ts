/** Dates as people read them in this program: one zone (UTC, said), to the second, no locale. */

/** A certificate date as `2026-11-28 00:52:51 UTC`. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
