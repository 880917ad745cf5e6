/**
 * The `profiles.json` of earlier versions: profiles keyed by server address, and `last`. Each
 * becomes a named profile (the name made from the address), `last` becomes `current`.
 */
import {z} from 'zod';
import {PROFILE_NAME, type Profile} from './profile-file.js';

const oldProfile = z.object({
  server: z.string().min(1),
  username: z.string().optional(),
  expiration: z.number().optional(),
  caFiles: z.array(z.string()).optional(),
  authUrl: z.string().optional(),
  confdUrl: z.string().optional(),
  lastUsed: z.string().optional(),
});
const oldFile = z.object({profiles: z.record(z.string(), oldProfile).default({}), last: z.string().optional()});

/** The profiles of an old file, or why it cannot be read. */
export function migrateProfilesJson(text: string): {current?: string; profiles: Record<string, Profile>} | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const parsed = oldFile.safeParse(raw);
  if (!parsed.success) return `unexpected content at ${parsed.error.issues[0]?.path.join('.') || 'the top'}`;
  const profiles: Record<string, Profile> = {};
  let current: string | undefined;
  for (const [key, old] of Object.entries(parsed.data.profiles)) {
    const name = profileNameFor(old.server, profiles);
    profiles[name] = {
      server: old.server,
      ...(old.username ? {username: old.username} : {}),
      ...(Number.isInteger(old.expiration) && old.expiration! >= 1 ? {expiration: old.expiration} : {}),
      ...(old.caFiles && old.caFiles.length > 0 ? {caFiles: old.caFiles} : {}),
      ...(old.authUrl ? {authUrl: old.authUrl} : {}),
      ...(old.confdUrl ? {confdUrl: old.confdUrl} : {}),
      ...(old.lastUsed ? {lastUsed: old.lastUsed} : {}),
    };
    if (key === parsed.data.last) current = name;
  }
  return {current, profiles};
}

/** A free profile name made from a server address: `pbx.example.com`, `10.0.0.5-8443`. */
export function profileNameFor(server: string, taken: Record<string, unknown>): string {
  const base = server.replace(/^https:\/\//i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '').slice(0, 56) || 'server';
  const name = PROFILE_NAME.test(base) ? base : 'server';
  if (!Object.hasOwn(taken, name)) return name;
  for (let n = 2; ; n++) if (!Object.hasOwn(taken, `${name}-${n}`)) return `${name}-${n}`;
}
