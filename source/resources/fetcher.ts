/**
 * Builds a Collection's page fetcher on the confd client, reading the token at each request
 * so a renewed token or another tenant is used without rebuilding the collection.
 */
import type {AuthedOptions, ConfdApi, ConfdCollection, ConfdItem} from '../api/contract.js';
import type {PageFetcher} from './collection.js';

/** The token (and tenant) to send with the next request. */
export type Credentials = () => Omit<AuthedOptions, 'signal'>;

/** A fetcher that lists `collection` through `confd.list`, passing the collection's abort signal. */
export function confdPageFetcher<C extends ConfdCollection>(
  confd: Pick<ConfdApi, 'list'>,
  collection: C,
  credentials: Credentials,
): PageFetcher<ConfdItem[C]> {
  return (query, signal) => confd.list(collection, query, {...credentials(), signal});
}
