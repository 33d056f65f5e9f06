import type { DeadlineKey } from '../deadlines/index.ts';
import type { Executor } from '../shared/index.ts';

export const listDeadlineSettings = (db: Executor) => db.selectFrom('deadline_settings').selectAll().execute();

/** Locked: of two concurrent edits the second sees the first's value as its "from". */
export const findDeadlineSettingForUpdate = (db: Executor, key: DeadlineKey) =>
  db.selectFrom('deadline_settings').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();

export const updateDeadlineSetting = (
  db: Executor,
  key: DeadlineKey,
  changes: { working_days: number; source: string; updated_by: string; updated_at: Date },
) => db.updateTable('deadline_settings').set(changes).where('key', '=', key).execute();
