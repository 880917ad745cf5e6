/**
 * `/devices` as confd serves it from wazo-provd (plugins/device/service.py SearchEngine), not from
 * the database: exact filters and the order are provd's, then `search` is a lower-cased substring
 * test over the provd keys (no accent folding), and paging slices a Python list, so `limit=0` means
 * no limit instead of a 400.
 */
import {ListParamError, parseListSchema} from './query.js';
import type {DeviceView} from './pbx-index.js';

/** The provd device keys: what `order`, exact filters and `search` may use. */
const PROVD_DEVICE_KEYS = ['id', 'ip', 'mac', 'sn', 'plugin', 'vendor', 'model', 'version', 'description', 'config'];
const DEFAULT_ORDER = 'ip';

export interface DeviceListParams {
  recurse: boolean;
  run(table: DeviceTable, tenants: ReadonlySet<string>): {total: number; items: DeviceView[]};
}

/** The devices with their orders, each sorted once (the set never changes) and walked per request. */
export class DeviceTable {
  private readonly orders = new Map<string, {sorted: DeviceView[]; keyed: number}>();

  constructor(private readonly devices: () => readonly DeviceView[]) {}

  /** Ascending by `key`, devices without it last (as provd's Python sort leaves them), and how many have it. */
  sortedBy(key: string): {sorted: readonly DeviceView[]; keyed: number} {
    let order = this.orders.get(key);
    if (!order) {
      const rows = this.devices().map((view) => ({view, key: provdValue(view, key) ?? null}));
      rows.sort((a, b) => (a.key === null || b.key === null ? (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      order = {sorted: rows.map((row) => row.view), keyed: rows.filter((row) => row.key !== null).length};
      this.orders.set(key, order);
    }
    return order;
  }
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
  const matches = (view: DeviceView) =>
    filters.every(({key, value}) => provdValue(view, key) === value) &&
    (search === null || PROVD_DEVICE_KEYS.some((key) => provdValue(view, key)?.toLowerCase().includes(search)));

  return {
    recurse,
    run(table, tenants) {
      const {sorted, keyed} = table.sortedBy(order);
      // Descending keeps the devices without the key last too: reverse only the ones that have it.
      const walk = direction === 'asc' ? sorted : [...sorted.slice(0, keyed).reverse(), ...sorted.slice(keyed)];
      const end = limit ? offset + limit : Number.POSITIVE_INFINITY;
      const items: DeviceView[] = [];
      let total = 0;
      for (const view of walk) {
        if (!tenants.has(view.tenantUuid) || !matches(view)) continue;
        if (total >= offset && total < end) items.push(view);
        total++;
      }
      return {total, items};
    },
  };
}

type DeviceValue = string | boolean | null | {switchboard: boolean};

const VENDORS = [
  {vendor: 'Yealink', model: 'T46S', plugin: 'wazo-yealink-v86', version: '66.86.0.15', oui: '80:5e:c0'},
  {vendor: 'Polycom', model: 'VVX411', plugin: 'wazo-polycom-5.8.0', version: '5.8.0.12848', oui: '64:16:7f'},
  {vendor: 'Snom', model: 'D785', plugin: 'wazo-snom-10.1.54.13', version: '10.1.54.13', oui: '00:04:13'},
  {vendor: 'Cisco', model: 'SPA504G', plugin: 'wazo-cisco-spa7.5.5', version: '7.5.5', oui: 'c4:64:13'},
] as const;

/** The id's `index`-th byte: device ids are random hex, so they can stand for any random draw. */
const byte = (view: DeviceView, index: number) => Number.parseInt(view.id.slice(index * 2, index * 2 + 2), 16) || 0;
const hardware = (view: DeviceView) => VENDORS[byte(view, 0) % VENDORS.length] ?? VENDORS[0];
const status = (view: DeviceView) => view.spare?.status ?? 'configured';
const unknown = (view: DeviceView) => status(view) === 'autoprov' || status(view) === 'corrupted';
const hex = (value: number) => value.toString(16).padStart(2, '0');

/**
 * A device's fields, one function each, derived from its id alone: nothing is stored per device, the
 * same id always gives the same address, vendor and serial number, and a list of 36 000 devices only
 * computes the fields it sorts or searches on. Spare devices lack most of them.
 */
const DEVICE_FIELDS: Record<string, (view: DeviceView) => DeviceValue> = {
  id: (view) => view.id,
  tenant_uuid: (view) => view.tenantUuid,
  ip: (view) => (status(view) === 'autoprov' ? null : `10.${byte(view, 4) % 16}.${byte(view, 5)}.${(byte(view, 6) % 253) + 1}`),
  mac: (view) => (status(view) === 'corrupted' ? null : `${hardware(view).oui}:${hex(byte(view, 1))}:${hex(byte(view, 2))}:${hex(byte(view, 3))}`),
  sn: (view) => (unknown(view) ? null : view.id.slice(0, 12).toUpperCase()),
  plugin: (view) => (unknown(view) ? null : hardware(view).plugin),
  vendor: (view) => (status(view) === 'corrupted' ? null : hardware(view).vendor),
  model: (view) => (status(view) === 'corrupted' ? null : hardware(view).model),
  version: (view) => (unknown(view) ? null : hardware(view).version),
  description: (view) => view.spare?.description ?? null,
  template_id: (view) => (byte(view, 7) % 4 === 0 ? 'defaultconfigdevice' : null),
  status,
  options: (view) => (byte(view, 8) % 8 === 0 ? {switchboard: true} : null),
  is_new: (view) => status(view) === 'autoprov',
};

/** A device as confd's DeviceSchema dumps it (without links). */
export function deviceFields(view: DeviceView): {[key: string]: DeviceValue} {
  return Object.fromEntries(Object.entries(DEVICE_FIELDS).map(([name, field]) => [name, field(view)]));
}

/** One key of the device as provd keeps it: strings only, unset keys absent (`config` is its id). */
function provdValue(view: DeviceView, key: string): string | undefined {
  if (key === 'config') return view.id;
  const value = DEVICE_FIELDS[key]?.(view);
  return typeof value === 'string' ? value : undefined;
}
