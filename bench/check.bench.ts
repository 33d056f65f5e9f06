import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKey, probeCheck } from './bench-api.ts';
import {
  createBenchSchema,
  DEFAULT_DATABASE_URL,
  describeDatabase,
  dropBenchSchema,
  prepareSchema,
} from './bench-db.ts';
import { bulkLoad } from './bulk-load.ts';
import { mainThreadProfile, summarizeProfile } from './cpu-profile.ts';
import type { LoadSettings, Measured, Target } from './load.ts';
import { freePort, startTsx, tail, type Child } from './processes.ts';
import { citizenIdFor, isIndividualBusiness, MISS_BASE, organizationName, personName, usccFor } from './synthetic.ts';

// npm run bench:check — bulk-loads the entries into a fresh PostgreSQL schema, starts the server as a child process,
// drives the check route and the baseline route from a separate load-generator process, writes
// bench/results/check.json and prints it. Everything it started is stopped and the schema dropped, also on failure.
// Settings: DATABASE_URL, BENCH_ENTRIES (1000000), BENCH_DURATION (15 s), BENCH_WARMUP (3 s), BENCH_CONNECTIONS
// (50), BENCH_ROUNDS (2), BENCH_NAMED_SHARE (1), BENCH_RECORD_SHARE (0.3), BENCH_LOG_LEVEL (warn), BENCH_CPU_PROF (1: profile the server),
// BENCH_SERVER_FLAGS (extra node flags for the server).

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, 'results');
/** The server's check journal, on the same disk as the results (a real fsync, not a memory file system). */
const journalDir = path.join(resultsDir, `check-journal-${process.pid}`);
const env = process.env;

function intSetting(name: string, fallback: number): number {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

const settings = {
  url: env.DATABASE_URL || DEFAULT_DATABASE_URL,
  entries: intSetting('BENCH_ENTRIES', 1_000_000),
  durationSeconds: intSetting('BENCH_DURATION', 15),
  warmupSeconds: intSetting('BENCH_WARMUP', 3),
  connections: intSetting('BENCH_CONNECTIONS', 50),
  rounds: Math.max(1, intSetting('BENCH_ROUNDS', 2)),
  namedShare: env.BENCH_NAMED_SHARE ? Number(env.BENCH_NAMED_SHARE) : 1,
  recordShare: env.BENCH_RECORD_SHARE ? Number(env.BENCH_RECORD_SHARE) : 0.3,
  logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
  cpuProfile: env.BENCH_CPU_PROF === '1',
  /** Extra node flags for the server process, e.g. '--trace-gc' or '--max-semi-space-size=64'. */
  serverFlags: (env.BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean),
};
const say = (message: string) => process.stderr.write(`[bench] ${message}\n`);

let schema: string | null = null;
const children: Child[] = [];

let cleaning: Promise<void> | null = null;

/** Stops the children and drops the schema, once: the failure path and a signal may both ask for it. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of children.splice(0)) await child.stop().catch(() => {});
    // The server's check journal belongs to this run's schema only.
    fs.rmSync(journalDir, { recursive: true, force: true });
    if (schema) {
      await dropBenchSchema(settings.url, schema).then(
        () => say(`dropped schema ${schema}`),
        (error) => say(`could not drop schema ${schema}: ${error.message}`),
      );
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The mean over rounds of each figure: both targets ran as often, in alternating order. */
function summarize(results: Measured[], target: Target) {
  const runs = results.filter((r) => r.target === target);
  const failed = runs.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length > 0) throw new Error(`${target}: ${JSON.stringify(failed)} — non-2xx answers or errors under load`);
  const mean = (pick: (r: Measured) => number, digits: number) =>
    Number((runs.reduce((s, r) => s + pick(r), 0) / runs.length).toFixed(digits));
  return { rps: mean((r) => r.rps, 0), p50Ms: mean((r) => r.p50Ms, 2), p99Ms: mean((r) => r.p99Ms, 2) };
}

/** CPU µs per answered request of each process group over all rounds of a target; 'other' is the rest of the machine. */
function cpuPerRequest(results: Measured[], target: Target) {
  const runs = results.filter((r) => r.target === target && r.cpu !== null);
  if (runs.length === 0) return null;
  const requests = runs.reduce((s, r) => s + r.requests, 0);
  const per = (pick: (c: NonNullable<Measured['cpu']>) => number) =>
    Math.round((runs.reduce((s, r) => s + pick(r.cpu!), 0) / requests) * 1e6);
  return {
    server: per((c) => c.server),
    loadGenerator: per((c) => c.loadGenerator),
    postgres: per((c) => c.postgres),
    other: per((c) => c.other),
  };
}

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  const database = await describeDatabase(settings.url);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  say(
    `database: ${database}; ${settings.entries} entries; machine: ${machine.cpus} CPUs, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
  );

  schema = await createBenchSchema(settings.url);
  const secretKey = randomBytes(32);
  const adminPassword = `Bench-${randomBytes(9).toString('base64url')}-9a`;
  say(`schema ${schema}: migrating and seeding`);
  const prepared = await prepareSchema({ url: settings.url, schema, adminPassword });
  let departmentId: string;
  let load;
  try {
    say('bulk load with COPY');
    load = await bulkLoad({
      url: settings.url,
      schema,
      entries: settings.entries,
      namedShare: settings.namedShare,
      recordShare: settings.recordShare,
      secretKey,
      prepared,
      progress: (m) => say(`  ${m}`),
    });
    say(`loaded in ${load.loadMs} ms (foreign-key checks ${load.foreignKeyChecks})`);
    // The implementing department whose business systems check applicants for administrative licences.
    departmentId = (
      await prepared.database.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'approval')
        .executeTakeFirstOrThrow()
    ).id;
  } finally {
    await prepared.database.close();
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverLog = path.join(resultsDir, 'server.log');
  say(`starting the server on ${baseUrl} (log: ${path.relative(process.cwd(), serverLog)})`);
  const server = startTsx(path.join(benchDir, 'bench-server.ts'), {
    nodeArgs: [
      '--expose-gc',
      ...settings.serverFlags,
      ...(settings.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`] : []),
    ],
    env: {
      ...env,
      DATABASE_URL: settings.url,
      BENCH_SCHEMA: schema,
      PORT: String(port),
      HOST: '127.0.0.1',
      CREDLINK_SECRET_KEY: secretKey.toString('hex'),
      CREDLINK_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: settings.logLevel,
      CREDLINK_CHECK_JOURNAL_DIR: journalDir,
    },
    stderrFile: serverLog,
  });
  children.push(server);
  const ready = await server
    .waitFor((l) => l.event === 'ready' || l.event === 'failed', 15 * 60_000)
    .catch((error) => {
      throw new Error(`${error.message}\n${tail(serverLog)}`);
    });
  if (ready.event !== 'ready') throw new Error(`server failed: ${ready.message}\n${tail(serverLog)}`);
  say(`server ready: index built in ${ready.indexBuildMs} ms, +${ready.indexHeapMB} MB heap`);

  const apiKey = await createApiKey(baseUrl, adminPassword, departmentId);
  const hit = await probeCheck(baseUrl, apiKey, {
    uscc: usccFor(0, isIndividualBusiness(0)),
    name: organizationName(0),
  });
  const personHit = await probeCheck(baseUrl, apiKey, { citizenId: citizenIdFor(9), name: personName(9) });
  const miss = await probeCheck(baseUrl, apiKey, { uscc: usccFor(MISS_BASE), name: organizationName(MISS_BASE) });
  if (hit.hits === 0 || personHit.hits === 0 || miss.hits !== 0) {
    throw new Error(
      `the check does not answer as loaded: hit ${hit.hits}, person ${personHit.hits}, miss ${miss.hits}`,
    );
  }
  say(
    `probe ok (data version ${String(hit.dataVersion)}, stale ${String(hit.stale)}); load: ${settings.rounds} rounds × (${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s) per route`,
  );

  const loadSettings: LoadSettings = {
    baseUrl,
    apiKey,
    entries: settings.entries,
    namedShare: settings.namedShare,
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
    rounds: settings.rounds,
    bodies: 100_000,
    serverPid: server.process.pid!,
  };
  const generator = startTsx(path.join(benchDir, 'load.ts'), {
    env: { ...env, BENCH_LOAD: JSON.stringify(loadSettings) },
    stderrFile: path.join(resultsDir, 'load.log'),
  });
  children.push(generator);
  const runSeconds = 2 * settings.rounds * (settings.warmupSeconds + settings.durationSeconds);
  const { results } = (await generator.waitFor(
    (l) => Array.isArray(l.results),
    (runSeconds + 120) * 1000,
  )) as unknown as { results: Measured[] };

  const check = summarize(results, 'check');
  const baseline = summarize(results, 'baseline');
  const output = {
    database,
    entries: settings.entries,
    indexBuildMs: ready.indexBuildMs,
    indexHeapMB: ready.indexHeapMB,
    check,
    baseline,
    ratio: Number((check.rps / baseline.rps).toFixed(3)),
    cpuPerRequestUs: { check: cpuPerRequest(results, 'check'), baseline: cpuPerRequest(results, 'baseline') },
    method: {
      figures: `mean over ${settings.rounds} rounds; rounds alternate the order (baseline first, then check first)`,
      connections: settings.connections,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: settings.durationSeconds,
      requestMix:
        '1 subject per request; ~50% hits (codes of loaded subjects, ~19% of them citizen IDs), ~50% valid codes not loaded (10% citizen IDs); 1/3 with a scenario',
      recordShare: settings.recordShare,
      serverLogLevel: settings.logLevel,
      serverFlags: settings.serverFlags,
    },
    rounds: results.map(({ startUs: _s, endUs: _e, ...round }) => round),
    loadMs: load.loadMs,
    rows: load.rows,
    foreignKeyChecksDuringLoad: load.foreignKeyChecks,
    server: { composeMs: ready.composeMs, heapUsedMB: ready.heapUsedMB, rssMB: ready.rssMB },
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
    date: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(resultsDir, 'check.json'), `${JSON.stringify(output, null, 2)}\n`);
  // When each phase ran, on the monotonic clock (µs): for cutting a CPU profile or --trace-gc output by phase.
  fs.writeFileSync(path.join(resultsDir, 'check-windows.json'), `${JSON.stringify({ ready, results }, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  if (settings.cpuProfile) await writeProfileSummary(server, ready, results);
}

/** With BENCH_CPU_PROF=1: the server's profile cut into the index load and the measured runs of each route. */
async function writeProfileSummary(server: Child, ready: Record<string, unknown>, results: Measured[]) {
  await server.stop(); // the profile is written when the process exits
  const file = mainThreadProfile(resultsDir, server.process.pid!);
  if (!file) return say('no CPU profile found for the server');
  const ranges = (target: Target) =>
    results.filter((r) => r.target === target).map((r): [number, number] => [r.startUs, r.endUs]);
  const summary = summarizeProfile(file, [
    { label: 'index load', ranges: [[ready.indexStartUs as number, ready.indexEndUs as number]] },
    { label: 'check route under load', ranges: ranges('check') },
    { label: 'baseline route under load', ranges: ranges('baseline') },
  ]);
  const out = path.join(resultsDir, 'check-profile.txt');
  fs.writeFileSync(out, summary);
  say(`CPU profile: ${path.relative(process.cwd(), file)}; summary: ${path.relative(process.cwd(), out)}`);
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch(async (error) => {
    say(`failed: ${error?.stack ?? error}`);
    await cleanUp();
    process.exit(1);
  });
