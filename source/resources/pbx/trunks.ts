/** confd trunks: their endpoint (SIP, IAX, custom) and the outgoing routes that use them. */
import type {Trunk} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelation, refRelations, refsCell} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {idColumn, textColumn} from './columns.js';

type TrunkEndpoints = Pick<Trunk, 'endpoint_sip' | 'endpoint_iax' | 'endpoint_custom'>;

/** A trunk by its endpoint: the SIP label or name, the IAX name, the custom interface. */
export function trunkName(trunk: TrunkEndpoints & {id?: number | null}): string {
  const sip = trunk.endpoint_sip;
  return sip?.label || sip?.name || trunk.endpoint_iax?.name || trunk.endpoint_custom?.interface || (trunk.id == null ? '' : `#${trunk.id}`);
}

export function trunkProtocol(trunk: TrunkEndpoints): string {
  return trunk.endpoint_sip ? 'sip' : trunk.endpoint_iax ? 'iax' : trunk.endpoint_custom ? 'custom' : '';
}

export const trunksDescriptor: ResourceDescriptor<'trunks'> = {
  name: 'trunks',
  title: 'Trunks',
  aliases: ['trunk', 'tr'],
  acl: 'confd.trunks.read',
  listView: undefined,
  columns: [
    textColumn<Trunk>('name', 'Name', 1, trunkName, 'name', 3),
    textColumn<Trunk>('protocol', 'Protocol', 3, trunkProtocol, undefined, 1),
    textColumn<Trunk>('context', 'Context', 4, (trunk) => trunk.context, 'context'),
    textColumn<Trunk>('outcalls', 'Outcalls', 2, (trunk) => refsCell(trunk.outcalls), undefined, 3),
    idColumn<Trunk>(5),
  ],
  defaultOrder: 'id',
  sortColumns: ['id', 'context', 'description', 'name', 'label', 'outgoing_caller_id_format'],
  key: recordKey,
  detail: (trunk) =>
    buildDetail(trunk, {
      groups: [
        {title: 'Trunk', keys: ['id', 'tenant_uuid', 'context', 'description', 'outgoing_caller_id_format', 'twilio_incoming']},
        {title: 'Endpoint', keys: ['endpoint_sip', 'endpoint_iax', 'endpoint_custom', 'register_sip', 'register_iax']},
        {title: 'Outcalls', keys: ['outcalls']},
      ],
    }),
  relations: (trunk) => [...refRelations(trunk.outcalls, 'outcalls', 'Outcall'), ...refRelation(trunk.endpoint_sip, 'sip-endpoints', 'SIP endpoint', 'uuid')],
};
