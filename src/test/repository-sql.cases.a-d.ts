// SQL snapshot cases of the modules audit … dispatch (the rules are in repository-sql.cases.ts).
import type { Kysely } from 'kysely';
import * as audit from '../modules/audit/audit.repository.ts';
import * as apiKeys from '../modules/auth/api-keys.repository.ts';
import * as loginAttempts from '../modules/auth/login-attempts.repository.ts';
import * as sessions from '../modules/auth/sessions.repository.ts';
import * as users from '../modules/auth/users.repository.ts';
import * as calendar from '../modules/catalog/calendar.repository.ts';
import * as catalog from '../modules/catalog/catalog.repository.ts';
import * as checkIndex from '../modules/checks/check-index.repository.ts';
import * as checkRetention from '../modules/checks/check-retention.repository.ts';
import * as commitments from '../modules/commitments/commitments.repository.ts';
import * as deadlines from '../modules/deadlines/deadlines.repository.ts';
import * as departments from '../modules/departments/departments.repository.ts';
import * as disclosure from '../modules/disclosure/disclosure.repository.ts';
import * as dispatch from '../modules/dispatch/dispatch.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import { id, otherId, now, later, earlier, listTypeContent, measureContent } from './repository-sql.fixtures.ts';

export const casesAtoD: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'audit: ledger head': (db) => audit.readAuditHead(db),
  'audit: latest checkpoint': (db) => audit.latestCheckpoint(db),
  'audit: insert a checkpoint': (db) =>
    audit.insertCheckpoint(db, { seq: 10n, hash: 'h', signed_at: now, key_id: 'k1', signature: 's' }),
  'audit: rows after a sequence number': (db) => audit.auditRowsAfter(db, 10n, 20n, 100),
  'audit: checkpoints after a sequence number': (db) => audit.checkpointsAfter(db, 10n, 20n, 100),
  'audit: check records after a position': (db) =>
    audit.checkRecordsAfter(db, { auditSeq: 10n, checkId: id }, 20n, 100),
  'audit: first page of check records': (db) => audit.checkRecordsAfter(db, null, 20n, 100),
  'audit: page of the log': (db) => audit.listAuditRows(db, 10n, 100),
  'audit: check records purged through': (db) => audit.checkRecordsPurgedThrough(db),
  'checks: oldest check batches': (db) => checkRetention.oldestCheckBatches(db, 50),
  'checks: delete check records through a batch': (db) => checkRetention.deleteCheckRecordsThrough(db, 20n),
  'checks: lock the retention job': (db) => checkRetention.lockRetention(db),

  'auth: insert an API key': (db) =>
    apiKeys.insertApiKey(db, {
      id,
      prefix: 'ck_abc',
      secretHash: 'hash',
      name: 'key',
      departmentId: id,
      createdBy: otherId,
      now,
      expiresAt: later,
    }),
  'auth: API key by id': (db) => apiKeys.findApiKeyById(db, id),
  'auth: API keys of a department': (db) => apiKeys.listApiKeys(db, { departmentId: id }),
  'auth: active API keys by id': (db) => apiKeys.listActiveApiKeys(db, [id]),
  'auth: revoke an API key': (db) => apiKeys.markApiKeyRevoked(db, id, now),
  'auth: insert a session': (db) =>
    sessions.insertSession(db, { id, tokenHash: 'hash', userId: otherId, now, expiresAt: later }),
  'auth: session by token hash': (db) => sessions.findSessionByTokenHash(db, 'hash'),
  'auth: touch a session': (db) => sessions.touchSession(db, id, now),
  'auth: revoke a session': (db) => sessions.revokeSession(db, id, now, 'logout'),
  'auth: revoke the sessions of a user but one': (db) =>
    sessions.revokeUserSessions(db, id, now, 'password_changed', otherId),
  'auth: serialize login attempts from an address': (db) => loginAttempts.lockAddress(db, '203.0.113.7'),
  'auth: failed logins of a username from an address': (db) =>
    loginAttempts.pairFailures(db, 'alice', '203.0.113.7', earlier),
  'auth: recent failed logins from an address': (db) => loginAttempts.addressFailures(db, '203.0.113.7', earlier, 20),
  'auth: failed logins of a username from every address': (db) => loginAttempts.accountFailures(db, 'alice', earlier),
  'auth: record a failed login': (db) => loginAttempts.recordFailure(db, 'alice', '203.0.113.7', now),
  'auth: forget failed logins no limit needs': (db) => loginAttempts.forgetFailures(db, earlier),
  'auth: a success ends the streak of its address': (db) => loginAttempts.clearPairFailures(db, 'alice', '203.0.113.7'),
  'auth: user by username': (db) => users.findUserByUsername(db, 'alice'),
  'auth: user by id': (db) => users.findUserById(db, id),
  'auth: users of a department': (db) => users.listUsers(db, { departmentId: id }),
  'auth: count users': (db) => users.countUsers(db),
  'auth: insert a user': (db) =>
    users.insertUser(db, {
      id,
      username: 'alice',
      displayName: 'Alice',
      departmentId: otherId,
      roles: ['admin'],
      passwordHash: 'hash',
      mustChangePassword: true,
      now,
    }),
  'auth: update a user': (db) =>
    users.updateUser(db, id, {
      displayName: 'Alice',
      roles: ['admin'],
      disabledAt: now,
      passwordHash: 'hash',
      mustChangePassword: false,
      passwordChangedAt: now,
    }),

  'catalog: calendar seed': (db) => calendar.readCalendarSeed(db),
  'catalog: calendar of a year': (db) => calendar.listCalendarYear(db, 2026),
  'catalog: replace a calendar year': (db) =>
    calendar.replaceCalendarYear(db, {
      year: 2026,
      source: '国务院办公厅通知',
      now,
      holidays: [{ date: '2026-10-01', name: '国庆节' }],
      workdays: [{ date: '2026-10-10', name: '调休' }],
    }),
  'catalog: first version of a list type': (db) =>
    catalog.saveListTypeVersion(db, { id, version: 1, content: listTypeContent, actor: otherId, now }),
  'catalog: later version of a list type': (db) =>
    catalog.saveListTypeVersion(db, { id, version: 2, content: listTypeContent, actor: otherId, now }),
  'catalog: first version of a measure': (db) =>
    catalog.saveMeasureVersion(db, { id, version: 1, content: measureContent, actor: otherId, now }),
  'catalog: later version of a measure': (db) =>
    catalog.saveMeasureVersion(db, { id, version: 2, content: measureContent, actor: otherId, now }),
  'catalog: list type by id': (db) => catalog.findListType(db, id),
  'catalog: list type for update': (db) => catalog.findListTypeForUpdate(db, id),
  'catalog: measure for update': (db) => catalog.findMeasureForUpdate(db, id),
  'catalog: measure by id': (db) => catalog.findMeasure(db, id),
  'catalog: list types of a kind': (db) => catalog.listListTypes(db, { kind: 'black' }),
  'catalog: measures by kind, list type and scenario': (db) =>
    catalog.listMeasures(db, { kind: 'sanction', listTypeId: id, scenario: 'bidding' }),
  'catalog: list type by code': (db) => catalog.findListTypeByCode(db, 'tax_black'),
  'catalog: measure by code': (db) => catalog.findMeasureByCode(db, 'restrict_bidding'),
  'catalog: departments': (db) => catalog.listDepartments(db),
  'catalog: list type refs': (db) => catalog.listListTypeRefs(db),
  'catalog: scenarios': (db) => catalog.listScenarios(db),
  'catalog: list type version': (db) => catalog.findListTypeVersion(db, id, 2),
  'catalog: measure version': (db) => catalog.findMeasureVersion(db, id, 2),
  'catalog: refs for presenters': (db) => catalog.loadCatalogRefs(db),

  'check index: entries in effect by id': (db) => checkIndex.entriesByIds(db, [id]),
  'check index: persons named by entries': (db) => checkIndex.personsByEntryIds(db, [id]),
  'check index: entries of subjects': (db) => checkIndex.entryIdsOfSubjects(db, [id]),
  'check index: records shared by id': (db) => checkIndex.recordsByIds(db, [id], '2026-06-01'),
  'check index: records of subjects': (db) => checkIndex.recordIdsOfSubjects(db, [id]),
  'check index: catalog': (db) => checkIndex.catalogRows(db),
  'check index: stream everything in effect': (db) =>
    checkIndex.streamInEffect(db, 1000, '2026-06-01', {
      entries() {},
      persons() {},
      records() {},
    }),

  'commitments: by id': (db) => commitments.findCommitment(db, id),
  'commitments: by code': (db) => commitments.findCommitmentByCode(db, 'CN2026060100001'),
  'commitments: for update': (db) => commitments.findCommitmentForUpdate(db, id),
  'commitments: open ones of a repair, for update': (db) => commitments.openCommitmentsOfRepairForUpdate(db, id),
  'commitments: insert': (db) =>
    commitments.insertCommitment(db, {
      id,
      code: 'CN2026060100001',
      subject_id: otherId,
      department_id: id,
      state: 'in_force',
      created_at: now,
      updated_at: now,
    } as never),
  'commitments: update': (db) => commitments.updateCommitment(db, id, { state: 'fulfilled', updated_at: now } as never),
  'commitments: page with every filter': (db) =>
    commitments.listCommitments(db, {
      departmentId: id,
      subjectId: otherId,
      uscc: '91110000000000000X',
      state: 'in_force',
      type: 'application',
      limit: 20,
      after: { createdAt: now.toISOString(), id: otherId },
    }),
  'commitments: first page': (db) => commitments.listCommitments(db, { limit: 20, after: null }),
  'commitments: read models of a page (subjects, departments)': (db) =>
    commitments.commitmentViews(db, [
      { id, subject_id: otherId, department_id: otherId } as never,
      { id: otherId, subject_id: id, department_id: otherId } as never,
    ]),

  'deadlines: working days of a setting': (db) => deadlines.findDeadlineDays(db, 'objection'),
  'deadlines: lock the served notices': (db) => deadlines.lockServedNotices(db),
  'deadlines: set an entry notice': (db) => deadlines.setEntryNotice(db, id, { statementDue: '2026-06-08' }, now),
  'deadlines: set the last version of an entry': (db) => deadlines.setEntryLastVersion(db, id, 11n),
  'deadlines: open due rows of a table': (db) => deadlines.openDueRows(db, 'repairs'),
  'deadlines: move due dates': (db) =>
    deadlines.moveDueDates(db, 'repairs', [{ id, due_from: '2026-06-01', due_days: 5, to: '2026-06-08' }]),

  'departments: by id': (db) => departments.findDepartmentById(db, id),
  'departments: by code': (db) => departments.findDepartmentByCode(db, 'credit_office'),
  'departments: the credit office': (db) => departments.findCreditOffice(db),
  'departments: references of many, by id': (db) => departments.departmentRefsByIds(db, [id, otherId, id]),
  'departments: all': (db) => departments.listDepartments(db),
  'departments: insert': (db) =>
    departments.insertDepartment(db, { id, code: 'tax', name: '税务局', kind: 'member', created_at: now } as never),

  'disclosure: subjects by code': (db) => disclosure.subjectsByUscc(db, '91110000000000000X'),
  'disclosure: subjects by name': (db) => disclosure.subjectsByName(db, '某某公司'),
  'disclosure: subject by id': (db) => disclosure.subjectById(db, id),
  'disclosure: records disclosed today': (db) => disclosure.disclosedRecords(db, [id], '2026-06-01'),
  'disclosure: entries disclosed today': (db) => disclosure.disclosedEntries(db, [id], '2026-06-01'),
  'disclosure: persons of entries': (db) => disclosure.personsOfEntries(db, [id]),

  'dispatch: lock the cursor': (db) => dispatch.lockCursor(db, 'dispatch'),
  'dispatch: advance the cursor': (db) => dispatch.advanceCursor(db, 'dispatch', 11n, now),
  'dispatch: read the cursor': (db) => dispatch.readCursor(db, 'dispatch'),
  'dispatch: events after the cursor': (db) => dispatch.eventsAfter(db, 10n, 500),
  'dispatch: earlier receivers': (db) => dispatch.receiversOf(db, 'entry', id),
  'dispatch: insert dispatches': (db) =>
    dispatch.insertDispatches(db, [
      {
        id,
        department_id: otherId,
        event_version: '11',
        stream: 'entry',
        stream_id: id,
        created_at: now,
      },
    ] as never),
  'dispatch: by id': (db) => dispatch.findDispatch(db, id),
  'dispatch: for update': (db) => dispatch.findDispatchForUpdate(db, id),
  'dispatch: close': (db) => dispatch.closeDispatch(db, id, now),
  'dispatch: inbox page, open and overdue': (db) =>
    dispatch.listDispatches(db, {
      departmentId: id,
      open: true,
      overdue: true,
      feedbackRequired: true,
      today: '2026-06-01',
      limit: 20,
      after: { eventVersion: 41n, departmentId: otherId },
    }),
  'dispatch: inbox page, closed and not overdue': (db) =>
    dispatch.listDispatches(db, {
      departmentId: id,
      open: false,
      overdue: false,
      feedbackRequired: false,
      today: '2026-06-01',
      limit: 20,
      after: null,
    }),
  'dispatch: read models of a page (departments, feedback counts)': (db) =>
    dispatch.dispatchViews(db, [
      { id, department_id: otherId } as never,
      { id: otherId, department_id: otherId } as never,
    ]),
  'dispatch: change feed page': (db) => dispatch.dispatchesAfter(db, id, 10n, 100),
  'dispatch: feedback counts': (db) => dispatch.feedbackCounts(db, [id]),
};
