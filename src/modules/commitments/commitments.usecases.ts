import type { Kysely } from 'kysely';
import {
  type Actor,
  type Clock,
  type CommitmentType,
  type DB,
  forbidden,
  hasRole,
  inspectIdentifier,
  json,
  notFound,
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
import type { Due } from '../deadlines/index.ts';
import { resolveSubject, type SubjectInput } from '../subjects/index.ts';
import { newCommitmentCode } from './commitment-code.ts';
import * as links from './commitment-links.repository.ts';
import * as repo from './commitments.repository.ts';
import type { CreateCommitmentInput } from './commitments.schemas.ts';

export interface CommitmentDeps {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
  config: { divisionCode: string };
  actor: Actor;
}

/** Department staff record commitments; so do business systems with the department's API key. */
export const RECORDERS: Role[] = ['operator', 'reviewer', 'system'];

export function requireRecorder(actor: Actor) {
  if (actor.kind === 'system' || !hasRole(actor, ...RECORDERS)) {
    throw forbidden('只有部门经办、审核人员或部门业务系统可以登记信用承诺。', 'commitment.forbidden');
  }
}

export const canSee = (actor: Actor, c: { department_id: string }) =>
  seesAllDepartments(actor) || actor.departmentId === c.department_id;

export interface NewCommitment {
  subject: SubjectInput;
  type: CommitmentType;
  content: string;
  liability: string;
  term: { start: string; end?: string | null };
  matter?: { name: string; number: string } | null;
  repairId?: string | null;
  due?: Due | null;
  /** Extra event payload (e.g. the 容缺受理 details). */
  details?: Record<string, unknown>;
}

/**
 * Inserts a commitment with a new 20-character code, in the caller's write, with its event and audit row. Other
 * features (credit repair) call it inside their own write to record the applicant's commitment.
 */
export async function insertNewCommitment(
  w: Write,
  deps: { secrets: Secrets; config: { divisionCode: string }; actor: Actor },
  input: NewCommitment,
) {
  if (input.term.end && input.term.end < input.term.start) {
    throw unprocessable('commitment.term_invalid', '承诺期限截止日不能早于起始日。', { field: 'term.end' });
  }
  const subject = await resolveSubject(w, deps, input.subject, 'subject');
  if (input.repairId) await assertRepairOfSubject(w, deps.actor, input.repairId, subject.id);
  const id = uuidv7(w.now.getTime());
  const code = await newCommitmentCode(w.tx, deps.config.divisionCode, w.now);
  await repo.insertCommitment(w.tx, {
    id,
    code,
    subject_id: subject.id,
    department_id: deps.actor.departmentId,
    type: input.type,
    content: input.content,
    liability: input.liability,
    term_start: input.term.start,
    term_end: input.term.end ?? null,
    matter: input.matter ? json(input.matter) : null,
    state: 'open',
    fulfilment: null,
    record_id: null,
    repair_id: input.repairId ?? null,
    due_from: input.due?.due_from ?? null,
    due_days: input.due?.due_days ?? null,
    due_date: input.due?.due_date ?? null,
    closed_at: null,
    created_by: deps.actor.ref,
    created_at: w.now,
    updated_at: w.now,
  });
  const payload = {
    code,
    type: input.type,
    state: 'open',
    subjectId: subject.id,
    termStart: input.term.start,
    termEnd: input.term.end ?? null,
    repairId: input.repairId ?? null,
    dueDate: input.due?.due_date ?? null,
    ...input.details,
  };
  recordCommitmentChange(w, { id, department_id: deps.actor.departmentId }, 'commitment.recorded', payload);
  return { id, code };
}

/** A repair commitment belongs to a repair handled by the same department, about the same subject. */
async function assertRepairOfSubject(w: Write, actor: Actor, repairId: string, subjectId: string) {
  const repair = await links.repairOfCommitment(w.tx, repairId);
  if (!repair || repair.department_id !== actor.departmentId) {
    throw unprocessable('commitment.unknown_repair', '信用修复申请不存在，或不由本部门办理。', { field: 'repairId' });
  }
  if (repair.target_stream && repair.target_id) {
    const table = repair.target_stream === 'record' ? 'records' : 'entries';
    const target = await links.subjectOfTarget(w.tx, table, repair.target_id);
    if (target && target.subject_id !== subjectId) {
      throw unprocessable('commitment.repair_subject_mismatch', '承诺主体与信用修复申请所涉主体不一致。', {
        field: 'subject',
      });
    }
  }
}

export function recordCommitmentChange(
  w: Write,
  c: { id: string; department_id: string },
  type: string,
  payload: Record<string, unknown>,
) {
  w.event({ stream: 'commitment', streamId: c.id, type, departmentId: c.department_id, payload });
  w.audit({ action: type, target: `commitment:${c.id}`, details: payload });
}

export async function createCommitment(deps: CommitmentDeps, input: CreateCommitmentInput) {
  requireRecorder(deps.actor);
  if (input.repairId && input.type !== 'repair') {
    throw unprocessable('commitment.repair_type_required', '只有信用修复型承诺可以关联信用修复申请。', {
      field: 'repairId',
    });
  }
  const { result } = await write(deps, deps.actor.ref, (w) => insertNewCommitment(w, deps, input));
  return getCommitment(deps, result.id);
}

export async function getCommitment(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  const commitment = await repo.findCommitment(deps.db, id);
  if (!commitment || !canSee(deps.actor, commitment)) throw notFound('信用承诺', 'commitment.not_found');
  return { commitment };
}

export async function getCommitmentByCode(deps: { db: Kysely<DB>; actor: Actor }, code: string) {
  const commitment = await repo.findCommitmentByCode(deps.db, code);
  if (!commitment || !canSee(deps.actor, commitment)) throw notFound('信用承诺', 'commitment.not_found');
  return { commitment };
}

/** A page of the commitments the actor may see, newest first, as read models (a constant number of queries). */
export async function listCommitments(
  deps: { db: Kysely<DB>; actor: Actor },
  query: { subjectId?: string; uscc?: string; state?: string; type?: string; limit: number; cursor?: string },
) {
  const { cursor, ...filter } = query;
  const departmentId = seesAllDepartments(deps.actor) ? undefined : deps.actor.departmentId;
  const uscc = query.uscc ? (inspectIdentifier(query.uscc).normalized ?? query.uscc) : undefined;
  const rows = await repo.listCommitments(deps.db, {
    ...filter,
    uscc,
    departmentId,
    after: byCreation.after(cursor),
  });
  const page = toPage(rows, query.limit, byCreation.key);
  return { commitments: await repo.commitmentViews(deps.db, page.rows), nextCursor: page.nextCursor };
}

/** The read model of one commitment, as a list shows it. */
export const commitmentView = async (db: Kysely<DB>, commitment: repo.CommitmentRow) =>
  (await repo.commitmentViews(db, [commitment]))[0]!;

/**
 * The repair a commitment was made for ended without approval (rejected, not accepted, withdrawn): its open
 * commitments lapse. Nothing was granted on them, so they can be neither kept nor broken.
 */
export async function lapseRepairCommitments(
  w: Write,
  repair: { id: string; application_no: string },
  outcome: string,
) {
  for (const c of await repo.openCommitmentsOfRepairForUpdate(w.tx, repair.id)) {
    await repo.updateCommitment(w.tx, c.id, { state: 'lapsed', closed_at: w.now, updated_at: w.now });
    recordCommitmentChange(w, c, 'commitment.lapsed', {
      state: 'lapsed',
      previousState: c.state,
      repairId: repair.id,
      applicationNo: repair.application_no,
      outcome,
    });
  }
}
