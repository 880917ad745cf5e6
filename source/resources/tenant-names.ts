/**
 * How a tenant is named by a person (a profile's `tenant:`, `--tenant`, `:tenant`): by uuid, or
 * by its name or slug, whatever the case and accents. One rule for the dashboard and the script
 * commands, so that a profile's tenant means the same tenant in both.
 */
import type {Tenant} from '../api/schemas.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid is sent as `Wazo-Tenant` as it is; anything else must be looked up in the tenant list. */
export function isTenantUuid(text: string): boolean {
  return uuidPattern.test(text);
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The tenant `text` names by name or slug (and by uuid when `byUuid`), or undefined. */
export function tenantNamed(list: readonly Tenant[], text: string, byUuid = false): Tenant | undefined {
  const wanted = fold(text.trim());
  return list.find((each) => [each.name, each.slug, byUuid ? each.uuid : undefined].some((value) => value && fold(value) === wanted));
}
