/**
 * The shapes of wazo-auth and wazo-confd answers, validated once at the boundary.
 * Objects are loose: extra fields from newer servers are kept (the detail view shows them)
 * and never break validation; optional fields may be missing or null. confd.yml requires only an
 * extension's `exten` and `context`: users, lines and embedded references may come without id or
 * uuid (the row is then keyed by its content and cannot be opened).
 */
import {z} from 'zod';
import {recordRefSchema} from './pbx-schemas.js';

const nullableString = z.string().nullish();

/** A wazo-auth token (`POST /token`, `GET /token/{token}`), inside `{"data": …}`. */
export const tokenSchema = z.looseObject({
  token: z.string(),
  auth_id: z.string(),
  xivo_user_uuid: nullableString,
  xivo_uuid: nullableString,
  issued_at: nullableString,
  expires_at: nullableString,
  utc_issued_at: z.string(),
  utc_expires_at: z.string(),
  acl: z.array(z.string()),
  session_uuid: nullableString,
  refresh_token: nullableString,
  metadata: z
    .looseObject({
      uuid: nullableString,
      tenant_uuid: nullableString,
      auth_id: nullableString,
      pbx_user_uuid: nullableString,
      purpose: nullableString,
      username: nullableString,
    })
    .nullish(),
});
export type Token = z.infer<typeof tokenSchema>;
export const tokenEnvelopeSchema = z.looseObject({data: tokenSchema});

export const tenantSchema = z.looseObject({
  uuid: z.string(),
  parent_uuid: nullableString,
  name: nullableString,
  slug: nullableString,
});
export type Tenant = z.infer<typeof tenantSchema>;
export const tenantListSchema = z.looseObject({
  total: z.number(),
  filtered: z.number().nullish(),
  items: z.array(tenantSchema),
});

const linkSchema = z.looseObject({rel: z.string().nullish(), href: z.string().nullish()});

/** An extension as embedded in a line (`extensions[]`): confd.yml's ExtensionRelationBase requires nothing. */
export const extensionRefSchema = z.looseObject({
  id: z.number().nullish(),
  exten: nullableString,
  context: nullableString,
  links: z.array(linkSchema).nullish(),
});
export type ExtensionRef = z.infer<typeof extensionRefSchema>;

/** A user as embedded in a line (`users[]`): UserRelationBase requires nothing. */
export const userRefSchema = z.looseObject({
  uuid: nullableString,
  id: z.number().nullish(),
  firstname: nullableString,
  lastname: nullableString,
});

const endpointSipSchema = z.looseObject({uuid: z.string().nullish(), name: nullableString, label: nullableString});
const endpointOtherSchema = z.looseObject({id: z.number().nullish(), interface: nullableString});

/** A line, as listed by `/lines`, returned by `/lines/{id}` and embedded in a user. */
export const lineSchema = z.looseObject({
  id: z.number().nullish(),
  tenant_uuid: nullableString,
  name: nullableString,
  protocol: nullableString,
  context: nullableString,
  device_id: nullableString,
  provisioning_code: nullableString,
  position: z.number().nullish(),
  caller_id_name: nullableString,
  caller_id_num: nullableString,
  registrar: nullableString,
  endpoint_sip: endpointSipSchema.nullish(),
  endpoint_sccp: endpointOtherSchema.nullish(),
  endpoint_custom: endpointOtherSchema.nullish(),
  extensions: z.array(extensionRefSchema).nullish(),
  users: z.array(userRefSchema).nullish(),
  links: z.array(linkSchema).nullish(),
});
export type Line = z.infer<typeof lineSchema>;

/** A user (`/users`, `/users/{id}`), default view. */
export const userSchema = z.looseObject({
  id: z.number().nullish(),
  uuid: nullableString,
  tenant_uuid: nullableString,
  firstname: nullableString,
  lastname: nullableString,
  email: nullableString,
  username: nullableString,
  caller_id: nullableString,
  mobile_phone_number: nullableString,
  description: nullableString,
  enabled: z.boolean().nullish(),
  lines: z.array(lineSchema).nullish(),
  // Memberships, each a reference to a record of its own collection.
  groups: z.array(recordRefSchema).nullish(),
  queues: z.array(recordRefSchema).nullish(),
  switchboards: z.array(recordRefSchema).nullish(),
  call_permissions: z.array(recordRefSchema).nullish(),
  incalls: z.array(recordRefSchema).nullish(),
  schedules: z.array(recordRefSchema).nullish(),
  voicemail: recordRefSchema.nullish(),
  agent: recordRefSchema.nullish(),
  links: z.array(linkSchema).nullish(),
});
export type User = z.infer<typeof userSchema>;

/**
 * A user as `GET /users?view=summary` lists it (confd's `UserSummarySchema`): about a tenth of the
 * default form, with the main line's extension, context and protocol flattened in. No `lines`.
 */
export const userSummarySchema = z.looseObject({
  id: z.number().nullish(),
  uuid: nullableString,
  firstname: nullableString,
  lastname: nullableString,
  email: nullableString,
  extension: nullableString,
  context: nullableString,
  provisioning_code: nullableString,
  protocol: nullableString,
  enabled: z.boolean().nullish(),
  subscription_type: z.number().nullish(),
  is_webrtc: z.boolean().nullish(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** An extension (`/extensions`, `/extensions/{id}`): confd.yml requires its exten and context. */
export const extensionSchema = z.looseObject({
  id: z.number().nullish(),
  tenant_uuid: nullableString,
  exten: z.string(),
  context: z.string(),
  type: nullableString,
  enabled: z.boolean().nullish(),
  lines: z.array(z.looseObject({id: z.number().nullish(), name: nullableString})).nullish(),
  // What owns the extension besides lines (at most one of them, as confd dumps it).
  group: recordRefSchema.nullish(),
  queue: recordRefSchema.nullish(),
  conference: recordRefSchema.nullish(),
  parking_lot: recordRefSchema.nullish(),
  incall: recordRefSchema.nullish(),
  outcall: recordRefSchema.nullish(),
  links: z.array(linkSchema).nullish(),
});
export type Extension = z.infer<typeof extensionSchema>;

/** `GET /infos`. */
export const infosSchema = z.looseObject({uuid: z.string(), wazo_version: nullableString});
export type Infos = z.infer<typeof infosSchema>;

/**
 * A confd list answer: `total` is counted after search and filters, before limit/offset. confd.yml
 * requires neither field (and /switchboards documents `{items}` alone), so both may be missing or
 * null: the confd API reads that as no rows, and a missing total as the rows received.
 */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({total: z.number().nullish(), items: z.array(item).nullish()});
}
export type ListPage<T> = {total: number; items: T[]};
