/**
 * The wazo-confd endpoints the client uses: list and get for every collection of the registry, and infos.
 */
import {pageCeiling, type AnswerKind} from './answer-limit.js';
import {authHeaders} from './auth.js';
import {collections, listedSchema} from './collections.js';
import type {AuthedOptions, ConfdApi, ConfdCollection, ConfdItem, ConfdListed, ConfdView, ViewQuery} from './contract.js';
import {listParams} from './list-params.js';
import type {ApiRequest, Send} from './request.js';
import {infosSchema, listSchema, type ListPage} from './schemas.js';
import {decodeAnswer} from './validate.js';

/** Build the wazo-confd API on top of the client's `send`. */
export function createConfdApi(send: Send): ConfdApi {
  function request(path: string, label: string, options: AuthedOptions, answer: AnswerKind, searchParams?: URLSearchParams): ApiRequest {
    return {
      service: 'confd',
      method: 'GET',
      path,
      label,
      answer,
      searchParams,
      headers: authHeaders(options),
      signal: options.signal,
      secrets: [options.token],
    };
  }

  return {
    async list<C extends ConfdCollection, V extends ConfdView<C> | undefined = undefined>(
      collection: C,
      query: ViewQuery<C, V>,
      options: AuthedOptions,
    ): Promise<ListPage<ConfdListed<C, V>>> {
      const definition = collections[collection];
      // An absent view is the default form, which V = undefined (the default) names.
      const schema = listedSchema(collection, query.view as V);
      const sent = {...request(definition.path, `GET /${definition.path}`, options, 'page', listParams(query)), maxBytes: pageCeiling(query.limit)};
      const page = decodeAnswer(listSchema(schema), (await send(sent)).body, sent);
      const items = page.items ?? [];
      return {total: page.total ?? (query.offset ?? 0) + items.length, items};
    },

    async get<C extends ConfdCollection>(collection: C, id: number | string, options: AuthedOptions): Promise<ConfdItem[C]> {
      const definition = collections[collection];
      const sent = request(`${definition.path}/${encodeURIComponent(String(id))}`, `GET /${definition.path}/${id}`, options, 'record');
      return decodeAnswer(definition.schema, (await send(sent)).body, sent);
    },

    async infos(options: AuthedOptions) {
      const sent = request('infos', 'GET /infos', options, 'record');
      return decodeAnswer(infosSchema, (await send(sent)).body, sent);
    },
  };
}
