import { z } from 'zod';
import { type EntryRow, type EntryState, findEntry, lockEntry, STATE_LABELS } from '../entries/index.ts';
import { conflict, type Executor, notFound, type Write } from '../shared/index.ts';
import { lockRecord, RECORD_STATE_LABELS, type RecordRow } from '../records/index.ts';
import * as repo from './targets.repository.ts';

// What an objection or a repair is about: a list entry or a dishonesty record. Both carry the deciding department
// (谁决定、谁负责), the subject and a state.

export const TARGET_STREAMS = ['entry', 'record'] as const;
export type TargetStream = (typeof TARGET_STREAMS)[number];

export const TargetRef = z
  .object({
    stream: z.enum(TARGET_STREAMS).describe('entry：名单记录；record：失信信息（如行政处罚）'),
    id: z.uuid(),
  })
  .meta({ id: 'TargetRef' });
export type TargetRef = z.infer<typeof TargetRef>;

export type Target = { stream: 'entry'; row: EntryRow } | { stream: 'record'; row: RecordRow };

export const targetLabel = (stream: TargetStream) => (stream === 'entry' ? '名单记录' : '失信信息');

export function targetStateLabel(target: Target): string {
  return target.stream === 'entry'
    ? (STATE_LABELS[target.row.state as EntryState] ?? target.row.state)
    : RECORD_STATE_LABELS[target.row.state];
}

/** Locks the target for the rest of the write; 404 when it does not exist. */
export async function lockTarget(w: Write, ref: TargetRef): Promise<Target> {
  if (ref.stream === 'entry') {
    const row = await lockEntry(w, ref.id);
    if (row) return { stream: 'entry', row };
  } else {
    const row = await lockRecord(w, ref.id);
    if (row) return { stream: 'record', row };
  }
  throw notFound(targetLabel(ref.stream), `${ref.stream}.not_found`);
}

export async function findTarget(db: Executor, ref: TargetRef): Promise<Target | undefined> {
  if (ref.stream === 'entry') {
    const row = await findEntry(db, ref.id);
    return row ? { stream: 'entry', row } : undefined;
  }
  const row = await repo.findRecord(db, ref.id);
  return row ? { stream: 'record', row } : undefined;
}

/** 409 naming the target's state unless it is one of `states`. */
export function assertTargetState(target: Target, states: { entry: string[]; record: string[] }, action: string): void {
  if (states[target.stream].includes(target.row.state)) return;
  throw conflict(
    `${target.stream}.invalid_state`,
    `该${targetLabel(target.stream)}当前状态为「${targetStateLabel(target)}」，不能${action}。`,
    { state: target.row.state },
  );
}

/** Publicly disclosed today: what the public may name in a filing or download a repair notice for. */
export async function isPubliclyDisclosed(db: Executor, target: Target, today: string): Promise<boolean> {
  if (target.stream === 'record') {
    const r = target.row;
    return r.state === 'in_effect' && r.disclosed && r.disclosure_end >= today;
  }
  const e = target.row;
  if (
    e.state !== 'in_effect' ||
    (e.start_date !== null && e.start_date > today) ||
    (e.end_date !== null && e.end_date < today)
  )
    return false;
  const listType = await repo.listTypeOfEntry(db, e.list_type_id);
  return listType?.disclosure.public === true;
}

/**
 * The publicly disclosed target a public filing names: by id, or by the decision/document number, in either case
 * belonging to the subject whose code the filer gave. Null when nothing visible matches.
 */
export async function findPublicTarget(
  db: Executor,
  input: { subjectId: string | null; ref?: TargetRef; documentNo?: string },
  today: string,
): Promise<Target | null> {
  if (!input.subjectId) return null;
  const candidates: Target[] = [];
  if (input.ref) {
    const found = await findTarget(db, input.ref);
    if (found) candidates.push(found);
  } else if (input.documentNo) {
    const no = input.documentNo.trim();
    const entries = await repo.entriesByDocumentNo(db, input.subjectId, no);
    const records = await repo.recordsByDecisionNo(db, input.subjectId, no);
    candidates.push(
      ...entries.map((row) => ({ stream: 'entry' as const, row })),
      ...records.map((row) => ({ stream: 'record' as const, row })),
    );
  }
  for (const c of candidates) {
    if (c.row.subject_id === input.subjectId && (await isPubliclyDisclosed(db, c, today))) return c;
  }
  return null;
}

export const refOf = (t: Target): TargetRef => ({ stream: t.stream, id: t.row.id });
