import type { Kysely } from 'kysely';
import {
  type Actor,
  addCalendarDays,
  chinaDate,
  type Clock,
  type DB,
  type Executor,
  notFound,
  requireRole,
  unprocessable,
  uuidv7,
  write,
} from '../shared/index.ts';
import { searchKey } from './name-grams.ts';
import { normalizeSubjectName } from './names.ts';
import * as names from './subject-names.repository.ts';
import type { NameChangeInput, StatusChangeInput } from './subject-names.schemas.ts';
import * as repo from './subjects.repository.ts';

// Names over time (曾用名) and registration status (存续/注销). Only the credit office and administrators change
// them: they follow the registration authority's records, not a department's decision.

const KEEPERS = ['credit_office', 'admin'] as const;

/** The first name of a new subject: current, since a day not recorded; it takes the subject's id. */
export const recordFirstName = (db: Executor, subject: repo.SubjectRow, now: Date) =>
  names.insertName(
    db,
    {
      id: subject.id,
      subject_id: subject.id,
      name: subject.name,
      search_key: searchKey(subject.name),
      valid_from: null,
      valid_to: null,
      created_at: now,
    },
    subject.kind === 'person',
  );

async function lockedSubject(tx: Executor, id: string) {
  if (!(await repo.lockSubject(tx, id))) throw notFound('主体', 'subject.not_found');
  return (await repo.findSubject(tx, id))!;
}

/** A new current name from a day; the name it replaces becomes a former name ending the day before. */
export async function renameSubject(
  deps: { db: Kysely<DB>; clock: Clock; actor: Actor },
  id: string,
  input: NameChangeInput,
) {
  requireRole(deps.actor, ...KEEPERS);
  const name = input.name.trim();
  await write(deps, deps.actor.ref, async (w) => {
    const subject = await lockedSubject(w.tx, id);
    if (input.validFrom > chinaDate(w.now))
      throw unprocessable('subject.date_in_future', '更名日期不能晚于今天：请在名称变更登记后再登记新名称。', {
        field: 'validFrom',
      });
    if (normalizeSubjectName(name) === subject.name_key)
      throw unprocessable('subject.name_unchanged', '新名称与现用名称相同，无需变更。', { field: 'name' });
    const current = (await names.namesOf(w.tx, id)).find((n) => n.valid_to === null);
    if (current?.valid_from && input.validFrom <= current.valid_from)
      throw unprocessable(
        'subject.name_date_order',
        `新名称的启用日期应晚于现用名称的启用日期（${current.valid_from}）。`,
        { field: 'validFrom' },
      );
    await names.closeCurrentName(w.tx, id, addCalendarDays(input.validFrom, -1));
    await names.insertName(
      w.tx,
      {
        id: uuidv7(w.now.getTime()),
        subject_id: id,
        name,
        search_key: searchKey(name),
        valid_from: input.validFrom,
        valid_to: null,
        created_at: w.now,
      },
      subject.kind === 'person',
    );
    await names.setSubjectName(w.tx, id, name, normalizeSubjectName(name), w.now);
    const details = { from: subject.name, to: name, validFrom: input.validFrom };
    w.event({ stream: 'subject', streamId: id, type: 'subject.renamed', payload: details });
    w.audit({ action: 'subject.renamed', target: `subject:${id}`, details });
  });
}

/** 存续 or 注销 from a day. A person has no registration status. */
export async function changeSubjectStatus(
  deps: { db: Kysely<DB>; clock: Clock; actor: Actor },
  id: string,
  input: StatusChangeInput,
) {
  requireRole(deps.actor, ...KEEPERS);
  await write(deps, deps.actor.ref, async (w) => {
    const subject = await lockedSubject(w.tx, id);
    if (subject.kind === 'person')
      throw unprocessable('subject.status_not_applicable', '自然人没有存续、注销等登记状态。', { field: 'status' });
    if (input.status === subject.status)
      throw unprocessable(
        'subject.status_unchanged',
        input.status === 'active' ? '该主体已是存续状态。' : '该主体已是注销状态。',
        { field: 'status' },
      );
    if (input.date > chinaDate(w.now))
      throw unprocessable('subject.date_in_future', '状态变更日期不能晚于今天。', { field: 'date' });
    await names.setSubjectStatus(w.tx, id, input.status, input.date, w.now);
    const details = { from: subject.status, to: input.status, date: input.date };
    w.event({ stream: 'subject', streamId: id, type: 'subject.status_changed', payload: details });
    w.audit({ action: 'subject.status_changed', target: `subject:${id}`, details });
  });
}

export const subjectNames = (deps: { db: Kysely<DB> }, id: string) => names.namesOf(deps.db, id);
