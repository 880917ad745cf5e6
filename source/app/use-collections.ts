/**
 * One Collection per confd collection, made on first use and kept while the working tenant
 * stays the same (switching between users and lines keeps each one's pages and search). A new
 * tenant starts afresh; the old collections are disposed, which aborts their requests.
 */
import {useEffect, useMemo} from 'react';
import type {ConfdCollection} from '../api/contract.js';
import {Collection} from '../resources/collection.js';
import {descriptorFor} from '../resources/registry.js';
import type {ConfdSource} from '../session/confd-source.js';
import type {Collections} from '../screens/workspace.js';

/** Rows per request: a few screens of a large terminal, small enough to answer fast. */
const pageSize = 100;

export interface ManagedCollections extends Collections {
  /** Include sub-tenants (or not) in every collection, present and future. */
  setRecurse(recurse: boolean): void;
}

export function useCollections(source: ConfdSource, tenant: string | undefined, recurse: boolean): ManagedCollections {
  const made = useMemo(() => new Map<ConfdCollection, Collection<unknown>>(), [source, tenant]);
  useEffect(() => () => made.forEach((collection) => collection.dispose()), [made]);
  return {
    of(name) {
      let collection = made.get(name);
      if (!collection) {
        const descriptor = descriptorFor(name);
        // Rows in the lightest form confd offers: the cache holds only what the table shows.
        collection = new Collection<unknown>((query, signal) => source.list(name, {...query, view: descriptor.listView}, {tenant, signal}), {
          pageSize,
          order: descriptor.defaultOrder,
          recurse,
        });
        made.set(name, collection);
      }
      return collection;
    },
    setRecurse(next) {
      made.forEach((collection) => collection.getSnapshot().recurse !== next && collection.toggleRecurse());
    },
  };
}
