/**
 * The profiles file as a person writes it: YAML (JSON is YAML too), parsed into a Document that
 * keeps the user's comments and layout when wazo-tui changes a value, and checked once into
 * typed profiles. Every problem names the line and the key (`line 7: profiles.prod.expiration …`).
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml';
import {z} from 'zod';
import {collections} from '../api/collections.js';
import type {ConfdCollection} from '../api/contract.js';
import {parseServer} from '../api/target.js';

/** A profile's name: what `-p NAME` and `:ctx NAME` take. */
export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const collectionNames = Object.keys(collections) as [ConfdCollection, ...ConfdCollection[]];

const profileSchema = z.strictObject({
  server: z.string().min(1),
  username: z.string().min(1).optional(),
  authUrl: z.string().min(1).optional(),
  confdUrl: z.string().min(1).optional(),
  caFiles: z.array(z.string().min(1)).optional(),
  tenant: z.string().min(1).optional(),
  collection: z.enum(collectionNames).optional(),
  expiration: z.int().min(1).max(315360000).optional(),
  lastUsed: z.string().optional(),
});

const preferencesSchema = z.strictObject({
  /** The collections `Tab` walks through, in order (default: every collection of the registry). */
  tabCycle: z
    .array(z.enum(collectionNames))
    .min(1)
    .refine((names) => new Set(names).size === names.length, 'names a collection twice')
    .optional(),
});

const fileSchema = z.strictObject({
  current: z.string().optional(),
  profiles: z.record(z.string(), profileSchema).nullish(),
  preferences: preferencesSchema.nullish(),
});

export type Profile = z.infer<typeof profileSchema>;
export type Preferences = z.infer<typeof preferencesSchema>;
/** The keys a profile may hold, for messages and for `profiles edit --clear`. */
export const profileKeys = Object.keys(profileSchema.shape) as Array<keyof Profile>;

/** What a valid profiles file holds. */
export interface ProfileData {
  current?: string;
  profiles: Record<string, Profile>;
  preferences: Preferences;
}

/** A parsed, valid file: the data and the Document to edit and write back. */
export interface ParsedProfiles {
  data: ProfileData;
  document: Document;
}

/** Why the file cannot be used: `line N: key: problem`. */
export class ProfileFileProblem extends Error {
  override name = 'ProfileFileProblem';
}

/** The first lines of a new profiles file: what it is and where its keys are explained. */
export const newFileHeader = [
  ' wazo-tui profiles, one per Wazo server: `wazo-tui -p NAME`, and `:ctx NAME` in the dashboard.',
  ' Edit it by hand or with `wazo-tui profiles add|edit|rm`; comments are kept. Never a password',
  ` or a token. Keys of a profile: ${profileKeys.join(', ')}.`,
  ' Top level: current (the profile used last), profiles, preferences (tabCycle: [users, lines…]).',
].join('\n');

/** Parse and check `text`; throws {@link ProfileFileProblem} naming the line and the key. */
export function parseProfiles(text: string): ParsedProfiles {
  const lines = new LineCounter();
  const document = parseDocument(text, {lineCounter: lines, prettyErrors: true, uniqueKeys: true});
  const [syntax] = document.errors;
  if (syntax) {
    const line = syntax.linePos?.[0].line;
    throw new ProfileFileProblem(`${line ? `line ${line}: ` : ''}not valid YAML (${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`);
  }
  const raw: unknown = document.toJS() ?? {};
  const at = (path: readonly PropertyKey[], key?: string) => {
    const line = lineOf(document, lines, path, key);
    const name = [...path, ...(key === undefined ? [] : [key])].map(String).join('.');
    return `${line === undefined ? '' : `line ${line}: `}${name || 'the file'}`;
  };
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const known = issue.path.length === 0 ? 'current, profiles, preferences' : issue.path[0] === 'preferences' ? 'tabCycle' : profileKeys.join(', ');
      throw new ProfileFileProblem(`${at(issue.path, issue.keys[0])} is not a known key (known: ${known})`);
    }
    throw new ProfileFileProblem(`${at(issue.path)}: ${issue.message}`);
  }
  const profiles = parsed.data.profiles ?? {};
  for (const [name, profile] of Object.entries(profiles)) {
    if (!PROFILE_NAME.test(name)) throw new ProfileFileProblem(`${at(['profiles'], name)}: ${nameRule}`);
    try {
      parseServer(profile.server, {authUrl: profile.authUrl, confdUrl: profile.confdUrl});
    } catch (error) {
      const key = /--auth-url/.test((error as Error).message) ? 'authUrl' : /--confd-url/.test((error as Error).message) ? 'confdUrl' : 'server';
      throw new ProfileFileProblem(`${at(['profiles', name, key])}: ${(error as Error).message}`);
    }
  }
  const current = parsed.data.current;
  if (current !== undefined && !Object.hasOwn(profiles, current)) {
    throw new ProfileFileProblem(`${at(['current'])}: names no profile of this file ("${current}")`);
  }
  return {data: {current, profiles, preferences: parsed.data.preferences ?? {}}, document};
}

export const nameRule = 'a profile name is letters, digits, dots, dashes and underscores (at most 64), starting with a letter or digit';

/** The line of `path` (or of the key `key` inside it) in the document, if it is there. */
function lineOf(document: Document, lines: LineCounter, path: readonly PropertyKey[], key?: string): number | undefined {
  let node: unknown = document.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const segment of [...path, ...(key === undefined ? [] : [key])]) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = (node as Node | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
