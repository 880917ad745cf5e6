/**
 * The confd collections the client knows: adding one is one entry here (and its name in contract.ts).
 */
import type {z} from 'zod';
import type {ConfdCollection, ConfdItem} from './contract.js';
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
};
