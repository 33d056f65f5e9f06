import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import type { DB } from '../modules/shared/db.types.ts';

/**
 * A Kysely handle that compiles every query as PostgreSQL and runs none of them (every query answers no rows), so a
 * repository function's SQL can be read and compared with its committed snapshot without a database.
 */
export function recordingDb(): { db: Kysely<DB>; take(): string[] } {
  let queries: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') queries.push(event.query);
    },
  });
  return {
    db,
    take() {
      const out = queries.map((q) => q.sql);
      queries = [];
      return out;
    },
  };
}
