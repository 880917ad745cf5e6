/**
 * `/devices` as confd serves it from wazo-provd (plugins/device/service.py SearchEngine), not from
 * the database: exact filters and the order are provd's, then `search` is a lower-cased substring
 * test over the provd keys (no accent folding), and paging slices a Python list, so `limit=0` means
 * no limit instead of a 400.
 */
import {ListParamError, parseListSchema} from './query.js';
import {deviceFields, type DeviceView} from './pbx-index.js';

/** The provd device keys: what `order`, exact filters and `search` may use. */
const PROVD_DEVICE_KEYS = ['id', 'ip', 'mac', 'sn', 'plugin', 'vendor', 'model', 'version', 'description', 'config'];
const DEFAULT_ORDER = 'ip';

export interface DeviceListParams {
  recurse: boolean;
  run(devices: readonly DeviceView[], tenants: ReadonlySet<string>): {total: number; items: DeviceView[]};
}

/** Validate a devices query (confd's ListSchema, then provd's order and direction checks). */
export function parseDeviceQuery(query: URLSearchParams): DeviceListParams {
  const {limit, offset, recurse} = parseListSchema(query);
  const direction = query.get('direction') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') throw new ListParamError(["Input Error - direction: must be 'asc' or 'desc'"]);
  const order = query.get('order') ?? DEFAULT_ORDER;
  if (!PROVD_DEVICE_KEYS.includes(order)) throw new ListParamError([`Input Error - order: column '${order}' was not found`]);
  const filters = PROVD_DEVICE_KEYS.flatMap((key) => {
    const value = query.get(key);
    return value === null ? [] : [{key, value}];
  });
  const search = query.get('search')?.toLowerCase() ?? null;

  return {
    recurse,
    run(devices, tenants) {
      const rows: Array<{view: DeviceView; key: string | null}> = [];
      for (const view of devices) {
        if (!tenants.has(view.tenantUuid)) continue;
        const fields = provdFields(view);
        if (!filters.every(({key, value}) => fields[key] === value)) continue;
        if (search !== null && !PROVD_DEVICE_KEYS.some((key) => fields[key] !== undefined && String(fields[key]).toLowerCase().includes(search))) continue;
        rows.push({view, key: fields[order] ?? null});
      }
      // provd sorts in Python: devices without the key come last, whatever the direction.
      rows.sort((a, b) => {
        if (a.key === null || b.key === null) return (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0);
        const compared = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
        return direction === 'asc' ? compared : -compared;
      });
      const start = Math.min(offset, rows.length);
      const end = limit ? start + limit : rows.length;
      return {total: rows.length, items: rows.slice(start, end).map((row) => row.view)};
    },
  };
}

/** A device as provd keeps it: string values only, unset keys absent (confd's `config` is its id). */
function provdFields(view: DeviceView): Record<string, string> {
  const fields: Record<string, string> = {config: view.id};
  for (const [key, value] of Object.entries(deviceFields(view))) if (typeof value === 'string') fields[key] = value;
  return fields;
}
