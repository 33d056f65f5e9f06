import type { Insertable, Selectable } from 'kysely';
import type { EligibilityRulesTable, Executor } from '../shared/index.ts';

export type EligibilityRuleRow = Selectable<EligibilityRulesTable>;

export const listRules = (db: Executor) => db.selectFrom('eligibility_rules').selectAll().orderBy('code').execute();

export const findRuleByCode = (db: Executor, code: string) =>
  db.selectFrom('eligibility_rules').selectAll().where('code', '=', code).executeTakeFirst();

export const findRuleByCodeForUpdate = (db: Executor, code: string) =>
  db.selectFrom('eligibility_rules').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();

/** Inserts unless the code is taken; undefined when it is (two concurrent creators: one wins). */
export const insertRule = (db: Executor, row: Insertable<EligibilityRulesTable>) =>
  db
    .insertInto('eligibility_rules')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();

export const updateRule = (db: Executor, id: string, changes: Partial<Insertable<EligibilityRulesTable>>) =>
  db.updateTable('eligibility_rules').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** The red list types among the given codes (a rule's params.listTypeCodes must all be one). */
export const redListTypeCodes = (db: Executor, codes: readonly string[]) =>
  db.selectFrom('list_types').select('code').where('kind', '=', 'red').where('code', 'in', codes).execute();
