/**
 * The status line's word on a renewal that failed and is tried again: why, and in how many
 * seconds (ticking), before and after the token's expiry. Nothing while renewals go well.
 */
import {useEffect, useState} from 'react';
import type {SessionSnapshot} from '../session/session.js';
import type {Status} from '../resources/error-status.js';
import {safe, sanitize, type SafeText} from '../text/sanitize.js';

/** What a renewal failure says about wazo-auth, in the status line's words. */
function whatFailed(kind: string): SafeText {
  return kind === 'server' ? safe`wazo-auth is failing` : safe`wazo-auth unreachable`;
}

/** The status of a failing renewal at `now`, or undefined when there is none. */
export function renewalStatus(snapshot: SessionSnapshot, now: number): Status | undefined {
  const retry = snapshot.retry;
  if (!retry) return undefined;
  const reason = sanitize(retry.error.message);
  const expired = snapshot.expiresAt !== undefined && now >= snapshot.expiresAt;
  if (snapshot.state === 'renewing') {
    return {level: 'progress', text: expired ? safe`The token expired: trying the refresh token again…` : safe`Renewing the token again…`};
  }
  const seconds = Math.max(1, Math.ceil((retry.retryAt - now) / 1000));
  const lead = whatFailed(retry.error.kind);
  return expired
    ? {level: 'error', text: safe`The token expired; ${lead}, retrying the refresh token in ${seconds} s: ${reason}`}
    : {level: 'warn', text: safe`Renewal failed: ${lead}, retrying in ${seconds} s: ${reason}`};
}

/** {@link renewalStatus}, re-rendered every second while a retry is pending. */
export function useRenewalStatus(snapshot: SessionSnapshot): Status | undefined {
  const [now, setNow] = useState(() => Date.now());
  const pending = snapshot.retry !== undefined;
  useEffect(() => {
    if (!pending) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [pending, snapshot]);
  return renewalStatus(snapshot, pending ? Math.max(now, Date.now()) : now);
}
