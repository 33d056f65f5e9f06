import type { Executor } from '../shared/index.ts';

export const findSiteName = (db: Executor) =>
  db
    .selectFrom('site_settings')
    .select(['value', 'updated_by', 'updated_at'])
    .where('key', '=', 'site_name')
    .executeTakeFirst();

export const saveSiteName = (db: Executor, value: string, by: string, at: Date) =>
  db
    .insertInto('site_settings')
    .values({ key: 'site_name', value, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: by, updated_at: at }))
    .execute();
