import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export function migrationFiles(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * Applies the ordered plain-SQL migrations not yet applied, each in its own transaction. On PostgreSQL an
 * advisory lock keeps two starting processes from applying the same migration twice.
 */
export async function migrate(database: Database): Promise<string[]> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  const applied: string[] = [];
  for (const file of migrationFiles()) {
    const escaped = file.name.replace(/'/g, "''");
    const script = [
      database.kind === 'postgres' ? 'select pg_advisory_xact_lock(7254031);' : '',
      `do $$ begin if exists (select 1 from schema_migrations where name = '${escaped}') then raise exception 'already-applied'; end if; end $$;`,
      file.sql,
      `insert into schema_migrations (name) values ('${escaped}');`,
    ].join('\n');
    try {
      await database.runScript(script);
      applied.push(file.name);
    } catch (error) {
      if (String((error as Error).message).includes('already-applied')) continue;
      throw new Error(`迁移 ${file.name} 执行失败：${(error as Error).message}`);
    }
  }
  return applied;
}
