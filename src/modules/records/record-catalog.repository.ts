import type { Insertable, Updateable } from 'kysely';
import type {
  Executor,
  PenaltyClassesTable,
  RecordDomainsTable,
  Severity,
  SeverityRulesTable,
} from '../shared/index.ts';

// The SQL of the records catalog (record-catalog.usecases.ts, record-domain-departments.ts, record-terms.ts):
// severity rules, record domains and the mapping (domain, penalty type) → severity class.

export const listSeverityRuleRows = (db: Executor) => db.selectFrom('severity_rules').selectAll().execute();

export const findSeverityRule = (db: Executor, severity: Severity) =>
  db.selectFrom('severity_rules').selectAll().where('severity', '=', severity).executeTakeFirst();

/** The rule of a class that the mapping names: every class has one (seeded by migration), so none is a fault. */
export const severityRuleOf = (db: Executor, severity: Severity) =>
  db.selectFrom('severity_rules').selectAll().where('severity', '=', severity).executeTakeFirstOrThrow();

export const findSeverityRuleForUpdate = (db: Executor, severity: Severity) =>
  db.selectFrom('severity_rules').selectAll().where('severity', '=', severity).forUpdate().executeTakeFirst();

export const updateSeverityRule = (db: Executor, severity: Severity, changes: Updateable<SeverityRulesTable>) =>
  db.updateTable('severity_rules').set(changes).where('severity', '=', severity).execute();

export const listDomainRows = (db: Executor) => db.selectFrom('record_domains').selectAll().orderBy('code').execute();

/** Inserts a domain unless its code is taken; answers undefined when it was. */
export const insertDomainUnlessTaken = (db: Executor, row: Insertable<RecordDomainsTable>) =>
  db
    .insertInto('record_domains')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();

export const findDomainForUpdate = (db: Executor, code: string) =>
  db.selectFrom('record_domains').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();

/** Locks a domain's row (its code only) while its recording departments change. */
export const lockDomainCode = (db: Executor, code: string) =>
  db.selectFrom('record_domains').select('code').where('code', '=', code).forUpdate().executeTakeFirst();

export const domainExists = (db: Executor, code: string) =>
  db.selectFrom('record_domains').select('code').where('code', '=', code).executeTakeFirst();

export const updateDomain = (db: Executor, code: string, changes: Updateable<RecordDomainsTable>) =>
  db.updateTable('record_domains').set(changes).where('code', '=', code).execute();

/** Every department's id and code: sharing scopes are given by either and stored by code. */
export const departmentCodes = (db: Executor) => db.selectFrom('departments').select(['id', 'code']).execute();

export const departmentRefs = (db: Executor) => db.selectFrom('departments').select(['id', 'code', 'name']).execute();

export function listPenaltyClassRows(db: Executor, filter: { domain?: string }) {
  let q = db
    .selectFrom('penalty_classes')
    .innerJoin('record_domains', 'record_domains.code', 'penalty_classes.domain')
    .select([
      'penalty_classes.domain',
      'record_domains.name as domain_name',
      'penalty_classes.penalty_type',
      'penalty_classes.severity',
      'penalty_classes.updated_by',
      'penalty_classes.updated_at',
    ])
    .orderBy('penalty_classes.domain')
    .orderBy('penalty_classes.penalty_type');
  if (filter.domain) q = q.where('penalty_classes.domain', '=', filter.domain);
  return q.execute();
}

export const findPenaltyClass = (db: Executor, domain: string, penaltyType: string) =>
  db
    .selectFrom('penalty_classes')
    .select('severity')
    .where('domain', '=', domain)
    .where('penalty_type', '=', penaltyType)
    .executeTakeFirst();

export const findPenaltyClassForUpdate = (db: Executor, domain: string, penaltyType: string) =>
  db
    .selectFrom('penalty_classes')
    .select('severity')
    .where('domain', '=', domain)
    .where('penalty_type', '=', penaltyType)
    .forUpdate()
    .executeTakeFirst();

export const upsertPenaltyClass = (db: Executor, row: PenaltyClassesTable) =>
  db
    .insertInto('penalty_classes')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['domain', 'penalty_type'])
        .doUpdateSet({ severity: row.severity, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
