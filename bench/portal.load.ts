import { performance } from 'node:perf_hooks';

// The portal benchmark's load: a scenario is a list of paths requested round-robin by `clients` concurrent
// clients over keep-alive HTTP, as a browser or the portal's server-rendered pages would call the API. Search is
// one kind of scenario; a subject page is another (add it with its paths), measured the same way.

export interface Scenario {
  name: string;
  /** What the paths ask, for the report (e.g. the fragments). */
  sample: string[];
  paths: string[];
  /** Reads what the report keeps of an answer's body (e.g. total and capped of a search). */
  inspect?: (body: unknown) => { total?: number; capped?: boolean };
}

export interface ScenarioResult {
  name: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanTotal: number | null;
  cappedShare: number | null;
  sample: string[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runScenario(
  baseUrl: string,
  scenario: Scenario,
  options: { clients: number; requests: number; warmup: number },
): Promise<ScenarioResult> {
  let next = 0;
  const latencies: number[] = [];
  const totals: number[] = [];
  let capped = 0;
  const one = async (measure: boolean) => {
    const path = scenario.paths[next++ % scenario.paths.length]!;
    const started = performance.now();
    const response = await fetch(baseUrl + path);
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200)
      throw new Error(`${scenario.name}: ${path} answered ${response.status} ${text.slice(0, 300)}`);
    if (!measure) return;
    latencies.push(ms);
    const seen = scenario.inspect?.(JSON.parse(text));
    if (seen?.total !== undefined) totals.push(seen.total);
    if (seen?.capped) capped++;
  };
  const run = async (count: number, measure: boolean) => {
    let issued = 0;
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (issued < count) {
          issued++;
          await one(measure);
        }
      }),
    );
  };
  await run(options.warmup, false);
  await run(options.requests, true);
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    requests: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1)!),
    meanTotal: totals.length ? round(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
    cappedShare: scenario.inspect ? round(capped / latencies.length) : null,
    sample: scenario.sample.slice(0, 5),
  };
}
