import path from 'node:path';

export interface Config {
  /** postgres://… selects PostgreSQL; unset selects embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  adminPassword: string | null;
  /** Key for audit checkpoints and identifier digests; never stored in the database. */
  secretKeyFile: string;
  secretKey: string | null;
  logLevel: string;
  /** Session lifetimes in minutes. */
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  syncIntervalMs: number;
  staleAfterMs: number;
  checkRecordBufferLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.CREDLINK_DATA_DIR ?? './data');
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    adminPassword: env.CREDLINK_ADMIN_PASSWORD || null,
    secretKeyFile: path.resolve(env.CREDLINK_SECRET_KEY_FILE ?? path.join(path.dirname(dataDir), 'credlink-secret.key')),
    secretKey: env.CREDLINK_SECRET_KEY || null,
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: intFrom(env.CREDLINK_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteMinutes: intFrom(env.CREDLINK_SESSION_ABSOLUTE_MINUTES, 12 * 60),
    syncIntervalMs: intFrom(env.CREDLINK_SYNC_INTERVAL_MS, 500),
    staleAfterMs: intFrom(env.CREDLINK_STALE_AFTER_MS, 5000),
    checkRecordBufferLimit: intFrom(env.CREDLINK_CHECK_BUFFER_LIMIT, 100_000),
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`配置项取值无效：${value}`);
  return n;
}
