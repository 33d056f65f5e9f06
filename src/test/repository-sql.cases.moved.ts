// SQL snapshot cases of the repository functions that took over the queries once written in use cases, jobs and
// routes (issue 9 item 4), grouped by module in alphabetical order (the rules are in repository-sql.cases.ts).
import type { Kysely } from 'kysely';
import * as installationKeys from '../app/installation-keys.repository.ts';
import * as demo from '../cli/demo.repository.ts';
import * as audit from '../modules/audit/audit.repository.ts';
import * as catalogBootstrap from '../modules/catalog/catalog-bootstrap.repository.ts';
import * as checkRecorder from '../modules/checks/check-recorder.repository.ts';
import * as commitmentLinks from '../modules/commitments/commitment-links.repository.ts';
import * as dispatchSources from '../modules/dispatch/dispatch-sources.repository.ts';
import * as eligibility from '../modules/eligibility/eligibility.repository.ts';
import * as entries from '../modules/entries/entries.repository.ts';
import * as entryLinks from '../modules/entries/entry-links.repository.ts';
import * as feedback from '../modules/feedback/feedback.repository.ts';
import * as recordCatalog from '../modules/records/record-catalog.repository.ts';
import * as attachments from '../modules/shared/attachments.repository.ts';
import * as ledger from '../modules/shared/ledger.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import * as tipoffs from '../modules/tipoffs/tipoffs.repository.ts';
import * as webhooks from '../modules/webhooks/webhooks.repository.ts';
import { id, otherId, now } from './repository-sql.fixtures.ts';

export const casesMoved: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'attachments: sealed under another key, to reseal': (db) =>
    attachments.sealedAttachmentsUnderOtherKeys(db, 'tipoff', 'k2', 100),
  'attachments: resealed': (db) =>
    attachments.updateAttachmentSeal(db, id, { content: Buffer.from('x'), key_id: 'k2', sha256: 'ab' }),

  'catalog bootstrap: any department': (db) => catalogBootstrap.anyDepartment(db),
  'catalog bootstrap: insert a department': (db) =>
    catalogBootstrap.insertSeedDepartment(db, { id, code: 'tax', name: '税务局', kind: 'department', created_at: now }),
  'catalog bootstrap: insert scenarios': (db) =>
    catalogBootstrap.insertScenarios(db, [{ code: 'bidding', name: '招标投标' }]),
  'catalog bootstrap: insert the recording departments of domains': (db) =>
    catalogBootstrap.insertRecordDomainHolders(db, [{ domain: 'tax', department_id: id }]),

  'check recorder: checks already recorded': (db) => checkRecorder.knownCheckIds(db, [id, otherId]),
  'check recorder: audit link of a check set aside': (db) => checkRecorder.setAsideLink(db, id),
  'check recorder: last audit sequence number': (db) => checkRecorder.lastAuditSeq(db),
  'check recorder: insert a batch': (db) => checkRecorder.insertCheckBatch(db, '[]', '10'),

  'commitment links: record domain': (db) => commitmentLinks.domainCode(db, 'tax'),
  'commitment links: repair of a commitment': (db) => commitmentLinks.repairOfCommitment(db, id),
  'commitment links: target of a repair': (db) => commitmentLinks.repairTarget(db, id),
  'commitment links: subject of a record': (db) => commitmentLinks.subjectOfTarget(db, 'records', id),
  'commitment links: subject of an entry': (db) => commitmentLinks.subjectOfTarget(db, 'entries', id),
  'commitment links: record for update': (db) => commitmentLinks.findRecordForUpdate(db, id),
  'commitment links: restore a record': (db) => commitmentLinks.restoreRecord(db, id, '2029-06-01', now),

  'dispatch sources: entry': (db) => dispatchSources.findEntryRow(db, id),
  'dispatch sources: record': (db) => dispatchSources.findRecordRow(db, id),
  'dispatch sources: subject as shared': (db) => dispatchSources.sharedSubject(db, id),
  'dispatch sources: list type': (db) => dispatchSources.listTypeRef(db, id),
  'dispatch sources: department': (db) => dispatchSources.departmentRef(db, id),
  'dispatch sources: measures of an entry': (db) => dispatchSources.entryMeasures(db, id),
  'dispatch sources: sharing scope of a domain': (db) => dispatchSources.domainSharing(db, 'tax'),
  'dispatch sources: departments with their kinds': (db) => dispatchSources.departmentKinds(db),

  'eligibility: red list types among codes': (db) => eligibility.redListTypeCodes(db, ['honest_taxpayer']),

  'entry links: measures by id': (db) => entryLinks.measuresByIds(db, [id, otherId]),
  'entry links: incentive measures in force': (db) => entryLinks.activeIncentiveMeasures(db),
  'entry links: link a related person': (db) => entryLinks.linkEntryPerson(db, id, otherId, 'legalRepresentative'),
  'entry links: insert the measures of an entry': (db) =>
    entryLinks.insertEntryMeasures(db, id, [{ id: otherId, version: 2 }]),
  'entry links: serious record of a subject in effect': (db) => entryLinks.seriousRecordInEffect(db, id, '2026-06-01'),

  'feedback: entry with its department': (db) => feedback.entryOwner(db, id),
  'feedback: departments by code': (db) => feedback.departmentsByCode(db),

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

  'webhooks: webhook of a delivery': (db) => webhooks.webhookOfDelivery(db, id),
  'webhooks: dispatch of a delivery': (db) => webhooks.dispatchOfDelivery(db, id),
  'webhooks: whether a department exists': (db) => webhooks.departmentExists(db, id),

  'entries: liftings ended before a day': (db) => entries.entriesWithLiftingEndedBefore(db, '2026-06-01', 100),

  'tipoffs: reporters sealed under another key, to reseal': (db) => tipoffs.tipoffsSealedUnderOtherKeys(db, 'k2', 100),

  'audit: whether the database has audit rows': (db) => audit.hasAuditRows(db),

  'demo: loaded already': (db) => demo.demoLoaded(db),
  'demo: departments': (db) => demo.departmentRefs(db),
  'demo: accounts skip the first password change': (db) => demo.skipPasswordChange(db, id),
  'demo: list type by code': (db) => demo.listTypeIdByCode(db, 'tax_black').catch(() => undefined),
  'demo: sanctions': (db) => demo.sanctionMeasures(db),

  'installation keys: table present': (db) => installationKeys.hasInstallationKeysTable(db),
  'installation keys: stored fingerprints': (db) => installationKeys.storedFingerprints(db),
  'installation keys: adopt a fingerprint': (db) =>
    installationKeys.adoptFingerprint(db, { purpose: 'server', fingerprint: 'ab', adopted_at: now }),

  'ledger: current data version': (db) => ledger.currentDataVersion(db).catch(() => undefined),
  'ledger: events after a version': (db) => ledger.eventsAfter(db, 10n, 1000),
  'ledger: a notification outside a write': (db) => ledger.sendNotification(db, 'credlink_events', 'ping:1'),
};
