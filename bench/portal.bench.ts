import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createBenchSchema,
  DEFAULT_DATABASE_URL,
  describeDatabase,
  dropBenchSchema,
  prepareSchema,
} from './bench-db.ts';
import { bulkLoad } from './bulk-load.ts';
import { buildNameIndex } from './portal.index.ts';
import { runScenario, type Scenario, type ScenarioResult } from './portal.load.ts';
import { companyName, personName } from './portal.names.ts';
import { searchScenarios, subjectPageScenarios } from './portal.scenarios.ts';
import { freePort, startTsx, tail, type Child } from './processes.ts';

// npm run bench:portal — loads BENCH_ENTRIES (1,000,000) subjects with realistic Chinese names, each with a
// black-list entry in effect (the check benchmark's COPY loader), builds the name-search postings as migration 0014
// backfills them, starts the server (bench-server.ts, a process of its own) and measures each scenario with
// BENCH_CLIENTS (20) concurrent keep-alive HTTP clients in this process: BENCH_WARMUP (40) unmeasured requests,
// then BENCH_REQUESTS (400). Writes bench/results/portal.json, prints it, drops the schema (also on failure).
// Then the subject credit page, as HTML (first view and page cache) and as JSON.
// BENCH_LOAD_PARALLEL (1) connections load: the machine is shared, so the load does not take every core.

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, 'results');
const journalDir = path.join(resultsDir, `portal-journal-${process.pid}`);
const env = process.env;
const intSetting = (name: string, fallback: number) => {
  const value = env[name] ? Number(env[name]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const settings = {
  url: env.DATABASE_URL || DEFAULT_DATABASE_URL,
  entries: intSetting('BENCH_ENTRIES', 1_000_000),
  clients: intSetting('BENCH_CLIENTS', 20),
  requests: intSetting('BENCH_REQUESTS', 400),
  warmup: intSetting('BENCH_WARMUP', 40),
  loadParallel: intSetting('BENCH_LOAD_PARALLEL', 1),
};
const say = (message: string) => process.stderr.write(`[bench:portal] ${message}\n`);

let schema: string | null = null;
const children: Child[] = [];
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of children) await child.stop().catch(() => {});
    fs.rmSync(journalDir, { recursive: true, force: true });
    if (!schema) return;
    await dropBenchSchema(settings.url, schema).then(
      () => say(`dropped schema ${schema}`),
      (error: Error) => say(`could not drop schema ${schema}: ${error.message}`),
    );
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    database: await describeDatabase(settings.url),
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  say(`${machine.database}; ${settings.entries} subjects; ${machine.cpus} CPUs, Node ${machine.node}`);
  schema = await createBenchSchema(settings.url);
  const secretKey = randomBytes(32);
  const adminPassword = `Bench-${randomBytes(9).toString('base64url')}-9a`;
  const prepared = await prepareSchema({ url: settings.url, schema, adminPassword });
  let load;
  try {
    say(`schema ${schema}: bulk load with COPY`);
    load = await bulkLoad({
      url: settings.url,
      schema,
      entries: settings.entries,
      namedShare: 0,
      secretKey,
      prepared,
      parallel: settings.loadParallel,
      names: { organization: companyName, person: personName },
      progress: (m) => say(`  ${m}`),
    });
  } finally {
    await prepared.database.close();
  }
  say(`loaded in ${load.loadMs} ms; building the name-search postings`);
  const indexMs = await buildNameIndex(settings.url, schema, say);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverLog = path.join(resultsDir, 'portal-server.log');
  const server = startTsx(path.join(benchDir, 'bench-server.ts'), {
    nodeArgs: ['--expose-gc'],
    env: {
      ...env,
      DATABASE_URL: settings.url,
      BENCH_SCHEMA: schema,
      PORT: String(port),
      HOST: '127.0.0.1',
      CREDLINK_SECRET_KEY: secretKey.toString('hex'),
      CREDLINK_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      CREDLINK_CHECK_JOURNAL_DIR: journalDir,
      // One address sends every request: the per-address limit of public routes would measure itself.
      CREDLINK_PUBLIC_RATE_LIMIT: '0',
    },
    stderrFile: serverLog,
  });
  children.push(server);
  const ready = await server.waitFor((l) => l.event === 'ready' || l.event === 'failed', 15 * 60_000);
  if (ready.event !== 'ready') throw new Error(`server failed: ${ready.message}\n${tail(serverLog)}`);
  say(`server ready on ${baseUrl}`);

  const scenarios: Scenario[] = [...searchScenarios(settings.entries), ...subjectPageScenarios(settings.entries)];
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await runScenario(baseUrl, scenario, settings);
    say(`${result.name}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (mean total ${result.meanTotal})`);
    results.push(result);
  }
  const output = {
    benchmark: 'portal',
    settings: { ...settings, url: undefined },
    aims: { searchP95Ms: { '2 characters': 150, '3+ characters': 100 }, subjectPageP95Ms: 50 },
    results,
    loadMs: load.loadMs,
    nameIndexBuildMs: indexMs,
    rows: load.rows,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
    date: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(resultsDir, 'portal.json'), `${JSON.stringify(output, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch(async (error) => {
    say(`failed: ${error?.stack ?? error}`);
    await cleanUp();
    process.exit(1);
  });
