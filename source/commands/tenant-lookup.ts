/**
 * The tenant a script command works in, as `Wazo-Tenant` wants it: a uuid as given, a name or
 * slug looked up in the tenants the token sees (the dashboard's rule, resources/tenant-names.ts).
 * Unlike the dashboard, which stays in the token's own tenant, a script never silently works
 * elsewhere than it was told: a name that matches nothing stops it.
 */
import {ApiError, UsageError} from '../api/errors.js';
import type {WazoClient} from '../api/contract.js';
import {isTenantUuid, tenantNamed} from '../resources/tenant-names.js';
import type {Session} from '../session/session.js';
import {sanitize} from '../text/sanitize.js';

/** `given` (from `--tenant` or the profile) as a uuid, or undefined for the token's own tenant. */
export async function tenantUuid(given: string | undefined, session: Session, client: WazoClient): Promise<string | undefined> {
  if (given === undefined || isTenantUuid(given)) return given;
  let page;
  try {
    page = await session.withToken((token) => client.auth.listTenants({token}));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(error.kind, `the tenant "${given}" is a name, and the tenants could not be listed to find it: ${error.message}`, {
      status: error.status,
      requiredAcl: error.requiredAcl,
      hint: "give the tenant's uuid instead (--tenant UUID, or tenant: UUID in the profile)",
    });
  }
  const named = tenantNamed(page.items, given);
  if (!named) {
    const known = page.items.map((each) => sanitize(each.name ?? each.slug ?? each.uuid)).join(', ');
    throw new UsageError(`no tenant is named "${sanitize(given)}" among those this account sees (${known || 'none'})`);
  }
  return named.uuid;
}
