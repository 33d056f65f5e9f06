import { sql, type Kysely } from 'kysely';
import type { DB } from '../modules/shared/index.ts';

// The SQL of the installation's key fingerprints (installation-keys.ts, migration 0010).

/** Whether the table exists: read-only commands may meet a database older than its migration. */
export const hasInstallationKeysTable = async (db: Kysely<DB>) =>
  (await sql<{ present: boolean }>`select to_regclass('installation_keys') is not null as present`.execute(db)).rows[0]
    ?.present === true;

export const storedFingerprints = (db: Kysely<DB>) =>
  db.selectFrom('installation_keys').select(['purpose', 'fingerprint']).execute();

/** Stores a key's fingerprint unless one is stored for its purpose: of two processes starting at once, one wins. */
export const adoptFingerprint = (db: Kysely<DB>, row: { purpose: string; fingerprint: string; adopted_at: Date }) =>
  db
    .insertInto('installation_keys')
    .values(row)
    .onConflict((oc) => oc.column('purpose').doNothing())
    .executeTakeFirst();
