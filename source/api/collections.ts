/**
 * The confd collections the client knows: adding one is one entry here (and its name in contract.ts).
 */
import type {z} from 'zod';
import type {ConfdCollection, ConfdItem} from './contract.js';
import * as pbx from './pbx-schemas.js';
import {extensionSchema, lineSchema, userSchema} from './schemas.js';

/** How to reach and validate one confd collection. */
export interface CollectionDefinition<T> {
  /** Path under the confd base URL, without slashes. */
  path: string;
  /** One item, as listed and as returned by `GET /<path>/{id}`. */
  schema: z.ZodType<T>;
}

/** Every known collection by name. */
export const collections: {[C in ConfdCollection]: CollectionDefinition<ConfdItem[C]>} = {
  users: {path: 'users', schema: userSchema},
  lines: {path: 'lines', schema: lineSchema},
  extensions: {path: 'extensions', schema: extensionSchema},
  groups: {path: 'groups', schema: pbx.groupSchema},
  queues: {path: 'queues', schema: pbx.queueSchema},
  agents: {path: 'agents', schema: pbx.agentSchema},
  contexts: {path: 'contexts', schema: pbx.contextSchema},
  trunks: {path: 'trunks', schema: pbx.trunkSchema},
  outcalls: {path: 'outcalls', schema: pbx.outcallSchema},
  incalls: {path: 'incalls', schema: pbx.incallSchema},
  voicemails: {path: 'voicemails', schema: pbx.voicemailSchema},
  devices: {path: 'devices', schema: pbx.deviceSchema},
  conferences: {path: 'conferences', schema: pbx.conferenceSchema},
  parkinglots: {path: 'parkinglots', schema: pbx.parkingLotSchema},
  schedules: {path: 'schedules', schema: pbx.scheduleSchema},
  ivr: {path: 'ivr', schema: pbx.ivrSchema},
  switchboards: {path: 'switchboards', schema: pbx.switchboardSchema},
  callpermissions: {path: 'callpermissions', schema: pbx.callPermissionSchema},
  callpickups: {path: 'callpickups', schema: pbx.callPickupSchema},
  pagings: {path: 'pagings', schema: pbx.pagingSchema},
  applications: {path: 'applications', schema: pbx.applicationSchema},
  'sip-endpoints': {path: 'endpoints/sip', schema: pbx.sipEndpointSchema},
  'sip-templates': {path: 'endpoints/sip/templates', schema: pbx.sipEndpointSchema},
};
