/**
 * The shapes of wazo-auth's account answers (`auth.yml`: UserResult, PolicyResult, SessionResult,
 * RefreshToken and their lists), validated once at the boundary. Loose objects, as in schemas.ts:
 * extra fields (a `created_at` some versions add) are kept.
 */
import {z} from 'zod';

const nullableString = z.string().nullish();

const emailSchema = z.looseObject({address: z.string(), main: z.boolean().nullish(), confirmed: z.boolean().nullish()});

/** A wazo-auth user (`GET /users`, `GET /users/{uuid}`, the answer to `POST /users`). */
export const authUserSchema = z.looseObject({
  uuid: z.string(),
  username: nullableString,
  firstname: nullableString,
  lastname: nullableString,
  purpose: nullableString,
  enabled: z.boolean().nullish(),
  tenant_uuid: nullableString,
  emails: z.array(emailSchema).nullish(),
  /** Not in auth.yml; shown when a server sends it. */
  created_at: nullableString,
});
export type AuthUser = z.infer<typeof authUserSchema>;

/** A policy (`GET /policies`, `GET /policies/{uuid}`, `GET /users/{uuid}/policies`, `POST /policies`). */
export const policySchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  slug: nullableString,
  description: nullableString,
  acl: z.array(z.string()),
  tenant_uuid: nullableString,
  read_only: z.boolean().nullish(),
  shared: z.boolean().nullish(),
});
export type Policy = z.infer<typeof policySchema>;

/** One session: one access token (`GET /sessions`, `GET /users/{uuid}/sessions`). */
export const sessionSchema = z.looseObject({
  uuid: z.string(),
  user_uuid: nullableString,
  tenant_uuid: nullableString,
  mobile: z.boolean().nullish(),
});
export type AuthSession = z.infer<typeof sessionSchema>;

/** One refresh token (`GET /users/{uuid|me}/tokens`). */
export const refreshTokenSchema = z.looseObject({
  client_id: z.string(),
  created_at: nullableString,
  mobile: z.boolean().nullish(),
  user_uuid: nullableString,
  tenant_uuid: nullableString,
});
export type RefreshToken = z.infer<typeof refreshTokenSchema>;

/** wazo-auth's list answer: `total` before search and filters, `filtered` after (absent on a few lists). */
export function authListSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({total: z.number(), filtered: z.number().nullish(), items: z.array(item)});
}
