import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compose } from '../src/app/compose.ts';
import { loadConfig } from '../src/app/config.ts';
import { openDatabase } from '../src/app/database.ts';
import { createLogger } from '../src/app/logger.ts';
import { systemClock } from '../src/modules/shared/clock.ts';
import {
  createBenchSchema,
  DEFAULT_DATABASE_URL,
  describeDatabase,
  dropBenchSchema,
  prepareSchema,
} from './bench-db.ts';
import { bulkLoad } from './bulk-load.ts';
import { pageWalk, type ListCase } from './lists.walk.ts';

// npm run bench:lists — loads 1,000,000 entries (with 300,000 records, 100,000 objections, 100,000 repairs and
// 1,000,000 dispatch items) into a fresh PostgreSQL schema with the check benchmark's COPY loader, composes the
// server in this process and times the first and the 50th page of 200 of each list, with and without a filter,
// following nextCursor to the 50th page. Server time: from the request entering Fastify (inject) to its answer,
// no network. Writes bench/results/lists.json, prints it, drops the schema (also on failure).
// Settings: DATABASE_URL, BENCH_ENTRIES (1000000; the other tables scale with it), BENCH_SAMPLES (30 timed requests
// per page), BENCH_PAGE (50), BENCH_LIMIT (200).

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, 'results');
const env = process.env;
const intSetting = (name: string, fallback: number) => {
  const value = env[name] ? Number(env[name]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const settings = {
  url: env.DATABASE_URL || DEFAULT_DATABASE_URL,
  entries: intSetting('BENCH_ENTRIES', 1_000_000),
  samples: intSetting('BENCH_SAMPLES', 30),
  page: intSetting('BENCH_PAGE', 50),
  limit: intSetting('BENCH_LIMIT', 200),
};
const say = (message: string) => process.stderr.write(`[bench:lists] ${message}\n`);

let schema: string | null = null;
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
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
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    database: await describeDatabase(settings.url),
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  say(`${machine.database}; ${settings.entries} entries; ${machine.cpus} CPUs, Node ${machine.node}`);
  schema = await createBenchSchema(settings.url);
  const secretKey = randomBytes(32);
  const adminPassword = `Bench-${randomBytes(9).toString('base64url')}-9a`;
  const prepared = await prepareSchema({ url: settings.url, schema, adminPassword });
  let load;
  let filters;
  try {
    say(`schema ${schema}: bulk load with COPY`);
    load = await bulkLoad({
      url: settings.url,
      schema,
      entries: settings.entries,
      namedShare: 1,
      recordShare: 0.3,
      secretKey,
      prepared,
      lists: true,
      progress: (m) => say(`  ${m}`),
    });
    say(`loaded in ${load.loadMs} ms (foreign-key checks ${load.foreignKeyChecks})`);
    const db = prepared.database.db;
    // Filters a user sets: one list type, one receiving department (each a share of the list, not a handful).
    const listType = await db
      .selectFrom('entries')
      .select('list_type_id')
      .where('id', '=', (await db.selectFrom('entries').select('id').limit(1).executeTakeFirstOrThrow()).id)
      .executeTakeFirstOrThrow();
    const department = await db.selectFrom('dispatches').select('department_id').limit(1).executeTakeFirstOrThrow();
    filters = { listTypeId: listType.list_type_id, departmentId: department.department_id };
  } finally {
    await prepared.database.close();
  }

  const config = { ...loadConfig(), databaseUrl: settings.url, adminPassword, logLevel: 'warn' };
  const database = await openDatabase({ databaseUrl: settings.url, dataDir: '', schema });
  say('composing the server (it loads the check index first)');
  const composed = await compose({
    config,
    database,
    clock: systemClock,
    log: createLogger('warn', process.stderr),
    secretKey,
    tipoffKeys: { currentId: 'bench', keys: new Map([['bench', randomBytes(32)]]) },
  });
  const results = [];
  try {
    const login = await composed.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: adminPassword },
    });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const headers = { authorization: `Bearer ${login.json().token}` };
    const cases: ListCase[] = [
      { path: '/api/v1/entries', filter: null },
      { path: '/api/v1/entries', filter: `listTypeId=${filters.listTypeId}` },
      { path: '/api/v1/records', filter: null },
      { path: '/api/v1/records', filter: 'state=in_effect' },
      { path: '/api/v1/objections', filter: null },
      { path: '/api/v1/objections', filter: 'state=received' },
      { path: '/api/v1/repairs', filter: null },
      { path: '/api/v1/repairs', filter: 'state=received' },
      { path: '/api/v1/dispatches', filter: null },
      { path: '/api/v1/dispatches', filter: `departmentId=${filters.departmentId}` },
      { path: '/api/v1/dispatches', filter: 'open=true' },
    ];
    for (const c of cases) {
      const started = performance.now();
      const result = await pageWalk(composed.app, headers, c, settings);
      say(
        `${c.path}?${c.filter ?? ''}: ${JSON.stringify(result.pages)} (${Math.round(performance.now() - started)} ms)`,
      );
      results.push(result);
    }
  } finally {
    await composed.stop();
    await database.close();
  }
  const output = {
    benchmark: 'lists',
    settings: { ...settings, url: undefined, paging: 'following nextCursor (offset where an endpoint has no cursor)' },
    rows: load.rows,
    loadMs: load.loadMs,
    foreignKeyChecksDuringLoad: load.foreignKeyChecks,
    results,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
    date: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(resultsDir, 'lists.json'), `${JSON.stringify(output, null, 2)}\n`);
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
