import { leaveRedLists } from '../entries/index.ts';
import type { Kysely } from 'kysely';
import {
  type Actor,
  chinaDate,
  type Clock,
  type DB,
  forbidden,
  hasRole,
  json,
  notFound,
  type RecordPublication,
  type Secrets,
  seesAllDepartments,
  byCreation,
  toPage,
  uuidv7,
  type WorkingCalendar,
  write,
  type Write,
} from '../shared/index.ts';
import { dueOrPending } from '../deadlines/index.ts';
import { resolveSubject, type SubjectInput } from '../subjects/index.ts';
import { domainNotHeld, holdsDomain } from './record-domain-departments.ts';
import { recordTerms } from './record-terms.ts';
import { dateInFuture, duplicateDecisionNo, unknownDomain } from './records.errors.ts';
import * as repo from './records.repository.ts';

export interface RecordDeps {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
  actor: Actor;
  calendar: { get(): WorkingCalendar };
}

/** Department staff see their own department's records; the credit office, administrators and auditors see all. */
export const canSeeRecord = (actor: Actor, record: { department_id: string }) =>
  seesAllDepartments(actor) || actor.departmentId === record.department_id;

export async function getRecord(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  const record = await repo.findRecord(deps.db, id);
  if (!record || !canSeeRecord(deps.actor, record)) throw notFound('失信信息', 'record.not_found');
  return { record };
}

/** A page of the records the actor may see, newest first, as read models (a constant number of queries). */
export async function listRecords(
  deps: { db: Kysely<DB>; actor: Actor },
  query: Omit<Parameters<typeof repo.listRecords>[1], 'departmentId' | 'after'> & { cursor?: string },
) {
  const { cursor, ...filter } = query;
  const departmentId = seesAllDepartments(deps.actor) ? undefined : deps.actor.departmentId;
  const rows = await repo.listRecords(deps.db, {
    ...filter,
    departmentId,
    after: byCreation.after(cursor),
  });
  const page = toPage(rows, query.limit, byCreation.key);
  return { records: await repo.recordViews(deps.db, page.rows), nextCursor: page.nextCursor };
}

/** The read model of one record, as a list shows it. */
export const recordView = async (db: Kysely<DB>, record: repo.RecordRow) => (await repo.recordViews(db, [record]))[0]!;

export async function recordHistory(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  await getRecord(deps, id);
  return { events: await repo.eventsOfRecord(deps.db, id) };
}

export interface CreateRecordInput {
  subject: SubjectInput;
  domain: string;
  decisionNo: string;
  decisionDate: string;
  facts: string;
  basis: string;
  penaltyType: string;
  amount?: string;
  discloseMinor?: boolean;
}

/**
 * A department records one of its own penalty decisions, in a domain it records in (403 otherwise); it takes effect
 * at once (state in_effect).
 */
export async function createRecord(deps: RecordDeps, input: CreateRecordInput) {
  if (!hasRole(deps.actor, 'operator', 'reviewer'))
    throw forbidden('只有部门经办或审核人员可以记录本部门的失信信息。', 'record.forbidden');
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    // Only in a domain the credit office gave the department (an unknown domain is refused below, naming the field).
    const domain = await repo.findDomain(w.tx, input.domain);
    if (domain && !(await holdsDomain(w.tx, domain.code, deps.actor.departmentId))) throw domainNotHeld(domain.name);
    const subject = await resolveSubject(w, deps, input.subject, 'subject');
    return insertNewRecord(
      w,
      {
        ...input,
        subjectId: subject.id,
        departmentId: deps.actor.departmentId,
        state: 'in_effect',
        createdBy: deps.actor.ref,
      },
      deps.calendar.get(),
    );
  });
  return getRecord(deps, result);
}

export interface NewRecordInput {
  subjectId: string;
  departmentId: string;
  domain: string;
  decisionNo: string;
  decisionDate: string;
  facts: string;
  basis: string;
  penaltyType: string;
  amount?: string | null;
  discloseMinor?: boolean;
  /** in_effect: recorded by the department; proposed: from a broken commitment, for the reviewer to decide. */
  state: 'in_effect' | 'proposed';
  sourceCommitmentId?: string | null;
  createdBy: string;
}

/**
 * Inserts a record inside the caller's write, with its severity class and periods from the catalog
 * (docs/domain/rules.md §3), and its event (record.created or record.proposed) and audit row. Validates before writing:
 * an unknown domain, an unclassified penalty type or a decision date in the future answers 422 naming the field, a
 * decision number the department already used 409. Other parts (a broken commitment) call it with state 'proposed'.
 */
export async function insertNewRecord(w: Write, input: NewRecordInput, calendar?: WorkingCalendar): Promise<string> {
  if (input.decisionDate > chinaDate(w.now)) throw dateInFuture();
  const domain = await repo.findDomain(w.tx, input.domain);
  if (!domain) throw unknownDomain(input.domain);
  const terms = await recordTerms(w.tx, input);
  if (calendar)
    terms.rule.publication = publicationTerms(
      calendar,
      input.decisionDate,
      domain.disclosure_working_days,
      chinaDate(w.now),
    );
  if (await repo.findByDecisionNo(w.tx, input.departmentId, input.decisionNo))
    throw duplicateDecisionNo(input.decisionNo);
  const id = uuidv7(w.now.getTime());
  const inserted = await repo.insertRecord(w.tx, {
    id,
    subject_id: input.subjectId,
    department_id: input.departmentId,
    domain: input.domain,
    decision_no: input.decisionNo,
    decision_date: input.decisionDate,
    facts: input.facts,
    basis: input.basis,
    penalty_type: input.penaltyType,
    amount: input.amount ?? null,
    severity: terms.severity,
    rule: json(terms.rule),
    disclosed: terms.disclosed,
    earliest_repair_date: terms.earliestRepairDate,
    disclosure_end: terms.disclosureEnd,
    state: input.state,
    ended_reason: null,
    ended_note: null,
    ended_at: null,
    objection_pending: false,
    repair_id: null,
    source_commitment_id: input.sourceCommitmentId ?? null,
    created_by: input.createdBy,
    created_at: w.now,
    updated_at: w.now,
    last_version: '0',
  });
  // Two requests with one decision number: the unique index decides, the loser is told as if it came second.
  if (!inserted) throw duplicateDecisionNo(input.decisionNo);
  const record = { id, department_id: input.departmentId };
  recordChange(w, record, input.state === 'in_effect' ? 'record.created' : 'record.proposed', {
    state: input.state,
    subjectId: input.subjectId,
    domain: input.domain,
    decisionNo: input.decisionNo,
    decisionDate: input.decisionDate,
    penaltyType: input.penaltyType,
    amount: input.amount ?? null,
    severity: terms.severity,
    ruleVersion: terms.rule.ruleVersion,
    disclosed: terms.disclosed,
    earliestRepairDate: terms.earliestRepairDate,
    disclosureEnd: terms.disclosureEnd,
    sourceCommitmentId: input.sourceCommitmentId ?? null,
  });
  if (input.state === 'in_effect' && terms.severity === 'serious')
    await leaveRedLists(w, input.subjectId, { recordId: id });
  return id;
}

/** Whether the department recorded (and so disclosed) the decision within the 双公示 working days of its date. */
function publicationTerms(
  calendar: WorkingCalendar,
  decisionDate: string,
  workingDays: number,
  recordedOn: string,
): RecordPublication {
  const { due_date: dueDate } = dueOrPending(calendar, decisionDate, workingDays);
  return { workingDays, dueDate, late: dueDate === null ? null : recordedOn > dueDate };
}

/**
 * Every change of a record: the event on stream 'record' (followers reload the row), the audit row, and the row's
 * last data version once it is assigned. Other parts changing a record (objection, repair, expiry) call it too.
 */
export function recordChange(
  w: Write,
  record: { id: string; department_id: string },
  type: string,
  payload: Record<string, unknown>,
  effectiveAt?: Date,
) {
  w.event({ stream: 'record', streamId: record.id, type, departmentId: record.department_id, payload, effectiveAt });
  w.audit({ action: type, target: `record:${record.id}`, details: payload });
  w.afterAppend(async (events) => {
    const last = events.filter((e) => e.stream === 'record' && e.streamId === record.id).at(-1);
    if (last) await repo.setLastVersion(w.tx, record.id, last.version);
  });
}
