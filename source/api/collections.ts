/**
 * The confd collections the client knows: adding one is one entry here (and its name in contract.ts).
 */
import type {z} from 'zod';
import type {ConfdCollection, ConfdItem, ConfdListed, ConfdView} from './contract.js';
import {extensionSchema, lineSchema, userSchema, userSummarySchema} from './schemas.js';

/** How to reach and validate one confd collection. */
export interface CollectionDefinition<C extends ConfdCollection> {
  /** Path under the confd base URL, without slashes. */
  path: string;
  /** One item, as listed in the default view and as returned by `GET /<path>/{id}`. */
  schema: z.ZodType<ConfdItem[C]>;
  /** One item as listed in each lighter `view=` the collection offers. */
  views: {[V in ConfdView<C>]: z.ZodType<ConfdListed<C, V>>};
}

/** Every known collection by name. */
export const collections: {[C in ConfdCollection]: CollectionDefinition<C>} = {
  users: {path: 'users', schema: userSchema, views: {summary: userSummarySchema}},
  lines: {path: 'lines', schema: lineSchema, views: {}},
  extensions: {path: 'extensions', schema: extensionSchema, views: {}},
};

/** The schema of an item listed in `view` (the default form when undefined). */
export function listedSchema<C extends ConfdCollection, V extends ConfdView<C> | undefined>(collection: C, view: V): z.ZodType<ConfdListed<C, V>> {
  const definition: CollectionDefinition<C> = collections[collection];
  if (view === undefined) return definition.schema as z.ZodType<ConfdListed<C, V>>;
  // `views` is keyed by exactly the views of C, so the entry under `view` lists ConfdListed<C, V>.
  const schema = (definition.views as Record<string, z.ZodType<unknown> | undefined>)[view];
  if (!schema) throw new RangeError(`confd ${collection} has no view=${view}`);
  return schema as z.ZodType<ConfdListed<C, V>>;
}
