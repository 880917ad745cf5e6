/**
 * The confd and tenant reads the resource layer needs, each run through {@link Session.withToken}
 * so a renewal or an expired session makes it wait rather than fail.
 */
import type {ConfdCollection, ConfdItem, ConfdListed, ConfdView, ViewQuery, WazoClient} from '../api/contract.js';
import type {ListPage, Tenant} from '../api/schemas.js';
import type {Session} from './session.js';

export interface SourceOptions {
  /** The working tenant (`Wazo-Tenant`); absent = the token's own tenant. */
  tenant?: string;
  signal?: AbortSignal;
}

/** Authenticated reads, with the token supplied by the session. */
export interface ConfdSource {
  list<C extends ConfdCollection, V extends ConfdView<C> | undefined = undefined>(
    collection: C,
    query: ViewQuery<C, V>,
    options?: SourceOptions,
  ): Promise<ListPage<ConfdListed<C, V>>>;
  get<C extends ConfdCollection>(collection: C, id: number | string, options?: SourceOptions): Promise<ConfdItem[C]>;
  listTenants(options?: SourceOptions): Promise<ListPage<Tenant>>;
}

/** Wrap the client's confd and tenant calls in the session's token handling. */
export function confdSource(session: Session, client: WazoClient): ConfdSource {
  const run = <T>(options: SourceOptions, call: (authed: {token: string; tenant?: string; signal?: AbortSignal}) => Promise<T>) =>
    session.withToken((token) => call({token, tenant: options.tenant, signal: options.signal}), {signal: options.signal});
  return {
    list: <C extends ConfdCollection, V extends ConfdView<C> | undefined = undefined>(collection: C, query: ViewQuery<C, V>, options: SourceOptions = {}) =>
      run(options, (authed) => client.confd.list<C, V>(collection, query, authed)),
    get: (collection, id, options = {}) => run(options, (authed) => client.confd.get(collection, id, authed)),
    listTenants: (options = {}) => run(options, (authed) => client.auth.listTenants(authed)),
  };
}
