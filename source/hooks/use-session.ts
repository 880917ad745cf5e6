import {useSyncExternalStore} from 'react';
import type {Session, SessionSnapshot} from '../session/session.js';

/** The session's snapshot; re-renders on login, renewal, expiry. */
export function useSession(session: Session): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, () => session.snapshot);
}
