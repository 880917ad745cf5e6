/** The confd collections the demo serves besides users, lines and extensions, as confd.yml describes them. */

/** path → the spec's list and item definitions (switchboards' list schema is inline: `{items}`). */
export const SERVED: ReadonlyArray<{path: string; list: string | null; item: string; key: 'id' | 'uuid'}> = [
  {path: 'groups', list: 'GroupItems', item: 'Group', key: 'uuid'},
  {path: 'queues', list: 'QueueItems', item: 'Queue', key: 'id'},
  {path: 'agents', list: 'AgentItems', item: 'Agent', key: 'id'},
  {path: 'contexts', list: 'ContextItems', item: 'Context', key: 'id'},
  {path: 'trunks', list: 'TrunkItems', item: 'Trunk', key: 'id'},
  {path: 'outcalls', list: 'OutcallItems', item: 'Outcall', key: 'id'},
  {path: 'incalls', list: 'IncallItems', item: 'Incall', key: 'id'},
  {path: 'voicemails', list: 'VoicemailItems', item: 'Voicemail', key: 'id'},
  {path: 'devices', list: 'DeviceItems', item: 'Device', key: 'id'},
  {path: 'conferences', list: 'ConferenceItems', item: 'Conference', key: 'id'},
  {path: 'parkinglots', list: 'ParkingLotItems', item: 'ParkingLot', key: 'id'},
  {path: 'schedules', list: 'ScheduleItems', item: 'Schedule', key: 'id'},
  {path: 'ivr', list: 'IvrItems', item: 'Ivr', key: 'id'},
  {path: 'switchboards', list: null, item: 'Switchboard', key: 'uuid'},
  {path: 'callpermissions', list: 'CallPermissionItems', item: 'CallPermission', key: 'id'},
  {path: 'callpickups', list: 'CallPickupItems', item: 'CallPickup', key: 'id'},
  {path: 'pagings', list: 'PagingItems', item: 'Paging', key: 'id'},
  {path: 'applications', list: 'ApplicationItems', item: 'Application', key: 'uuid'},
  {path: 'endpoints/sip', list: 'EndpointSIPItems', item: 'EndpointSIP', key: 'uuid'},
  {path: 'endpoints/sip/templates', list: 'EndpointSIPItems', item: 'EndpointSIP', key: 'uuid'},
];

/**
 * Relations confd.yml names otherwise than confd dumps them (wazo-confd plugins/call_pickup/schema.py
 * wraps `interceptors` and `targets`); the demo answers what Wazo does. A test below checks that the
 * spec really differs, so the entry goes when the spec is fixed.
 */
export const RUNTIME_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CallPickup: {recipients: 'targets', surrogates: 'interceptors'},
};
