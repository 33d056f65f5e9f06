// SQL snapshot cases of the repository functions that took over the queries once written in use cases, jobs and
// routes (issue 9 item 4), grouped by module in alphabetical order (the rules are in repository-sql.cases.ts).
import type { Kysely } from 'kysely';
import * as dispatchSources from '../modules/dispatch/dispatch-sources.repository.ts';
import * as recordCatalog from '../modules/records/record-catalog.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import { id, now } from './repository-sql.fixtures.ts';

export const casesMoved: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'dispatch sources: entry': (db) => dispatchSources.findEntryRow(db, id),
  'dispatch sources: record': (db) => dispatchSources.findRecordRow(db, id),
  'dispatch sources: subject as shared': (db) => dispatchSources.sharedSubject(db, id),
  'dispatch sources: list type': (db) => dispatchSources.listTypeRef(db, id),
  'dispatch sources: department': (db) => dispatchSources.departmentRef(db, id),
  'dispatch sources: measures of an entry': (db) => dispatchSources.entryMeasures(db, id),
  'dispatch sources: sharing scope of a domain': (db) => dispatchSources.domainSharing(db, 'tax'),
  'dispatch sources: departments with their kinds': (db) => dispatchSources.departmentKinds(db),

  'records catalog: severity rules': (db) => recordCatalog.listSeverityRuleRows(db),
  'records catalog: severity rule': (db) => recordCatalog.findSeverityRule(db, 'serious'),
  'records catalog: severity rule that must exist': (db) => recordCatalog.severityRuleOf(db, 'serious'),
  'records catalog: severity rule for update': (db) => recordCatalog.findSeverityRuleForUpdate(db, 'serious'),
  'records catalog: update a severity rule': (db) =>
    recordCatalog.updateSeverityRule(db, 'serious', {
      min_months: 12,
      max_months: 36,
      disclosed_by_default: true,
      rule_version: '2026-06-01',
      source: '来源',
      updated_at: now,
    }),
  'records catalog: domains': (db) => recordCatalog.listDomainRows(db),
  'records catalog: insert a domain unless its code is taken': (db) =>
    recordCatalog.insertDomainUnlessTaken(db, {
      code: 'tax',
      name: '税务',
      sharing: '{"departments":"all"}',
      disclosure_working_days: 7,
      updated_at: now,
    }),
  'records catalog: domain for update': (db) => recordCatalog.findDomainForUpdate(db, 'tax'),
  'records catalog: lock a domain': (db) => recordCatalog.lockDomainCode(db, 'tax'),
  'records catalog: whether a domain exists': (db) => recordCatalog.domainExists(db, 'tax'),
  'records catalog: update a domain': (db) =>
    recordCatalog.updateDomain(db, 'tax', {
      name: '税务',
      sharing: '{"departments":"all"}',
      disclosure_working_days: 7,
      updated_at: now,
    }),
  'records catalog: department codes': (db) => recordCatalog.departmentCodes(db),
  'records catalog: department references': (db) => recordCatalog.departmentRefs(db),
  'records catalog: penalty classes': (db) => recordCatalog.listPenaltyClassRows(db, {}),
  'records catalog: penalty classes of a domain': (db) => recordCatalog.listPenaltyClassRows(db, { domain: 'tax' }),
  'records catalog: penalty class': (db) => recordCatalog.findPenaltyClass(db, 'tax', 'fine'),
  'records catalog: penalty class for update': (db) => recordCatalog.findPenaltyClassForUpdate(db, 'tax', 'fine'),
  'records catalog: set a penalty class': (db) =>
    recordCatalog.upsertPenaltyClass(db, {
      domain: 'tax',
      penalty_type: 'fine',
      severity: 'general',
      updated_by: 'user:alice',
      updated_at: now,
    }),
};
