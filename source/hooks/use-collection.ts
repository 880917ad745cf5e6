/**
 * Binds a Collection to React: the component re-renders when the collection's snapshot changes.
 */
import {useSyncExternalStore} from 'react';
import type {Collection, CollectionState} from '../resources/collection.js';

/** The collection's current snapshot; call `collection.ensure(top, height)` from an effect to load rows. */
export function useCollection<T>(collection: Collection<T>): CollectionState<T> {
  return useSyncExternalStore(collection.subscribe, collection.getSnapshot, collection.getSnapshot);
}
