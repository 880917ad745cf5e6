/**
 * Token time arithmetic, pure: wazo-auth's UTC timestamps, clock-skew correction,
 * the countdown text and its warning level, and when to renew.
 */

/** Below this many ms left the countdown warns. */
export const WARN_BELOW_MS = 5 * 60_000;
/** Below this many ms left the countdown is critical. */
export const CRITICAL_BELOW_MS = 60_000;
/** Renew this long before expiry, when the token lives long enough for it (see {@link renewDelay}). */
export const RENEW_LEAD_MS = 60_000;

const UTC_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|\+00:?00)?$/;

/**
 * Parse wazo-auth's `utc_issued_at`/`utc_expires_at` (`2024-05-01T12:00:00.123456`, UTC without `Z`) to epoch ms.
 * Returns undefined for any other text, so a strange server cannot produce a bogus countdown.
 */
export function parseWazoUtc(text: string): number | undefined {
  const match = UTC_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = match[7] ?? '';
  const ms = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** A token's times on the local clock. */
export interface TokenTimes {
  /** Local epoch ms when the token expires, corrected for the server's clock. */
  expiresAt: number;
  /** ms between issue and expiry, as the server counts it. */
  lifetime: number;
  /** Local clock minus server clock, in ms (positive when the server is behind). */
  skew: number;
}

/**
 * Place a token's expiry on the local clock: skew = local receive time − server issue time,
 * so a server whose clock is off does not move the countdown. Undefined when the timestamps are unreadable.
 */
export function tokenTimes(
  token: {utc_issued_at: string; utc_expires_at: string},
  receivedAt: number,
): TokenTimes | undefined {
  const issued = parseWazoUtc(token.utc_issued_at);
  const expires = parseWazoUtc(token.utc_expires_at);
  if (issued === undefined || expires === undefined || expires < issued) return undefined;
  const skew = receivedAt - issued;
  return {expiresAt: expires + skew, lifetime: expires - issued, skew};
}

/** The countdown: `M:SS` under an hour, `H:MM:SS` from an hour on, `0:00` once past. Seconds round up. */
export function formatRemaining(ms: number): string {
  const total = ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** How urgent the countdown looks. */
export type CountdownLevel = 'ok' | 'warn' | 'critical' | 'expired';

/** `expired` at or past 0, `critical` under a minute, `warn` under five minutes, else `ok`. */
export function level(ms: number): CountdownLevel {
  if (ms <= 0) return 'expired';
  if (ms < CRITICAL_BELOW_MS) return 'critical';
  if (ms < WARN_BELOW_MS) return 'warn';
  return 'ok';
}

/**
 * ms after issue at which to renew a token of `lifetime` ms: at 80 % of the lifetime or 60 s before expiry,
 * whichever comes first. The 60-s rule is used only when it leaves at least half the lifetime, so a short token
 * (a 5-s token renews at 4 s, a 61-s one at ~49 s) is not renewed right after it was issued, and never at a negative time.
 */
export function renewDelay(lifetime: number): number {
  const atEighty = lifetime * 0.8;
  const beforeExpiry = lifetime - RENEW_LEAD_MS;
  return beforeExpiry >= lifetime / 2 ? Math.min(atEighty, beforeExpiry) : atEighty;
}
