/**
 * What the session shows the rest of the app: its state and the token's facts, as one immutable
 * snapshot that the header, the countdown and the password prompt read.
 */
import type {ApiError} from '../api/errors.js';

/** Where the session is in its life. */
export type SessionState = 'logged-out' | 'active' | 'renewing' | 'expired' | 'ended';

/** What the header shows; a new object on every change, the same object otherwise. */
export interface SessionSnapshot {
  readonly state: SessionState;
  readonly username?: string;
  /** The token's own tenant (`metadata.tenant_uuid`), not the working tenant. */
  readonly tenantUuid?: string;
  /** The wazo-auth user the token belongs to (`auth_id`), for its sessions and refresh tokens. */
  readonly userUuid?: string;
  /** This token's session (`session_uuid`): `:sessions` marks it as ours. */
  readonly sessionUuid?: string;
  readonly acl: readonly string[];
  /** The ACL holds `#`: this token can do anything, as the Wazo quickstart warns. */
  readonly fullAccess: boolean;
  /** Local epoch ms when the access token expires, corrected for the server's clock. */
  readonly expiresAt?: number;
  /** The token's lifetime in ms. */
  readonly lifetime?: number;
  readonly hasRefreshToken: boolean;
  /** Why the session is expired, or why the last renewal or revocation failed. */
  readonly lastError?: ApiError;
}

/** Before the first login, and after a logout. */
export const initialSnapshot: SessionSnapshot = {state: 'logged-out', acl: [], fullAccess: false, hasRefreshToken: false};
