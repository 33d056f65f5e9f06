import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { compose } from '../src/app/compose.ts';
import { loadConfig } from '../src/app/config.ts';
import { openDatabase } from '../src/app/database.ts';
import { createLogger } from '../src/app/logger.ts';
import { CheckIndex } from '../src/modules/checks/check-index.ts';
import { systemClock } from '../src/modules/shared/clock.ts';
import { loadSecretKey } from '../src/modules/shared/secrets.ts';
import { baselineRoutes } from './baseline.route.ts';

// The server as src/app/main.ts starts it, on the benchmark's schema, plus the baseline route. It reports on stdout,
// one JSON line each, what the benchmark measures inside the process: the index load's time and heap growth.
// Logs go to stderr. Run with --expose-gc so that heap figures are taken after a full collection.

const MB = 1024 * 1024;
/** The monotonic clock in µs: the time base of CPU profiles, shared with the load generator's timestamps. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const report = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: true, ...line })}\n`);

function collectedHeap(): number {
  if (typeof gc !== 'function') throw new Error('bench-server needs node --expose-gc');
  gc();
  return process.memoryUsage().heapUsed;
}

// Measures the check index load where compose's sync.initialize() calls it, without changing the application.
const load = CheckIndex.prototype.load;
let indexReport: { indexBuildMs: number; indexHeapMB: number; indexStartUs: number; indexEndUs: number } | null = null;
CheckIndex.prototype.load = async function measuredLoad(this: CheckIndex, ...args: Parameters<typeof load>) {
  const heapBefore = collectedHeap();
  const indexStartUs = monotonicUs();
  const started = performance.now();
  await load.apply(this, args);
  const indexBuildMs = Math.round(performance.now() - started);
  const indexEndUs = monotonicUs();
  indexReport = {
    indexBuildMs,
    indexHeapMB: Math.round((collectedHeap() - heapBefore) / MB),
    indexStartUs,
    indexEndUs,
  };
};

async function main() {
  const config = { ...loadConfig(), host: '127.0.0.1' };
  const schema = process.env.BENCH_SCHEMA;
  if (!config.databaseUrl || !schema) throw new Error('bench-server needs DATABASE_URL and BENCH_SCHEMA');
  const log = createLogger(config.logLevel, process.stderr);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '', schema });
  const { key } = loadSecretKey(config);
  const started = performance.now();
  const { app, stop } = await compose({
    config,
    database,
    clock: systemClock,
    log,
    secretKey: key,
    tipoffKeys: { currentId: 'bench', keys: new Map([['bench', randomBytes(32)]]) },
    extraRoutes: [baselineRoutes],
  });
  const composeMs = Math.round(performance.now() - started);
  await app.listen({ port: config.port, host: config.host });
  if (!indexReport) throw new Error('the check index was not loaded during compose');
  const memory = process.memoryUsage();
  // The process start on the monotonic clock: --trace-gc lines count milliseconds from about then.
  const processStartUs = monotonicUs() - Math.round(performance.now() * 1000);
  report({
    event: 'ready',
    port: config.port,
    composeMs,
    processStartUs,
    ...indexReport,
    heapUsedMB: Math.round(memory.heapUsed / MB),
    rssMB: Math.round(memory.rss / MB),
  });

  const shutdown = async () => {
    await stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((error) => {
  report({ event: 'failed', message: String(error?.message ?? error) });
  process.exit(1);
});
