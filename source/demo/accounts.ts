/**
 * The seeded wazo-auth accounts: the main one, the limited `reader`, and any extra ones. The directory
 * (`directory.ts`) turns each into a user holding one policy with its ACL.
 */
import {createHash} from 'node:crypto';
import {DEMO_TENANT_UUIDS} from './tenants.js';
import type {DemoData} from './model.js';

/** An account as the demo server's options describe it. */
export interface DemoAccount {
  username: string;
  password: string;
  acl: string[];
  /** Default: Acme. */
  tenantUuid?: string;
  /** Default `external_api`; a `user` account is bound to a confd user of its tenant (pbx_user_uuid). */
  purpose?: 'user' | 'external_api';
}

/** A seeded account, resolved: its uuid, tenant and confd binding are fixed for a given seed. */
export interface Account {
  uuid: string;
  username: string;
  password: string;
  acl: readonly string[];
  tenantUuid: string;
  purpose: 'user' | 'external_api';
  pbxUserUuid: string | null;
}

/**
 * The `reader` policy: the minimal read policy of NOTES §4 WITHOUT `confd.lines.read` and
 * `confd.lines.*.read` (so the UI can show a missing permission), plus `auth.tenants.read` (so
 * `recurse` works) and the right to forget its own refresh tokens on logout.
 */
export const READER_ACL: readonly string[] = [
  'confd.users.read',
  'confd.users.*.read',
  'confd.extensions.read',
  'confd.extensions.*.read',
  'confd.infos.read',
  'auth.tenants.read',
  'auth.users.me.tokens.*.delete',
];

/** The built-in `reader`/`reader` account, in Acme. */
export const READER_ACCOUNT: DemoAccount = {username: 'reader', password: 'reader', acl: [...READER_ACL]};

/** Resolve accounts: deterministic UUIDs per seed, `user` accounts bound to a confd user of their tenant. */
export function buildAccounts(specs: readonly DemoAccount[], data: DemoData, seed: number): Account[] {
  const bound = new Set<string>();
  return specs.map((spec) => {
    const tenantUuid = spec.tenantUuid ?? DEMO_TENANT_UUIDS.acme;
    const purpose = spec.purpose ?? 'external_api';
    let uuid = uuidFrom(`${seed}\u0000${spec.username}`);
    let pbxUserUuid: string | null = null;
    if (purpose === 'user') {
      const user = data.users.find((candidate) => candidate.tenantUuid === tenantUuid && !bound.has(candidate.uuid));
      if (user) {
        bound.add(user.uuid);
        uuid = user.uuid;
        pbxUserUuid = user.uuid;
      }
    }
    return {uuid, username: spec.username, password: spec.password, acl: [...spec.acl], tenantUuid, purpose, pbxUserUuid};
  });
}

function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
