/**
 * The header wired to the session: the countdown ticks here, so only this line re-renders
 * every second.
 */
import {memo} from 'react';
import {Header} from '../components/Header.js';
import {useCountdown} from '../hooks/use-countdown.js';
import {useSession, type SessionView} from '../hooks/use-session.js';
import {sanitize, type SafeText} from '../text/sanitize.js';

export interface HeaderBarProps {
  width: number;
  /** The profile in use, shown before the server. */
  profile?: string;
  server: SafeText;
  session: SessionView;
  tenant?: SafeText;
  recurse: boolean;
}

/** Memoised: a key that only moves the selection does not re-render the header. */
export const HeaderBar = memo(function HeaderBar({width, profile, server, session, tenant, recurse}: HeaderBarProps) {
  const snapshot = useSession(session);
  const countdown = useCountdown(session, snapshot.expiresAt);
  return (
    <Header
      width={width}
      profile={profile === undefined ? undefined : sanitize(profile)}
      server={server}
      user={snapshot.username === undefined ? undefined : sanitize(snapshot.username)}
      tenant={tenant}
      recurse={recurse}
      expiresText={countdown.text}
      expiresLevel={snapshot.state === 'expired' ? 'expired' : countdown.level}
      fullAccess={snapshot.fullAccess}
    />
  );
});
