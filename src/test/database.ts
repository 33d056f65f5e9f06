import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../app/database.ts';
import { migrate } from '../app/migrate.ts';

/**
 * Each test file gets its own database: an in-memory PGlite by default, or, when DATABASE_URL is set, a fresh
 * schema on that PostgreSQL server, dropped on close.
 */
export async function openTestDatabase(
  options: { migrate?: boolean; poolSize?: number; onQuery?: (sql: string) => void } = {},
): Promise<Database & { url: string | null; schema: string | null }> {
  const url = process.env.DATABASE_URL || null;
  if (!url) {
    const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://', onQuery: options.onQuery });
    if (options.migrate !== false) await migrate(database);
    return Object.assign(database, { url: null, schema: null });
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({
    databaseUrl: url,
    dataDir: '',
    schema,
    poolSize: options.poolSize ?? 5,
    onQuery: options.onQuery,
  });
  if (options.migrate !== false) await migrate(database);
  const close = database.close.bind(database);
  return Object.assign(database, {
    url,
    schema,
    async close() {
      await close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  });
}
