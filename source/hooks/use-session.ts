import {useSyncExternalStore} from 'react';
import type {Session, SessionSnapshot} from '../session/session.js';

/**
 * What a screen may do with the session: watch it, read the time left, and log back in when it
 * ended. Not `end()` or `logout()`: revoking a token is the app's decision, not a screen's.
 */
export type SessionView = Pick<Session, 'subscribe' | 'snapshot' | 'remaining' | 'relogin'>;

/** The session's snapshot; re-renders on login, renewal, expiry. */
export function useSession(session: SessionView): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, () => session.snapshot);
}
