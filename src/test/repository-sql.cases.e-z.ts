// SQL snapshot cases of the modules eligibility … webhooks (the rules are in repository-sql.cases.ts); the party
// applications (applications, objections, public, repairs, tipoffs) have theirs in repository-sql.cases.applications.ts.
import type { Kysely } from 'kysely';
import * as eligibility from '../modules/eligibility/eligibility.repository.ts';
import * as entries from '../modules/entries/entries.repository.ts';
import * as expiry from '../modules/expiry/expiry.repository.ts';
import * as feedback from '../modules/feedback/feedback.repository.ts';
import * as jobs from '../modules/jobs/jobs.repository.ts';
import * as publicity from '../modules/publicity/publicity.repository.ts';
import * as records from '../modules/records/records.repository.ts';
import * as reminders from '../modules/reminders/reminders.repository.ts';
import * as settings from '../modules/settings/settings.repository.ts';
import * as siteName from '../modules/settings/site-name.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import * as subjects from '../modules/subjects/subjects.repository.ts';
import * as egress from '../modules/webhooks/egress.repository.ts';
import * as webhooks from '../modules/webhooks/webhooks.repository.ts';
import { id, otherId, now, earlier, dueFilter, period } from './repository-sql.fixtures.ts';

export const casesEtoZ: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'eligibility: rules': (db) => eligibility.listRules(db),
  'eligibility: rule by code': (db) => eligibility.findRuleByCode(db, 'bidding_clean'),
  'eligibility: rule by code for update': (db) => eligibility.findRuleByCodeForUpdate(db, 'bidding_clean'),
  'eligibility: insert a rule': (db) =>
    eligibility.insertRule(db, {
      id,
      code: 'bidding_clean',
      name: '招投标无不良记录',
      kind: 'clean_record',
      params: '{}',
      grants: '[]',
      active: true,
      created_at: now,
      updated_at: now,
    } as never),
  'eligibility: update a rule': (db) => eligibility.updateRule(db, id, { active: false, updated_at: now } as never),

  'entries: by id': (db) => entries.findEntry(db, id),
  'entries: subject of an entry (locked before the entry)': (db) => entries.subjectOfEntry(db, id),
  'entries: find for update': (db) => entries.findEntryForUpdate(db, id),
  'entries: insert': (db) =>
    entries.insertEntry(db, {
      id,
      subject_id: otherId,
      list_type_id: id,
      kind: 'black',
      department_id: id,
      state: 'draft',
      reason: '理由',
      created_at: now,
      updated_at: now,
    } as never),
  'entries: update': (db) => entries.updateEntry(db, id, { state: 'in_effect', updated_at: now }),
  'entries: set last version': (db) => entries.setLastVersion(db, id, 11n),
  'entries: of a subject in given states': (db) => entries.entriesOfSubject(db, id, 'black', ['in_effect']),
  'entries: page with every filter': (db) =>
    entries.listEntries(db, {
      departmentId: id,
      state: 'in_effect',
      kind: 'black',
      listTypeId: otherId,
      subjectId: id,
      limit: 20,
      after: { createdAt: now.toISOString(), id: otherId },
    }),
  'entries: first page': (db) => entries.listEntries(db, { limit: 20, after: null }),
  'entries: read models of a page (one query per related table)': (db) =>
    entries.entryViews(db, [
      { id, list_type_id: otherId, subject_id: otherId, department_id: otherId } as never,
      { id: otherId, list_type_id: otherId, subject_id: id, department_id: otherId } as never,
    ]),
  'entries: events of an entry': (db) => entries.eventsOfEntry(db, id),

  'expiry: claim expired entries': (db) => expiry.claimExpiredEntries(db, '2026-06-01', 200),
  'expiry: claim expired records': (db) => expiry.claimExpiredRecords(db, '2026-06-01', 200),
  'expiry: end an expired record': (db) => expiry.endExpiredRecord(db, id, earlier, now),

  'feedback: insert': (db) =>
    feedback.insertFeedback(db, {
      id,
      dispatch_id: otherId,
      entry_id: id,
      measure_id: id,
      department_id: otherId,
      applied: true,
      handled_date: '2026-06-01',
      created_at: now,
    } as never),
  'feedback: exists for a dispatch': (db) => feedback.hasFeedback(db, { dispatchId: id }, otherId, id),
  'feedback: exists for a check': (db) => feedback.hasFeedback(db, { checkId: id }, otherId, id),
  'feedback: with its refs': (db) => feedback.feedbackWithRefs(db).execute(),
  'feedback: of an entry': (db) => feedback.feedbackOfEntry(db, id),
  'feedback: view by id': (db) => feedback.findFeedbackView(db, id),
  'feedback: check of a department': (db) => feedback.checkOfDepartment(db, id, otherId),
  'feedback: measures the department implements': (db) => feedback.implementedMeasures(db, [id], otherId),
  'feedback: dispatch statistics of a department': (db) => feedback.dispatchStats(db, period),
  'feedback: measure statistics of a department': (db) => feedback.measureStats(db, period),
  'jobs: register': (db) => jobs.registerJob(db, 'expiry', 300000),
  'jobs: claim a due job with a free lease': (db) => jobs.claimJob(db, 'expiry', 'host:1:ab', 600000),
  'jobs: finish a run': (db) => jobs.finishJob(db, 'expiry', 'host:1:ab', { error: null, result: { records: 1 } }),
  'jobs: list': (db) => jobs.listJobs(db),

  'publicity: public entries in effect by kind': (db) => publicity.countPublicEntries(db, '2026-06-01'),
  'publicity: disclosed records': (db) => publicity.countDisclosedRecords(db, '2026-06-01'),
  'publicity: first page of a list': (db) => publicity.publicityRows(db, '2026-06-01', { kind: 'black' }, null, 20),
  'publicity: filtered page after a cursor': (db) =>
    publicity.publicityRows(
      db,
      '2026-06-01',
      { kind: 'black', listTypeCode: 'black_tax', departmentCode: 'tax', from: '2026-01-01', to: '2026-06-01' },
      { decisionDate: '2026-05-01', id },
      20,
    ),
  'publicity: exposure page': (db) =>
    publicity.publicityRows(db, '2026-06-01', { kind: 'black', exposedOnly: true }, null, 20),
  'publicity: public list types': (db) => publicity.publicListTypes(db),
  'publicity: list types for the policies page': (db) => publicity.policyListTypes(db),
  'publicity: active measures': (db) => publicity.activeMeasures(db),

  'records: by id': (db) => records.findRecord(db, id),
  'records: find for update': (db) => records.findRecordForUpdate(db, id),
  'records: by decision number': (db) => records.findByDecisionNo(db, id, '税罚〔2026〕1号'),
  'records: insert': (db) =>
    records.insertRecord(db, {
      id,
      subject_id: otherId,
      department_id: id,
      decision_no: '税罚〔2026〕1号',
      state: 'in_effect',
      created_at: now,
      updated_at: now,
    } as never),
  'records: update': (db) => records.updateRecord(db, id, { state: 'ended', updated_at: now }),
  'records: set last version': (db) => records.setLastVersion(db, id, 11n),
  'records: page with every filter': (db) =>
    records.listRecords(db, {
      departmentId: id,
      subjectId: otherId,
      state: 'in_effect',
      severity: 'serious',
      domain: 'tax',
      publicationLate: true,
      limit: 20,
      after: { createdAt: now.toISOString(), id: otherId },
    }),
  'records: first page': (db) => records.listRecords(db, { limit: 20, after: null }),
  'records: read models of a page (one query per related table)': (db) =>
    records.recordViews(db, [
      { id, subject_id: otherId, department_id: otherId, domain: 'tax' } as never,
      { id: otherId, subject_id: id, department_id: otherId, domain: 'tax' } as never,
    ]),
  'records: events of a record': (db) => records.eventsOfRecord(db, id),
  'records: domain by code': (db) => records.findDomain(db, 'tax'),
  'records: recording departments of domains': (db) => records.recordingDepartments(db, ['tax', 'market_regulation']),
  'records: whether a department records in a domain': (db) => records.holdsDomain(db, 'tax', id),
  'records: clear the recording departments of a domain': (db) => records.clearRecordingDepartments(db, 'tax'),
  'records: add recording departments to a domain': (db) => records.addRecordingDepartments(db, 'tax', [id, otherId]),

  'reminders: due rows of a department': (db) => reminders.dueRows(db, dueFilter, 100),
  'reminders: due rows after a cursor': (db) =>
    reminders.dueRows(db, dueFilter, 100, { dueDate: '2026-06-01', kind: 'objection', id }),
  'reminders: due counts of a department': (db) => reminders.dueCounts(db, dueFilter),
  "reminders: open items waiting for a year's calendar": (db) =>
    reminders.awaitingCalendarRows(db, dueFilter.departmentId),

  'settings: deadlines': (db) => settings.listDeadlineSettings(db),
  'settings: deadline for update': (db) => settings.findDeadlineSettingForUpdate(db, 'feedback'),
  'settings: update a deadline': (db) =>
    settings.updateDeadlineSetting(db, 'feedback', {
      working_days: 5,
      source: '通知',
      updated_by: id,
      updated_at: now,
    }),
  'settings: the site name': (db) => siteName.findSiteName(db),
  'settings: store the site name': (db) => siteName.saveSiteName(db, '信用历城', id, now),

  'subjects: by id': (db) => subjects.findSubject(db, id),
  'subjects: by code': (db) => subjects.findSubjectByUscc(db, '91110000000000000X'),
  'subjects: by citizen id digest': (db) => subjects.findSubjectByDigest(db, 'digest'),
  'subjects: lock': (db) => subjects.lockSubject(db, id),
  'subjects: insert': (db) =>
    subjects.insertSubject(
      db,
      { id, kind: 'person', name: '张三', name_key: '张三', created_at: now } as never,
      '110101199001011234',
    ),
  'subjects: search with every filter': (db) =>
    subjects.searchSubjects(db, {
      nameKey: '某某_50%',
      uscc: '91110000000000000X',
      digest: 'digest',
      limit: 20,
      afterId: otherId,
    }),
  'subjects: first page': (db) => subjects.searchSubjects(db, { limit: 20, afterId: null }),
  'subjects: related persons of an organization': (db) => subjects.relatedPersonsOf(db, id),
  'subjects: link a related person': (db) =>
    subjects.linkRelatedPerson(db, {
      organization_id: id,
      person_id: otherId,
      role: 'legal_representative',
      created_at: now,
    }),

  'webhooks: egress allow-list': (db) => egress.listAllowlist(db),
  'webhooks: egress allow patterns': (db) => egress.loadAllowPatterns(db),
  'webhooks: egress entry by id': (db) => egress.findAllowEntry(db, id),
  'webhooks: egress entry by pattern': (db) => egress.findAllowPattern(db, '*.example.gov.cn'),
  'webhooks: insert an egress entry': (db) =>
    egress.insertAllowEntry(db, { id, pattern: '*.example.gov.cn', created_by: otherId, created_at: now } as never),
  'webhooks: delete an egress entry': (db) => egress.deleteAllowEntry(db, id),
  'webhooks: create deliveries': (db) =>
    webhooks.createDeliveries(db, [{ id, department_id: otherId, event_version: 11n }], now),
  'webhooks: insert': (db) =>
    webhooks.insertWebhook(db, {
      id,
      department_id: otherId,
      url: 'https://hooks.example.gov.cn/credit',
      secret: 'secret',
      created_at: now,
    } as never),
  'webhooks: by id': (db) => webhooks.findWebhook(db, id),
  'webhooks: for update': (db) => webhooks.findWebhookForUpdate(db, id),
  'webhooks: of a department': (db) => webhooks.listWebhooks(db, id),
  'webhooks: disable': (db) => webhooks.disableWebhook(db, id, now),
  'webhooks: deliveries in a state': (db) =>
    webhooks.listDeliveries(db, id, { state: 'pending', limit: 20, after: { eventVersion: 41n, id: otherId } }),
  'webhooks: first page of deliveries': (db) => webhooks.listDeliveries(db, id, { limit: 20, after: null }),
  'webhooks: delivery of a webhook': (db) => webhooks.findDelivery(db, id, otherId),
  'webhooks: delivery for update': (db) => webhooks.findDeliveryForUpdate(db, id),
  'webhooks: attempts of deliveries': (db) => webhooks.attemptsOf(db, [id]),
  'webhooks: insert an attempt': (db) =>
    webhooks.insertAttempt(db, { id, delivery_id: otherId, attempted_at: now, status: 200 } as never),
  'webhooks: update a delivery': (db) =>
    webhooks.updateDelivery(db, id, { state: 'delivered', delivered_at: now, lease_until: null }),
  'webhooks: claim due deliveries': (db) => webhooks.claimDue(db, now, new Date(now.getTime() + 60_000), 20),
};
