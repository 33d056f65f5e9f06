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
import * as departments from '../modules/departments/departments.repository.ts';
import * as disclosure from '../modules/disclosure/disclosure.repository.ts';
import * as dispatch from '../modules/dispatch/dispatch.repository.ts';
import * as eligibility from '../modules/eligibility/eligibility.repository.ts';
import * as entries from '../modules/entries/entries.repository.ts';
import * as expiry from '../modules/expiry/expiry.repository.ts';
import * as feedback from '../modules/feedback/feedback.repository.ts';
import * as jobs from '../modules/jobs/jobs.repository.ts';
import * as objections from '../modules/objections/objections.repository.ts';
import * as tracking from '../modules/public/tracking.repository.ts';
import * as records from '../modules/records/records.repository.ts';
import * as reminders from '../modules/reminders/reminders.repository.ts';
import * as repairs from '../modules/repairs/repairs.repository.ts';
import * as settings from '../modules/settings/settings.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import * as subjects from '../modules/subjects/subjects.repository.ts';
import * as tipoffs from '../modules/tipoffs/tipoffs.repository.ts';
import * as egress from '../modules/webhooks/egress.repository.ts';
import * as webhooks from '../modules/webhooks/webhooks.repository.ts';

// One case per exported query function of every src/modules/**/*.repository.ts, grouped by module in alphabetical
// order; a second case only where a branch of the function issues different SQL. Every value is a bound parameter,
// so the fixed dummy arguments below never reach the snapshot text.
//
// Not covered: catalog listTypeContent and measureContent, row mappers that issue no query. Every other export
// that issues queries has a case, check-index streamInEffect included: the recorder's DummyDriver accepts its
// transaction (begin/commit are driver calls and are not recorded) and answers the first fetch of each cursor with no
// rows, so its set/declare/fetch/close statements are recorded without a database. Its page size is inlined with
// sql.lit (FETCH takes no bind parameter); it is the fixed argument 1000 below, not a value that changes between runs.
// The recorder answers every query with no rows, so statements issued only after a row is found are not recorded:
// the deliveries insert of webhooks createDeliveries, the lease update of webhooks claimDue and the identity insert
// of subjects insertSubject.

const id = '01900000-0000-7000-8000-000000000001';
const otherId = '01900000-0000-7000-8000-000000000002';
const now = new Date('2026-06-01T02:00:00Z');
const later = new Date('2026-06-02T02:00:00Z');
const earlier = new Date('2026-05-31T02:00:00Z');

const listTypeContent: catalog.ListTypeContent = {
  code: 'tax_black',
  kind: 'black',
  name: '重大税收违法失信主体',
  legalBasis: '《重大税收违法失信主体信息公布管理办法》',
  basisLevel: 'regulation',
  identifyingDepartmentId: id,
  criteria: '认定标准',
  periodMonths: 36,
  earlyRemovalMonths: 24,
  removalConditions: '移出条件',
  removalProcedure: '移出程序',
  remedies: '救济途径',
  statementPeriodWorkingDays: 5,
  disclosure: { public: true, fields: ['name', 'uscc'], personIdentifiers: 'masked' },
  sharing: { departments: 'all' },
  sourceNote: '来源说明',
};
const measureContent: catalog.MeasureContent = {
  code: 'restrict_bidding',
  kind: 'sanction',
  title: '限制参与招标投标',
  content: '措施内容',
  legalBasis: '法律依据',
  implementingDepartmentId: id,
  listTypeIds: [id],
  subjectRoles: ['subject'],
  scenarios: ['bidding'],
  seedItem: null,
  active: true,
};
const dueFilter = { departmentId: id, today: '2026-06-01', before: '2026-06-03' };
const period = {
  fromInstant: earlier,
  toInstant: now,
  from: '2026-05-01',
  to: '2026-05-31',
  today: '2026-06-01',
  departmentId: id,
};

export const cases: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
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
      offset: 40,
    }),

  'departments: by id': (db) => departments.findDepartmentById(db, id),
  'departments: by code': (db) => departments.findDepartmentByCode(db, 'credit_office'),
  'departments: the credit office': (db) => departments.findCreditOffice(db),
  'departments: all': (db) => departments.listDepartments(db),
  'departments: insert': (db) =>
    departments.insertDepartment(db, { id, code: 'tax', name: '税务局', kind: 'member', created_at: now } as never),

  'disclosure: subjects by code': (db) => disclosure.subjectsByUscc(db, '91110000000000000X'),
  'disclosure: subjects by name': (db) => disclosure.subjectsByName(db, '某某公司'),
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
      offset: 40,
    }),
  'dispatch: inbox page, closed and not overdue': (db) =>
    dispatch.listDispatches(db, {
      departmentId: id,
      open: false,
      overdue: false,
      feedbackRequired: false,
      today: '2026-06-01',
      limit: 20,
      offset: 40,
    }),
  'dispatch: change feed page': (db) => dispatch.dispatchesAfter(db, id, 10n, 100),
  'dispatch: feedback counts': (db) => dispatch.feedbackCounts(db, [id]),

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
      offset: 40,
    }),
  'entries: persons of an entry': (db) => entries.personsOfEntry(db, id),
  'entries: measures of an entry': (db) => entries.measuresOfEntry(db, id),
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

  'objections: insert': (db) =>
    objections.insertObjection(db, {
      id,
      application_no: 'YY20260601000001',
      target_stream: 'entry',
      target_id: otherId,
      state: 'received',
      created_at: now,
      updated_at: now,
    } as never),
  'objections: by id': (db) => objections.findObjection(db, id),
  'objections: for update': (db) => objections.findObjectionForUpdate(db, id),
  'objections: by application number': (db) => objections.findObjectionByApplicationNo(db, 'YY20260601000001'),
  'objections: update with a decision': (db) =>
    objections.updateObjection(db, id, { state: 'decided', decision: { upheld: true }, updated_at: now } as never),
  'objections: another open objection on the target': (db) =>
    objections.otherOpenObjection(db, { stream: 'entry', id }, id),
  'objections: page with every filter': (db) =>
    objections.listObjections(db, { departmentId: id, state: 'received', origin: 'online', limit: 20, offset: 40 }),
  'objections: credit office department': (db) => objections.creditOfficeDepartmentId(db),

  'public: lock an application number': (db) => tracking.lockApplicationNo(db, 'YY20260601000001'),
  'public: recent failed lookups': (db) => tracking.recentFailures(db, 'YY20260601000001', earlier),
  'public: record a failed lookup': (db) => tracking.recordFailure(db, 'YY20260601000001', now, earlier),
  'public: tracking hash of an objection': (db) => tracking.trackingHashOf(db, 'objection', 'YY20260601000001'),
  'public: objection by number': (db) => tracking.objectionByNo(db, 'YY20260601000001'),
  'public: repair by number': (db) => tracking.repairByNo(db, 'XF20260601000001'),
  'public: tip-off by number': (db) => tracking.tipoffByNo(db, 'JB20260601000001'),

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
      offset: 40,
    }),
  'records: events of a record': (db) => records.eventsOfRecord(db, id),
  'records: domain by code': (db) => records.findDomain(db, 'tax'),
  'records: recording departments of domains': (db) => records.recordingDepartments(db, ['tax', 'market_regulation']),
  'records: whether a department records in a domain': (db) => records.holdsDomain(db, 'tax', id),
  'records: clear the recording departments of a domain': (db) => records.clearRecordingDepartments(db, 'tax'),
  'records: add recording departments to a domain': (db) => records.addRecordingDepartments(db, 'tax', [id, otherId]),

  'reminders: due rows of a department': (db) => reminders.dueRows(db, dueFilter, 100),
  'reminders: due counts of a department': (db) => reminders.dueCounts(db, dueFilter),
  "reminders: open items waiting for a year's calendar": (db) =>
    reminders.awaitingCalendarRows(db, dueFilter.departmentId),

  'repairs: insert': (db) =>
    repairs.insertRepair(db, {
      id,
      application_no: 'XF20260601000001',
      kind: 'early_removal',
      target_stream: 'entry',
      target_id: otherId,
      state: 'received',
      created_at: now,
    } as never),
  'repairs: by id': (db) => repairs.findRepair(db, id),
  'repairs: for update': (db) => repairs.findRepairForUpdate(db, id),
  'repairs: by application number': (db) => repairs.findRepairByApplicationNo(db, 'XF20260601000001'),
  'repairs: update with a decision': (db) =>
    repairs.updateRepair(db, id, { state: 'decided', decision: { granted: true }, updated_at: now } as never),
  'repairs: open application on the target': (db) => repairs.openRepairOf(db, { stream: 'record', id }),
  'repairs: page with every filter': (db) =>
    repairs.listRepairs(db, {
      departmentId: id,
      state: 'received',
      kind: 'early_removal',
      origin: 'online',
      limit: 20,
      offset: 40,
    }),

  'settings: deadlines': (db) => settings.listDeadlineSettings(db),
  'settings: deadline for update': (db) => settings.findDeadlineSettingForUpdate(db, 'feedback'),
  'settings: update a deadline': (db) =>
    settings.updateDeadlineSetting(db, 'feedback', {
      working_days: 5,
      source: '通知',
      updated_by: id,
      updated_at: now,
    }),

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
      offset: 40,
    }),
  'subjects: related persons of an organization': (db) => subjects.relatedPersonsOf(db, id),
  'subjects: link a related person': (db) =>
    subjects.linkRelatedPerson(db, {
      organization_id: id,
      person_id: otherId,
      role: 'legal_representative',
      created_at: now,
    }),

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
  'tipoffs: page with every filter': (db) =>
    tipoffs.listTipoffs(db, { departmentId: id, state: 'received', limit: 20, offset: 40 }),
  'tipoffs: attachment counts': (db) => tipoffs.attachmentCounts(db, [id]),
  'tipoffs: department by code': (db) => tipoffs.findDepartmentByCode(db, 'tax'),
  'tipoffs: credit office department': (db) => tipoffs.creditOfficeDepartment(db),
  'tipoffs: user by id': (db) => tipoffs.findUser(db, id),

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
    webhooks.listDeliveries(db, id, { state: 'pending', limit: 20, offset: 40 }),
  'webhooks: delivery of a webhook': (db) => webhooks.findDelivery(db, id, otherId),
  'webhooks: delivery for update': (db) => webhooks.findDeliveryForUpdate(db, id),
  'webhooks: attempts of deliveries': (db) => webhooks.attemptsOf(db, [id]),
  'webhooks: insert an attempt': (db) =>
    webhooks.insertAttempt(db, { id, delivery_id: otherId, attempted_at: now, status: 200 } as never),
  'webhooks: update a delivery': (db) =>
    webhooks.updateDelivery(db, id, { state: 'delivered', delivered_at: now, lease_until: null }),
  'webhooks: claim due deliveries': (db) => webhooks.claimDue(db, now, new Date(now.getTime() + 60_000), 20),
};
