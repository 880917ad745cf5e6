/**
 * The query string of a list, the same for wazo-auth and wazo-confd (both read `limit`, `offset`,
 * `search`, `order`, `direction`, `recurse` and keep other keys as exact filters); only confd's
 * users also take a `view`.
 */
import type {ListQuery} from './contract.js';

export function listParams(query: ListQuery & {view?: string}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.view !== undefined) params.set('view', query.view);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  if (query.search !== undefined && query.search !== '') params.set('search', query.search);
  if (query.order !== undefined) params.set('order', query.order);
  if (query.direction !== undefined) params.set('direction', query.direction);
  if (query.recurse) params.set('recurse', 'true');
  for (const [key, value] of Object.entries(query.filters ?? {})) params.set(key, value);
  return params;
}
