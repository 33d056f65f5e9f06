import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

// How the list benchmark times one list: the first page, then pages followed by nextCursor up to page N, then page N
// again; each timed page asked `samples` times. An endpoint without a cursor (still paging by offset) is walked by
// offset, and the result says so.

export interface ListCase {
  path: string;
  /** A query string of filters, or null for the whole list. */
  filter: string | null;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function pageWalk(
  app: FastifyInstance,
  headers: Record<string, string>,
  c: ListCase,
  settings: { samples: number; page: number; limit: number },
) {
  const base = `${c.path}?limit=${settings.limit}${c.filter ? `&${c.filter}` : ''}`;
  const get = async (url: string) => {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers });
    const ms = performance.now() - started;
    if (response.statusCode !== 200)
      throw new Error(`GET ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    const body = response.json() as { items: unknown[]; nextCursor?: string | null };
    return { ms, body };
  };
  const timed = async (url: string) => {
    const times: number[] = [];
    let items = 0;
    for (let k = 0; k < settings.samples; k++) {
      const { ms, body } = await get(url);
      times.push(ms);
      items = body.items.length;
    }
    times.sort((a, b) => a - b);
    return { items, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), samples: times.length };
  };

  const first = await get(base);
  const byCursor = first.body.nextCursor !== undefined;
  // Walk to the page: each step follows the previous answer's nextCursor (or adds the offset).
  let url = base;
  let body = first.body;
  let walkMs = 0;
  for (let n = 2; n <= settings.page; n++) {
    if (byCursor) {
      if (!body.nextCursor) throw new Error(`${base}: the list ends before page ${n}`);
      url = `${base}&cursor=${encodeURIComponent(body.nextCursor)}`;
    } else url = `${base}&offset=${(n - 1) * settings.limit}`;
    const step = await get(url);
    walkMs += step.ms;
    body = step.body;
  }
  return {
    path: c.path,
    filter: c.filter,
    paging: byCursor ? 'cursor' : 'offset',
    pages: {
      first: await timed(base),
      [`page${settings.page}`]: await timed(url),
      walkMeanMs: round(walkMs / Math.max(1, settings.page - 1)),
    },
  };
}
