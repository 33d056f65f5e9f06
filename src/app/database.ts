import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { DB } from '../modules/shared/index.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';

/** Postgres type OIDs whose parsing must be identical on both drivers. */
const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184, dateArray: 1182 } as const;

/**
 * The one place where column types become JavaScript values: date → 'YYYY-MM-DD', int8 → bigint,
 * numeric → string, timestamptz → Date (an instant). Neither driver's defaults are used for these.
 */
export const typeParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => BigInt(v),
  [OID.numeric]: (v) => v,
  [OID.date]: (v) => v,
  [OID.timestamptz]: (v) => new Date(v),
};

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script inside one transaction (migrations). */
  runScript(sql: string): Promise<void>;
  /** Subscribes to a notification channel; returns an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** Present on PGlite only. */
  pglite?: PGlite;
  /** Present on PostgreSQL only. */
  pool?: pg.Pool;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  /** Embedded data directory; 'memory://' for an in-memory database (tests). */
  dataDir: string;
  /** PostgreSQL schema to use as search_path (tests isolate files by schema). */
  schema?: string;
  poolSize?: number;
  /** Called with the SQL of every statement run through Kysely (tests count the queries of a request). */
  onQuery?: (sql: string) => void;
}

/** Kysely's log hook for `onQuery`: every statement, whether it succeeded or failed. */
const queryLog = (onQuery: ((sql: string) => void) | undefined) =>
  onQuery ? { log: (event: LogEvent) => onQuery(event.query.sql) } : {};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPGlite(options.dataDir, options.onQuery);
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const poolConfig: pg.PoolConfig = {
    connectionString: url,
    max: options.poolSize ?? 10,
    types: types as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    connectionTimeoutMillis: 5000,
  };
  const pool = new pg.Pool(poolConfig);
  pool.on('error', () => {
    /* a dropped idle connection is replaced on next use */
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...queryLog(options.onQuery) });
  return {
    kind: 'postgres',
    db,
    pool,
    async runScript(script) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(script);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const client = new pg.Client({
        connectionString: url,
        types: types as pg.CustomTypesConfig,
        ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === channel) onNotify(msg.payload ?? '');
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(dataDir: string, onQuery?: (sql: string) => void): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  let lock: DataDirLock | null = null;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : path.join(dataDir, 'pgdata'), { parsers: typeParsers });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), ...queryLog(onQuery) });
  return {
    kind: 'pglite',
    db,
    pglite,
    async runScript(script) {
      // Through Kysely's connection queue, so nothing else runs on the single connection meanwhile.
      await db.connection().execute(async () => {
        await pglite.exec(`begin;\n${script}\ncommit;`).catch(async (error) => {
          await pglite.exec('rollback').catch(() => {});
          throw error;
        });
      });
    },
    async listen(channel, onNotify) {
      const unsubscribe = await pglite.listen(channel, onNotify);
      return async () => {
        await unsubscribe();
      };
    },
    async close() {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}
