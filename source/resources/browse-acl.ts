/**
 * The least privilege wazo-tui needs to browse (`account create --preset browse`), derived from
 * the registry so that it grows with every collection added there: each collection's list ACL and
 * the ACL of its single records, plus what the dashboard itself reads.
 */
import {resourceDescriptors} from './registry.js';

/** What the dashboard reads besides the collections, and its own refresh token on logout. */
const DASHBOARD_ACL: readonly string[] = [
  // GET /infos: which Wazo this is (its uuid and version), which any client may ask.
  'confd.infos.read',
  // GET /tenants: the tenant picker and `recurse`.
  'auth.tenants.read',
  // GET /users/me/tokens and DELETE /users/me/tokens/{client_id}: its own refresh tokens (logout).
  'auth.users.me.tokens.read',
  'auth.users.me.tokens.*.delete',
];

/** `confd.users.read` → `confd.users.*.read`: the ACL of `GET /users/{id}`. */
export function recordAcl(listAcl: string): string {
  return listAcl.endsWith('.read') ? `${listAcl.slice(0, -'.read'.length)}.*.read` : listAcl;
}

/** The `browse` preset: every collection's list and record ACLs, then the dashboard's own, without repeats. */
export function browsePreset(): string[] {
  const collections = resourceDescriptors.flatMap((descriptor) => [descriptor.acl, recordAcl(descriptor.acl)]);
  return [...new Set([...collections, ...DASHBOARD_ACL])];
}

/** The named presets of `--preset`. */
export const ACL_PRESETS: Readonly<Record<string, () => string[]>> = {browse: browsePreset};
