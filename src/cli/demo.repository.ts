import type { Kysely } from 'kysely';
import type { DB } from '../modules/shared/index.ts';

// The SQL of the demo loader (demo.ts): look-ups in the seed catalog and one shortcut for the demo accounts.

export const demoLoaded = async (db: Kysely<DB>) =>
  (await db.selectFrom('users').select('id').where('username', '=', 'amr_operator').executeTakeFirst()) !== undefined;

export const departmentRefs = (db: Kysely<DB>) => db.selectFrom('departments').select(['id', 'code', 'name']).execute();

/** Demo accounts start with their published password: no first-login change. */
export const skipPasswordChange = (db: Kysely<DB>, userId: string) =>
  db.updateTable('users').set({ must_change_password: false }).where('id', '=', userId).execute();

export const listTypeIdByCode = async (db: Kysely<DB>, code: string) =>
  (await db.selectFrom('list_types').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

export const sanctionMeasures = (db: Kysely<DB>) =>
  db.selectFrom('measures').select(['id', 'list_type_ids']).where('kind', '=', 'sanction').execute();
