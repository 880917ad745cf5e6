/**
 * The tenants this token can see (`GET /tenants`, needs `auth.tenants.read`) and the working
 * tenant sent as `Wazo-Tenant`. Without the ACL the token's own tenant is used, shown by uuid.
 */
import {useEffect, useMemo, useState} from 'react';
import type {Tenant} from '../api/schemas.js';
import type {Tenants} from '../screens/workspace.js';
import type {ConfdSource} from '../session/confd-source.js';
import {isTenantUuid, tenantNamed} from '../resources/tenant-names.js';
import {sanitize, type SafeText} from '../text/sanitize.js';

function tenantLabel(tenant: Tenant): SafeText {
  return sanitize(tenant.name ?? tenant.slug ?? tenant.uuid);
}

/**
 * `preferred` is the profile's default tenant: a uuid is used from the first request on; a name
 * or slug once the list has come and names it (otherwise the token's own tenant stays).
 */
export function useTenants(source: ConfdSource, tokenTenant: string | undefined, preferred?: string): Tenants {
  const [list, setList] = useState<Tenant[]>();
  const [current, setCurrent] = useState<string | undefined>(() => (preferred !== undefined && isTenantUuid(preferred) ? preferred : undefined));
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const controller = new AbortController();
    source.listTenants({signal: controller.signal}).then(
      (page) => {
        setList(page.items);
        if (preferred === undefined || isTenantUuid(preferred)) return;
        const named = tenantNamed(page.items, preferred);
        if (named) setCurrent((chosen) => chosen ?? named.uuid);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      },
    );
    return () => controller.abort();
  }, [source]);
  const working = current ?? tokenTenant;
  const tenant = list?.find((each) => each.uuid === working);
  return {
    list,
    current,
    working,
    error: error === undefined ? undefined : error,
    label: tenant ? tenantLabel(tenant) : working ? sanitize(working.slice(0, 8)) : undefined,
    setCurrent,
    find: (text) => (list === undefined ? undefined : tenantNamed(list, text, true)),
    labelOf: tenantLabel,
    indexOfCurrent: () => Math.max(0, list?.findIndex((each) => each.uuid === working) ?? 0),
  };
}

/**
 * The source the collections list from: with a profile tenant given by name, lists wait until
 * the tenant list has come (and named it, or not), so no page is fetched from the token's own
 * tenant first and thrown away. A list made meanwhile for the old tenant is aborted by then.
 */
export function useTenantGate(source: ConfdSource, tenants: Tenants, preferred?: string): ConfdSource {
  const waitsForName = preferred !== undefined && !isTenantUuid(preferred);
  const gate = useMemo(() => {
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    return {opened, open};
  }, [source]);
  const settled = !waitsForName || tenants.list !== undefined || tenants.error !== undefined;
  useEffect(() => {
    if (settled) gate.open();
  }, [settled, gate]);
  return useMemo<ConfdSource>(
    () =>
      waitsForName
        ? {
            ...source,
            async list(collection, query, options = {}) {
              await gate.opened;
              options.signal?.throwIfAborted();
              return source.list(collection, query, options);
            },
          }
        : source,
    [source, gate, waitsForName],
  );
}
