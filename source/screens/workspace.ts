/**
 * What the main screen works with, built for it by the app layer (`app/Dashboard.tsx`): the
 * session to watch and log back into, the tenants, one paged collection per confd collection and
 * a reader of single records, and the wazo-auth pages' source. Nothing here can change the trust
 * policy or revoke the session's token behind the user's back: `:sessions` ends a session only
 * through its typed confirmation.
 */
import type {ConfdCollection, ConfdItem} from '../api/contract.js';
import type {Tenant} from '../api/schemas.js';
import type {SessionView} from '../hooks/use-session.js';
import type {Collection} from '../resources/collection.js';
import type {SafeText} from '../text/sanitize.js';
import type {AdminSource} from './admin-source.js';

/** The tenants this token can see and the working tenant sent as `Wazo-Tenant`. */
export interface Tenants {
  list?: Tenant[];
  /** The tenant chosen with `:tenant`, sent as `Wazo-Tenant`; undefined = the token's tenant (no header). */
  current?: string;
  /** The tenant the lists come from: the chosen one, else the token's. */
  working?: string;
  /** The working tenant as the header names it (sanitised). */
  label?: SafeText;
  /** Why the list could not be had (typically no `auth.tenants.read`). */
  error?: unknown;
  setCurrent(uuid: string): void;
  /** The tenant whose name, slug or uuid is `text` (accents and case folded). */
  find(text: string): Tenant | undefined;
  indexOfCurrent(): number;
  /** How a tenant is named on screen (sanitised). */
  labelOf(tenant: Tenant): SafeText;
}

/** One Collection per confd collection, kept while the working tenant stays the same. */
export interface Collections {
  of(name: ConfdCollection): Collection<unknown>;
}

/** `GET /{collection}/{id}` in the working tenant. */
export type RecordReader = <C extends ConfdCollection>(collection: C, id: number | string, signal: AbortSignal) => Promise<ConfdItem[C]>;

export interface Workspace {
  session: SessionView;
  tenants: Tenants;
  collections: Collections;
  read: RecordReader;
  /** wazo-auth's accounts and sessions, for `:accounts` and `:sessions`. */
  admin: AdminSource;
  /** Sub-tenants are included in every collection. */
  recurse: boolean;
  setRecurse(recurse: boolean): void;
}
