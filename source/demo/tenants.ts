/** The demo's fixed tenant tree: Acme with its sub-tenant Acme Lab, and Globex apart. */
import type {TenantRecord} from './model.js';

/** Tenant UUIDs are fixed (not seeded) so tests can name them before the server starts. */
export const DEMO_TENANT_UUIDS = {
  acme: '2c54ab0e-5d4c-4e8a-b2a3-7d1a0e6f3b11',
  acmeLab: '7f3e9a21-4b6c-4d8e-9a0b-1c2d3e4f5a6b',
  globex: 'c0ffee00-1234-4abc-8def-0123456789ab',
} as const;

/** The tenants, parents first. */
export function demoTenants(): TenantRecord[] {
  return [
    {uuid: DEMO_TENANT_UUIDS.acme, name: 'Acme', slug: 'acme', parent_uuid: null},
    {uuid: DEMO_TENANT_UUIDS.acmeLab, name: 'Acme Lab', slug: 'acme_lab', parent_uuid: DEMO_TENANT_UUIDS.acme},
    {uuid: DEMO_TENANT_UUIDS.globex, name: 'Globex', slug: 'globex', parent_uuid: null},
  ];
}

/** `uuid` and every tenant below it (wazo-auth's subtree), or an empty list for an unknown tenant. */
export function tenantSubtree(tenants: readonly TenantRecord[], uuid: string): TenantRecord[] {
  const root = tenants.find((tenant) => tenant.uuid === uuid);
  if (!root) return [];
  const result = [root];
  for (let index = 0; index < result.length; index++) {
    const parent = result[index];
    for (const tenant of tenants) if (parent && tenant.parent_uuid === parent.uuid) result.push(tenant);
  }
  return result;
}

/** `uuid` and every tenant above it, up to its root (the branch a shared policy is seen from). */
export function tenantBranch(tenants: readonly TenantRecord[], uuid: string): TenantRecord[] {
  const result: TenantRecord[] = [];
  let current = tenants.find((tenant) => tenant.uuid === uuid);
  while (current && !result.includes(current)) {
    result.push(current);
    const parent = current.parent_uuid;
    current = parent === null ? undefined : tenants.find((tenant) => tenant.uuid === parent);
  }
  return result;
}
