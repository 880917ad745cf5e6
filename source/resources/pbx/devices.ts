/** confd devices (wazo-provd's phones): address, model, status. */
import type {Device} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {textColumn} from './columns.js';

export const devicesDescriptor: ResourceDescriptor<'devices'> = {
  name: 'devices',
  title: 'Devices',
  aliases: ['device', 'dev'],
  acl: 'confd.devices.read',
  listView: undefined,
  columns: [
    textColumn<Device>('mac', 'MAC', 1, (device) => device.mac, 'mac', 2),
    textColumn<Device>('ip', 'IP', 2, (device) => device.ip, 'ip', 2),
    textColumn<Device>('model', 'Vendor / model', 3, (device) => [device.vendor, device.model].filter((part) => part).join(' '), 'model', 3),
    textColumn<Device>('status', 'Status', 4, (device) => device.status, undefined, 1),
    textColumn<Device>('description', 'Description', 6, (device) => device.description, 'description', 2),
    textColumn<Device>('id', 'ID', 5, (device) => device.id, 'id', 2),
  ],
  defaultOrder: 'ip',
  sortColumns: ['ip', 'id', 'mac', 'sn', 'plugin', 'vendor', 'model', 'version', 'description', 'config'],
  key: recordKey,
  detail: (device) =>
    buildDetail(device, {
      groups: [
        {title: 'Device', keys: ['id', 'tenant_uuid', 'mac', 'ip', 'sn', 'vendor', 'model', 'version', 'description', 'status', 'is_new']},
        {title: 'Provisioning', keys: ['plugin', 'template_id', 'options']},
      ],
    }),
  relations: () => [],
};
