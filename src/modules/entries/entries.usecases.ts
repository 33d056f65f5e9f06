import type { Kysely } from 'kysely';
import {
  type Actor,
  addCalendarDays,
  chinaDate,
  type Clock,
  type DB,
  forbidden,
  hasRole,
  json,
  notFound,
  requireRole,
  type Role,
  type Secrets,
  seesAllDepartments,
  byCreation,
  toPage,
  unprocessable,
  uuidv7,
  write,
  type Write,
} from '../shared/index.ts';
import { findListType, type ListTypeRow } from '../catalog/index.ts';
import { lockSubject, resolveSubject, type SubjectInput } from '../subjects/index.ts';
import { roleRequired } from './entries.errors.ts';
import * as repo from './entries.repository.ts';
import * as links from './entry-links.repository.ts';
import { assertTransition, type EndReason, type Transition } from './entries.states.ts';

export interface EntryDeps {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
  actor: Actor;
}

const PREPARERS: Role[] = ['operator', 'reviewer'];
const DECIDERS: Role[] = ['reviewer'];

/** Department staff see their own department's entries; the credit office, administrators and auditors see all. */
export function canSee(actor: Actor, entry: { department_id: string }): boolean {
  return seesAllDepartments(actor) || actor.departmentId === entry.department_id;
}

export async function getEntry(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  const entry = await repo.findEntry(deps.db, id);
  if (!entry || !canSee(deps.actor, entry)) throw notFound('名单记录', 'entry.not_found');
  return { entry };
}

/** A page of the entries the actor may see, newest first, as read models (a constant number of queries). */
export async function listEntries(
  deps: { db: Kysely<DB>; actor: Actor },
  query: Omit<Parameters<typeof repo.listEntries>[1], 'departmentId' | 'after'> & { cursor?: string },
) {
  const { cursor, ...filter } = query;
  const departmentId = seesAllDepartments(deps.actor) ? undefined : deps.actor.departmentId;
  const rows = await repo.listEntries(deps.db, {
    ...filter,
    departmentId,
    after: byCreation.after(cursor),
  });
  const page = toPage(rows, query.limit, byCreation.key);
  return { entries: await repo.entryViews(deps.db, page.rows), nextCursor: page.nextCursor };
}

/** The read model of one entry, as a list shows it. */
export const entryView = async (db: Kysely<DB>, entry: repo.EntryRow) => (await repo.entryViews(db, [entry]))[0]!;

export async function entryHistory(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  await getEntry(deps, id);
  return { events: await repo.eventsOfEntry(deps.db, id) };
}

/** A black-list entry in effect now (its period not over in China time) excludes every red list. */
export async function blackEntryInEffect(w: Write, subjectId: string) {
  const today = chinaDate(w.now);
  return (await repo.entriesOfSubject(w.tx, subjectId, 'black', ['in_effect'])).find(
    (e) => !e.end_date || e.end_date >= today,
  );
}

/** A serious dishonesty record in effect also excludes every red list (docs/domain/rules.md §2). */
export async function seriousRecordInEffect(w: Write, subjectId: string) {
  return links.seriousRecordInEffect(w.tx, subjectId, chinaDate(w.now));
}

/**
 * Starts an entry: a black-list draft, or a red-list nomination. Only the department that identifies for the
 * list type may start one. A subject on a black list cannot be nominated (checked under the subject lock).
 */
export async function createEntry(
  deps: EntryDeps,
  input: { listTypeId: string; subject: SubjectInput; reason: string },
) {
  requireRole(deps.actor, ...PREPARERS);
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const listType = await findListType(w.tx, input.listTypeId);
    if (!listType) throw unprocessable('entry.unknown_list_type', '名单类型不存在。', { field: 'listTypeId' });
    if (listType.identifying_department_id !== deps.actor.departmentId) {
      throw unprocessable(
        'entry.not_identifying_department',
        `「${listType.name}」由其认定部门发起，本部门不能列入。`,
        { field: 'listTypeId' },
      );
    }
    const subject = await resolveSubject(w, deps, input.subject, 'subject');
    await lockSubject(w.tx, subject.id);
    if (listType.kind === 'red' && (await blackEntryInEffect(w, subject.id))) {
      throw unprocessable('entry.subject_on_black_list', '该主体正被列入严重失信主体名单，不能推荐列入红名单。', {
        field: 'subject',
      });
    }
    if (listType.kind === 'red' && (await seriousRecordInEffect(w, subject.id))) {
      throw unprocessable(
        'entry.subject_has_serious_record',
        '该主体有尚在公示期内的严重失信信息，不能推荐列入红名单。',
        { field: 'subject' },
      );
    }
    const id = uuidv7(w.now.getTime());
    const state = listType.kind === 'black' ? 'draft' : 'nominated';
    await repo.insertEntry(w.tx, {
      id,
      kind: listType.kind,
      list_type_id: listType.id,
      list_type_version: listType.version,
      subject_id: subject.id,
      department_id: deps.actor.departmentId,
      state,
      reason: input.reason,
      notice: null,
      statement: null,
      decision: null,
      review: null,
      decision_date: null,
      document_no: null,
      basis_document_no: null,
      basis_document_date: null,
      start_date: null,
      end_date: null,
      period_rule: null,
      ended_reason: null,
      ended_note: null,
      ended_at: null,
      objection_pending: false,
      measures_lifted: null,
      created_by: deps.actor.id,
      created_at: w.now,
      updated_at: w.now,
      last_version: '0',
    });
    recordChange(
      w,
      { id, department_id: deps.actor.departmentId },
      listType.kind === 'black' ? 'entry.drafted' : 'entry.nominated',
      {
        state,
        listTypeId: listType.id,
        subjectId: subject.id,
        reason: input.reason,
      },
    );
    return id;
  });
  return getEntry(deps, result);
}

export interface StepContext {
  w: Write;
  entry: repo.EntryRow;
  listType: ListTypeRow;
}
export interface StepResult {
  changes: Partial<Record<keyof repo.EntryRow, unknown>>;
  type: string;
  payload: Record<string, unknown>;
  effectiveAt?: Date;
}

/**
 * One lifecycle step: lock the subject, then the entry, check visibility, department, role and current state, apply
 * the change, and record it as an event and an audit row in the same transaction.
 *
 * The subject comes first, always: a black-list publication holds the subject and then ends the subject's red-list
 * entries, so a red-list step that locked its entry before the subject could deadlock with it on PostgreSQL.
 */
export async function step(
  deps: EntryDeps,
  entryId: string,
  transition: Transition,
  roles: Role[],
  apply: (c: StepContext) => Promise<StepResult>,
) {
  await write(deps, deps.actor.ref, async (w) => {
    const subjectId = await repo.subjectOfEntry(w.tx, entryId);
    if (subjectId !== undefined) await lockSubject(w.tx, subjectId);
    const entry = await repo.findEntryForUpdate(w.tx, entryId);
    if (!entry || !canSee(deps.actor, entry)) throw notFound('名单记录', 'entry.not_found');
    if (entry.department_id !== deps.actor.departmentId)
      throw forbidden('只有作出认定的部门可以办理该名单记录（谁决定、谁负责）。', 'entry.other_department');
    if (!hasRole(deps.actor, ...roles)) throw roleRequired(transition, roles);
    assertTransition(entry.state, transition);
    const listType = (await findListType(w.tx, entry.list_type_id))!;
    const result = await apply({ w, entry, listType });
    await repo.updateEntry(w.tx, entry.id, { ...serialize(result.changes), updated_at: w.now });
    recordChange(w, entry, result.type, result.payload, result.effectiveAt);
  });
  return getEntry(deps, entryId);
}

export function recordChange(
  w: Write,
  entry: { id: string; department_id: string },
  type: string,
  payload: Record<string, unknown>,
  effectiveAt?: Date,
) {
  w.event({ stream: 'entry', streamId: entry.id, type, departmentId: entry.department_id, payload, effectiveAt });
  w.audit({ action: type, target: `entry:${entry.id}`, details: payload });
  w.afterAppend(async (events) => {
    const last = events.filter((e) => e.streamId === entry.id).at(-1);
    if (last) await repo.setLastVersion(w.tx, entry.id, last.version);
  });
}

function serialize(changes: Partial<Record<keyof repo.EntryRow, unknown>>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes))
    out[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? json(v) : v;
  return out;
}

/** The instant a day begins in China time: when a validity that starts on it takes effect. */
export const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The instant a period ends: the start of the day after its last day, in China time. */
export const endOfPeriod = (lastDay: string) => new Date(`${addCalendarDays(lastDay, 1)}T00:00:00+08:00`);

/** Ends an entry: expiry, repair, revocation or correction. Only the deciding department's reviewer. */
export async function endEntry(
  deps: EntryDeps,
  entryId: string,
  input: { reason: Exclude<EndReason, 'rejected' | 'superseded_by_black'>; note?: string },
) {
  return step(deps, entryId, 'ending', DECIDERS, async ({ w, entry, listType }) => {
    const today = chinaDate(w.now);
    if (input.reason !== 'expired' && !input.note)
      throw unprocessable('entry.note_required', '撤销、更正或信用修复须说明理由。', { field: 'note' });
    if (entry.state !== 'in_effect' && input.reason !== 'revoked') {
      throw unprocessable('entry.only_revocable', '尚未生效的名单记录只能撤销。', { field: 'reason' });
    }
    let effectiveAt: Date | undefined;
    if (input.reason === 'expired') {
      if (!entry.end_date || entry.end_date >= today)
        throw unprocessable('entry.not_expired', `名单期限至 ${entry.end_date} 届满，尚未到期。`, { field: 'reason' });
      effectiveAt = endOfPeriod(entry.end_date);
    }
    if (input.reason === 'repaired') {
      const earliest =
        (entry.period_rule as { earliestRemovalDate?: string | null } | null)?.earliestRemovalDate ?? null;
      if (listType.early_removal_months === null || earliest === null)
        throw unprocessable('entry.no_early_removal', `「${listType.name}」不适用提前移出。`, { field: 'reason' });
      if (today < earliest)
        throw unprocessable('entry.early_removal_not_yet', `最早可于 ${earliest} 申请提前移出。`, {
          field: 'reason',
          earliestRemovalDate: earliest,
        });
    }
    return {
      changes: {
        state: 'ended',
        ended_reason: input.reason,
        ended_note: input.note ?? null,
        ended_at: effectiveAt ?? w.now,
      },
      type: 'entry.ended',
      payload: { state: 'ended', reason: input.reason, note: input.note ?? null, previousState: entry.state },
      effectiveAt,
    };
  });
}

export { DECIDERS, PREPARERS };
