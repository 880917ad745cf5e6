/**
 * The shapes of confd's other collections (groups, queues, trunks, devices…), validated once at the
 * boundary. confd.yml marks almost nothing as required in an answer, and marshmallow may dump None
 * for any optional field, so every field is nullish; objects are loose (fields of newer servers are
 * kept for the detail view). Only the fields the client reads are named, with the spec's types: a
 * server that sends another type there is reported as malformed, naming the field.
 */
import {z} from 'zod';

const text = z.string().nullish();
const int = z.number().nullish();
const flag = z.boolean().nullish();
const linkSchema = z.looseObject({rel: text, href: text});
const links = z.array(linkSchema).nullish();

/** Any embedded reference to another record (`{id, name, links}`, `{uuid, firstname, lastname}`, `{id, exten, context}`…). */
export const recordRefSchema = z.looseObject({
  id: int,
  uuid: text,
  name: text,
  label: text,
  firstname: text,
  lastname: text,
  number: text,
  exten: text,
  context: text,
  links,
});
export type RecordRef = z.infer<typeof recordRefSchema>;
const refs = z.array(recordRefSchema).nullish();

/** An incall, IVR, conference… reference: its id and the numbers that reach it. */
const incallRefSchema = z.looseObject({id: int, extensions: refs, links});
const incallRefs = z.array(incallRefSchema).nullish();

/** `{users: [...], agents: [...], extensions: [...]}`: group, queue, switchboard and paging members. */
const membersSchema = z.looseObject({users: refs, agents: refs, extensions: refs, groups: refs}).nullish();

/**
 * A destination (`{type: 'user', user_id: 3, user_firstname: …}`): the target's id under a key named for
 * its type, and its name as confd's destination schemas flatten it in.
 */
export const destinationSchema = z.looseObject({
  type: text,
  user_id: int,
  group_id: int,
  queue_id: int,
  ivr_id: int,
  voicemail_id: int,
  conference_id: int,
  outcall_id: int,
  switchboard_uuid: text,
  application_uuid: text,
  exten: text,
  context: text,
  user_firstname: text,
  user_lastname: text,
  group_label: text,
  queue_label: text,
  ivr_name: text,
  voicemail_name: text,
  conference_name: text,
  switchboard_name: text,
  application_name: text,
});
export type Destination = z.infer<typeof destinationSchema>;

/** A SIP, IAX or custom endpoint as a trunk or an outcall's trunk embeds it. */
const endpointRefSchema = z.looseObject({id: int, uuid: text, name: text, label: text, interface: text, links}).nullish();

const common = {id: int, uuid: text, tenant_uuid: text, name: text, label: text, description: text, enabled: flag, links};

export const groupSchema = z.looseObject({
  ...common,
  preprocess_subroutine: text,
  ring_strategy: text,
  extensions: refs,
  members: membersSchema,
  incalls: incallRefs,
  schedules: refs,
  call_permissions: refs,
});
export const queueSchema = z.looseObject({...common, extensions: refs, members: membersSchema, schedules: refs});
export const agentSchema = z.looseObject({...common, firstname: text, lastname: text, number: text, queues: refs, users: refs});
export const contextSchema = z.looseObject({...common, type: text, contexts: refs});
export const trunkSchema = z.looseObject({
  ...common,
  context: text,
  outgoing_caller_id_format: text,
  endpoint_sip: endpointRefSchema,
  endpoint_iax: endpointRefSchema,
  endpoint_custom: endpointRefSchema,
  outcalls: refs,
});
const outcallTrunkSchema = z.looseObject({id: int, endpoint_sip: endpointRefSchema, endpoint_iax: endpointRefSchema, endpoint_custom: endpointRefSchema, links});
export const outcallSchema = z.looseObject({
  ...common,
  preprocess_subroutine: text,
  trunks: z.array(outcallTrunkSchema).nullish(),
  extensions: refs,
  schedules: refs,
  call_permissions: refs,
});
export const incallSchema = z.looseObject({...common, caller_id_name: text, destination: destinationSchema.nullish(), extensions: refs, schedules: refs});
export const voicemailSchema = z.looseObject({...common, number: text, context: text, email: text, language: text, users: refs});
export const deviceSchema = z.looseObject({
  id: text,
  tenant_uuid: text,
  ip: text,
  mac: text,
  sn: text,
  vendor: text,
  model: text,
  version: text,
  plugin: text,
  status: text,
  description: text,
  template_id: text,
  is_new: flag,
  links,
});
export const conferenceSchema = z.looseObject({...common, max_users: int, extensions: refs, incalls: incallRefs});
export const parkingLotSchema = z.looseObject({...common, slots_start: text, slots_end: text, timeout: int, extensions: refs});
export const scheduleSchema = z.looseObject({
  ...common,
  timezone: text,
  closed_destination: destinationSchema.nullish(),
  incalls: refs,
  users: refs,
  groups: refs,
  queues: refs,
  outcalls: refs,
});
const ivrChoiceSchema = z.looseObject({exten: text, destination: destinationSchema.nullish()});
export const ivrSchema = z.looseObject({...common, choices: z.array(ivrChoiceSchema).nullish(), incalls: incallRefs, invalid_destination: destinationSchema.nullish(), timeout_destination: destinationSchema.nullish(), abort_destination: destinationSchema.nullish()});
export const switchboardSchema = z.looseObject({...common, members: membersSchema, incalls: incallRefs});
export const callPermissionSchema = z.looseObject({...common, mode: text, users: refs, groups: refs, outcalls: refs});
/** confd.yml says `recipients`/`surrogates`; wazo-confd dumps `targets`/`interceptors` (see the demo's notes): both are read. */
export const callPickupSchema = z.looseObject({...common, targets: membersSchema, interceptors: membersSchema, recipients: membersSchema, surrogates: membersSchema});
export const pagingSchema = z.looseObject({...common, number: text, announce_sound: text, callers: membersSchema, members: membersSchema});
export const applicationSchema = z.looseObject({...common, destination: text, lines: refs});
export const sipEndpointSchema = z.looseObject({
  ...common,
  asterisk_id: text,
  templates: refs,
  transport: z.looseObject({uuid: text}).nullish(),
  line: recordRefSchema.nullish(),
  trunk: recordRefSchema.nullish(),
});

export type Group = z.infer<typeof groupSchema>;
export type Queue = z.infer<typeof queueSchema>;
export type Agent = z.infer<typeof agentSchema>;
export type Context = z.infer<typeof contextSchema>;
export type Trunk = z.infer<typeof trunkSchema>;
export type Outcall = z.infer<typeof outcallSchema>;
export type Incall = z.infer<typeof incallSchema>;
export type Voicemail = z.infer<typeof voicemailSchema>;
export type Device = z.infer<typeof deviceSchema>;
export type Conference = z.infer<typeof conferenceSchema>;
export type ParkingLot = z.infer<typeof parkingLotSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type Ivr = z.infer<typeof ivrSchema>;
export type Switchboard = z.infer<typeof switchboardSchema>;
export type CallPermission = z.infer<typeof callPermissionSchema>;
export type CallPickup = z.infer<typeof callPickupSchema>;
export type Paging = z.infer<typeof pagingSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type SipEndpoint = z.infer<typeof sipEndpointSchema>;
