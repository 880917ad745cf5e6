/**
 * The demo server's own speed at scale: list and search requests over real HTTPS from the bench
 * process, on one keep-alive connection that trusts the server's certificate.
 */
import {Agent, request} from 'node:https';
import {metric, type Metric} from './stats.js';

/** The server's address, certificate and main account. */
export interface HttpsTarget {
  authUrl: string;
  confdUrl: string;
  certPem: string;
  username: string;
  password: string;
}

/** One answer and how long it took (request written → body fully read). */
interface Timed {
  ms: number;
  status: number;
  body: string;
}

/** List pages spread over the whole collection, then two searches; `runs` timed requests each after a warm-up. */
/**
 * List and search latency; `yardstickMs` (the median `node -e 0` of the same run) turns each into a
 * ratio too, as the start-up numbers are, so runs on machines of different speed compare.
 */
export async function measureServer(server: HttpsTarget, users: number, runs: number, yardstickMs: number | undefined): Promise<Metric[]> {
  const section = `Demo server, ${users} users, GET /users?limit=100 over HTTPS keep-alive`;
  const agent = new Agent({keepAlive: true, maxSockets: 1, ca: server.certPem, servername: 'localhost'});
  try {
    const token = await createToken(server, agent);
    const get = async (query: string): Promise<{ms: number; total: number; items: number}> => {
      const answer = await send(agent, `${server.confdUrl}/users?${query}`, 'GET', {'X-Auth-Token': token, Accept: 'application/json'});
      if (answer.status !== 200) throw new Error(`GET users?${query} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      const parsed = JSON.parse(answer.body) as {total?: unknown; items?: unknown};
      if (typeof parsed.total !== 'number' || !Array.isArray(parsed.items)) throw new Error(`GET users?${query}: not a confd list`);
      return {ms: answer.ms, total: parsed.total, items: parsed.items.length};
    };

    const {total} = await get('limit=100&offset=0');
    const list: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Offsets spread evenly over the collection, the last page included.
      const offset = Math.floor(((total - 100) * run) / Math.max(1, runs - 1));
      const page = await get(`limit=100&offset=${Math.max(0, offset)}`);
      if (page.items !== Math.min(100, total)) throw new Error(`offset ${offset}: ${page.items} items`);
      list.push(page.ms);
    }
    const search = async (term: string, expectHits: boolean) => {
      const query = `limit=100&offset=0&search=${encodeURIComponent(term)}`;
      const warm = await get(query);
      if (expectHits !== warm.total > 0) throw new Error(`search=${term}: ${warm.total} matches`);
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) samples.push((await get(query)).ms);
      return {samples, matches: warm.total};
    };
    const emilie = await search('emilie', true);
    const nothing = await search('zzqxj', false);
    const budget = {max: 50};
    const measured = [
      {id: 'server.list', label: `list, offsets 0…${total - 100} (${total} in the tenant)`, samples: list},
      {id: 'server.search', label: `search=emilie (${emilie.matches} matches)`, samples: emilie.samples},
      {id: 'server.search.none', label: 'search matching nothing', samples: nothing.samples},
    ];
    return measured.flatMap(({id, label, samples}) => [
      metric({id, section, label, unit: 'ms', budget}, samples),
      ...(yardstickMs === undefined
        ? []
        : [metric({id: `${id}.ratio`, section, label: '  ÷ node -e 0 (this run)', unit: 'x'}, samples.map((ms) => ms / yardstickMs))]),
    ]);
  } finally {
    agent.destroy();
  }
}

async function createToken(server: HttpsTarget, agent: Agent): Promise<string> {
  const basic = Buffer.from(`${server.username}:${server.password}`).toString('base64');
  const answer = await send(
    agent,
    `${server.authUrl}/token`,
    'POST',
    {Authorization: `Basic ${basic}`, 'Content-Type': 'application/json', Accept: 'application/json'},
    JSON.stringify({expiration: 3600}),
  );
  const token = (JSON.parse(answer.body) as {data?: {token?: unknown}}).data?.token;
  if (answer.status !== 200 || typeof token !== 'string') throw new Error(`POST /token answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  return token;
}

function send(agent: Agent, url: string, method: string, headers: Record<string, string>, body?: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(url, {method, agent, headers, timeout: 30_000}, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ms: performance.now() - started, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString()}),
      );
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${url} timed out`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
