import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/app/database.ts';
import { migrate } from '../src/app/migrate.ts';
import { ensureAdmin } from '../src/modules/auth/bootstrap.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { insertUser } from '../src/modules/auth/users.repository.ts';
import { ensureCatalogSeed } from '../src/modules/catalog/catalog.bootstrap.ts';
import { systemClock } from '../src/modules/shared/clock.ts';
import { uuidv7 } from '../src/modules/shared/ids.ts';

// The benchmark's own PostgreSQL schema: created fresh, prepared as a first server start would leave it (migrated,
// seed catalog, admin account), and dropped at the end.

export const DEFAULT_DATABASE_URL = 'postgres://root@127.0.0.1:5432/test';

/** 'postgres://root@127.0.0.1:5432/test' → 'PostgreSQL 15.x at 127.0.0.1:5432/test' (no password shown). */
export async function describeDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    const u = new URL(url);
    return `PostgreSQL ${rows[0]!.v.split(' ')[0]} at ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } finally {
    await client.end();
  }
}

export async function createBenchSchema(url: string): Promise<string> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  return schema;
}

/** How the bulk loader's connections name themselves, so that an interrupted run can end them before the drop. */
export const loaderApplicationName = (schema: string) => `credlink-bench-loader ${schema}`;

/** Drops the schema; COPY sessions of this run still open (a run interrupted mid-load) are ended first. */
export async function dropBenchSchema(url: string, schema: string): Promise<void> {
  if (!/^bench_[0-9a-f]+$/.test(schema)) throw new Error(`not a benchmark schema: ${schema}`);
  await adminQuery(
    url,
    'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
    [loaderApplicationName(schema)],
  );
  await adminQuery(url, `drop schema if exists ${schema} cascade`);
}

async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export interface Prepared {
  database: Database;
  benchUserId: string;
}

const quietLog = { info() {}, warn() {} };

/**
 * Migrates the schema and runs the first-start bootstrap the server would run (seed catalog, admin with the given
 * password), then adds the user the bulk-loaded entries name as their creator.
 */
export async function prepareSchema(options: {
  url: string;
  schema: string;
  adminPassword: string;
}): Promise<Prepared> {
  const database = await openDatabase({ databaseUrl: options.url, dataDir: '', schema: options.schema, poolSize: 2 });
  try {
    await migrate(database);
    const deps = { db: database.db, clock: systemClock };
    await ensureCatalogSeed(deps);
    await ensureAdmin({ ...deps, config: { adminPassword: options.adminPassword }, log: quietLog });
    const office = await database.db
      .selectFrom('departments')
      .select('id')
      .where('kind', '=', 'credit_office')
      .executeTakeFirstOrThrow();
    const benchUserId = uuidv7();
    await insertUser(database.db, {
      id: benchUserId,
      username: 'bench-loader',
      displayName: '基准测试数据装载',
      departmentId: office.id,
      roles: ['credit_office'],
      passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
      mustChangePassword: false,
      now: systemClock.now(),
    });
    return { database, benchUserId };
  } catch (error) {
    await database.close();
    throw error;
  }
}
