import {useEffect, useState} from 'react';
import type {SessionView} from './use-session.js';
import {formatRemaining, level, type CountdownLevel} from '../session/countdown.js';

export interface Countdown {
  text: string;
  level: CountdownLevel;
}

/**
 * The token countdown, ticking on each second boundary of the remaining time; `expiresAt`
 * restarts it at once when a renewal or a new login moves the expiry.
 */
export function useCountdown(session: SessionView, expiresAt: number | undefined): Countdown {
  const [remaining, setRemaining] = useState(() => session.remaining());
  useEffect(() => {
    let timer: NodeJS.Timeout;
    const tick = () => {
      const left = session.remaining();
      setRemaining(left);
      // Wake just after the next whole second of the remaining time, so the text changes on time.
      timer = setTimeout(tick, left > 0 ? (left % 1000) + 5 : 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [session, expiresAt]);
  return {text: formatRemaining(remaining), level: level(remaining)};
}
