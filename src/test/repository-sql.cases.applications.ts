// SQL snapshot cases of the party applications: applications, objections, public tracking, repairs, tip-offs (the
// rules are in repository-sql.cases.ts).
import type { Kysely } from 'kysely';
import * as applications from '../modules/applications/applications.repository.ts';
import * as targets from '../modules/applications/targets.repository.ts';
import * as objections from '../modules/objections/objections.repository.ts';
import * as tracking from '../modules/public/tracking.repository.ts';
import * as repairs from '../modules/repairs/repairs.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import * as tipoffs from '../modules/tipoffs/tipoffs.repository.ts';
import { id, otherId, now, earlier } from './repository-sql.fixtures.ts';

const cursor = ['2026-06-01T02:00:00.000Z', id] as const;

export const casesApplications: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'applications: insert an objection': (db) =>
    applications.insertApplication(db, 'objections', {
      id,
      application_no: 'YY20260601000001',
      target_stream: 'entry',
      target_id: otherId,
      state: 'received',
      created_at: now,
      updated_at: now,
    }),
  'applications: insert a repair': (db) =>
    applications.insertApplication(db, 'repairs', { id, application_no: 'XF20260601000001', kind: 'repair' }),
  'applications: by id': (db) => applications.findApplication(db, 'objections', id),
  'applications: for update': (db) => applications.findApplicationForUpdate(db, 'repairs', id),
  'applications: by application number': (db) => applications.findApplicationByNo(db, 'objections', 'YY20260601000001'),
  'applications: update with a decision': (db) =>
    applications.updateApplication(db, 'repairs', id, { state: 'approved', decision: { a: 1 }, updated_at: now }),
  'applications: another open one on the target': (db) =>
    applications.openOnTarget(db, 'objections', { stream: 'entry', id }, ['received'], otherId),
  'applications: open one on the target': (db) =>
    applications.openOnTarget(db, 'repairs', { stream: 'record', id }, ['received', 'accepted']),
  'applications: first page': (db) => applications.listApplications(db, 'objections', { limit: 50, after: null }),
  'applications: page with every filter': (db) =>
    applications.listApplications(db, 'repairs', {
      departmentId: id,
      state: 'received',
      kind: 'repair',
      origin: 'public',
      limit: 20,
      after: cursor,
    }),
  'applications: assign the target': (db) =>
    applications.assignTarget(db, 'objections', id, { stream: 'entry', id: otherId, departmentId: id }, now),
  'applications: decided upward filings': (db) =>
    applications.upwardDecided(db, 'repairs', { origins: ['credit_china'], since: earlier, limit: 100 }),
  'applications: earliest dates of repairs': (db) => applications.earliestDates(db, [id]),
  'applications: credit office department': (db) => applications.creditOfficeDepartmentId(db),
  'applications: files of many applications': (db) => applications.attachmentsOf(db, 'objection', [id, otherId]),

  'applications: subject by USCC': (db) =>
    targets.subjectIdByCode(db, { uscc: '91370100MA3C000000', citizenIdDigest: null }),
  'applications: subject by citizen ID digest': (db) =>
    targets.subjectIdByCode(db, { uscc: null, citizenIdDigest: 'ab' }),
  'applications: person named by an entry': (db) => targets.isPersonOfEntry(db, id, otherId),
  'applications: record by id': (db) => targets.findRecord(db, id),
  'applications: entries by document number': (db) => targets.entriesByDocumentNo(db, id, '鲁市监罚〔2026〕1号'),
  'applications: records by decision number': (db) => targets.recordsByDecisionNo(db, id, '鲁市监罚〔2026〕1号'),
  'applications: list type of an entry': (db) => targets.listTypeOfEntry(db, id),

  'objections: remedies of a list type': (db) => objections.listTypeRemedies(db, id),

  'public: lock an application number': (db) => tracking.lockApplicationNo(db, 'YY20260601000001'),
  'public: recent failed lookups': (db) => tracking.recentFailures(db, 'YY20260601000001', earlier),
  'public: record a failed lookup': (db) => tracking.recordFailure(db, 'YY20260601000001', now, earlier),
  'public: tracking hash of an objection': (db) => tracking.trackingHashOf(db, 'objection', 'YY20260601000001'),
  'public: objection by number': (db) => tracking.objectionByNo(db, 'YY20260601000001'),
  'public: repair by number': (db) => tracking.repairByNo(db, 'XF20260601000001'),
  'public: tip-off by number': (db) => tracking.tipoffByNo(db, 'JB20260601000001'),

  'repairs: commitment codes': (db) => repairs.commitmentCodes(db, [id, null]),
  'repairs: kind of a subject': (db) => repairs.subjectKind(db, id),
  'repairs: name of a list type': (db) => repairs.listTypeName(db, id),

  'tipoffs: insert': (db) =>
    tipoffs.insertTipoff(db, {
      id,
      application_no: 'JB20260601000001',
      subject: '某某公司',
      department_id: otherId,
      anonymous: false,
      content: '内容',
      state: 'received',
      created_at: now,
    } as never),
  'tipoffs: by id': (db) => tipoffs.findTipoff(db, id),
  'tipoffs: for update': (db) => tipoffs.findTipoffForUpdate(db, id),
  'tipoffs: sealed reporter': (db) => tipoffs.findSealedReporter(db, id),
  'tipoffs: update': (db) => tipoffs.updateTipoff(db, id, { state: 'closed', updated_at: now } as never),
  'tipoffs: first page': (db) => tipoffs.listTipoffs(db, { limit: 50, after: null }),
  'tipoffs: page with every filter': (db) =>
    tipoffs.listTipoffs(db, { departmentId: id, state: 'received', limit: 20, after: cursor }),
  'tipoffs: attachment counts': (db) => tipoffs.attachmentCounts(db, [id]),
  'tipoffs: handlers by id': (db) => tipoffs.handlerNames(db, [id]),
  'tipoffs: files of a tip-off': (db) => tipoffs.filesOfTipoff(db, id),
  'tipoffs: one file of a tip-off': (db) => tipoffs.fileOfTipoff(db, id, otherId),
  'tipoffs: department by code': (db) => tipoffs.findDepartmentByCode(db, 'tax'),
  'tipoffs: credit office department': (db) => tipoffs.creditOfficeDepartment(db),
  'tipoffs: user by id': (db) => tipoffs.findUser(db, id),
};
