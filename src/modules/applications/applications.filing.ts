import {
  chinaDate,
  type DecodedAttachment,
  type FilingKind,
  json,
  newApplicationNo,
  newTrackingSecret,
  type Origin,
  requireRole,
  storeAttachments,
  unprocessable,
  uuidv7,
  type WorkingCalendar,
  write,
  type Write,
} from '../shared/index.ts';
import { newDue, type DeadlineKey } from '../deadlines/index.ts';
import * as repo from './applications.repository.ts';
import { FILERS, type ApplicationDeps, type ApplicationKind, type PublicDeps } from './applications.usecases.ts';
import { assertPartyOfTarget, parseParty, subjectOfParty, type PartyInput, type StoredParty } from './party.ts';
import { assertUpwardFiling, departmentFor, type UpwardOrigin } from './routing.ts';
import { assertTargetState, findPublicTarget, lockTarget, refOf, type Target, type TargetRef } from './targets.ts';

/** A new filing's identity: its id, its public number (YY…, XF…, JB…) and its tracking secret, shown once. */
export async function newFiling(w: Write, kind: FilingKind) {
  const id = uuidv7(w.now.getTime());
  const applicationNo = await newApplicationNo(w.tx, kind, w.now);
  return { id, applicationNo, ...newTrackingSecret() };
}

/** What every application carries when it is filed, whatever its kind. */
export interface NewApplication {
  target: Target | null;
  departmentId: string;
  origin: Origin;
  originRef: string | null;
  filedDepartmentId: string | null;
  party: StoredParty & { namedTarget?: unknown };
  files: DecodedAttachment[];
}

/** The kind's own part of a filing: its deadline, its columns and what its event says beyond the common part. */
export interface KindFiling {
  dueKey: DeadlineKey;
  columns: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** Runs after the row and files are stored, before the filing is announced (e.g. marking the target). */
  stored?: (filed: { id: string; applicationNo: string }) => Promise<void>;
}

/** Inserts the application with its number, secret, deadline and files, and announces it. */
export async function insertFiling(
  w: Write,
  calendar: { get(): WorkingCalendar },
  kind: ApplicationKind<repo.ApplicationTable>,
  input: NewApplication,
  own: KindFiling,
) {
  const { id, applicationNo, secret, hash } = await newFiling(w, kind.stream);
  const due = await newDue(w.tx, calendar.get(), own.dueKey, chinaDate(w.now));
  const ref = input.target ? refOf(input.target) : null;
  await repo.insertApplication(w.tx, kind.table, {
    id,
    application_no: applicationNo,
    target_stream: ref?.stream ?? null,
    target_id: ref?.id ?? null,
    department_id: input.departmentId,
    origin: input.origin,
    origin_ref: input.originRef,
    filed_by: w.actor,
    filed_department_id: input.filedDepartmentId,
    party: json(input.party),
    state: 'received',
    decision: null,
    decided_at: null,
    tracking_hash: hash,
    ...due,
    closed_at: null,
    created_at: w.now,
    updated_at: w.now,
    ...own.columns,
  });
  await storeAttachments(w.tx, { stream: kind.stream, id }, input.files, w.now);
  await own.stored?.({ id, applicationNo });
  const payload = { applicationNo, origin: input.origin, target: ref, ...own.payload, dueDate: due.due_date };
  w.event({
    stream: kind.stream,
    streamId: id,
    type: `${kind.stream}.filed`,
    departmentId: input.departmentId,
    payload,
  });
  w.audit({
    action: `${kind.stream}.filed`,
    target: `${kind.stream}:${id}`,
    details: { ...payload, attachments: input.files.length },
  });
  return { id, applicationNo, trackingSecret: secret };
}

/** How the public names its target: by id (with its stream) or by a decision/document number. */
export interface PublicFilingTarget {
  stream?: TargetRef['stream'];
  id?: string;
  documentNo?: string;
}

/** The target as the filer named it: by id (with its stream) or by a decision/document number. */
export function namedTargetOf(t: PublicFilingTarget) {
  if (t.id && !t.stream)
    throw unprocessable(
      'filing.target_stream_required',
      '按编号指明对象时，须同时说明是名单记录（entry）还是失信信息（record）。',
      { field: 'target.stream' },
    );
  if (!t.id && !t.documentNo)
    throw unprocessable('filing.target_required', '请填写决定书文号（或行政处罚决定书文号），或者信息编号。', {
      field: 'target.documentNo',
    });
  return t.id ? { stream: t.stream!, id: t.id } : { documentNo: t.documentNo!.trim() };
}

/** The publicly disclosed target, locked, or null. Re-checked under the lock: it may have just ended. */
export async function matchPublicTarget(
  w: Write,
  party: StoredParty,
  named: ReturnType<typeof namedTargetOf>,
  today: string,
) {
  const subjectId = await subjectOfParty(w.tx, party);
  const found = await findPublicTarget(
    w.tx,
    { subjectId, ...('id' in named ? { ref: named as TargetRef } : { documentNo: named.documentNo }) },
    today,
  );
  if (!found) return null;
  const locked = await lockTarget(w, refOf(found));
  return locked.row.state === 'in_effect' ? locked : null;
}

/** The common part of a new application the skeletons below work out; the kind adds its own. */
export type FilingCore = Omit<NewApplication, 'files'>;

/**
 * Filing through a department (or an upward platform via the credit office): the filer's role and origin, the party's
 * code, then under the target's lock its state and that the party is the target's. `store` writes the kind's row.
 */
export async function fileThroughDepartment<P, R>(
  deps: ApplicationDeps,
  input: { target: TargetRef; party: PartyInput; origin: 'department' | UpwardOrigin; originRef?: string },
  rules: {
    targetStates: { entry: string[]; record: string[] };
    action: string;
    prepare: () => P;
    store: (w: Write, core: FilingCore & { target: Target }, prepared: P) => Promise<R>;
  },
) {
  requireRole(deps.actor, ...FILERS);
  await assertUpwardFiling(deps.db, deps.actor, input.origin, input.originRef);
  const party = parseParty(deps.secrets, input.party, 'party', chinaDate(deps.clock.now()));
  const prepared = rules.prepare();
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const target = await lockTarget(w, input.target);
    assertTargetState(target, rules.targetStates, rules.action);
    await assertPartyOfTarget(w.tx, party, target);
    const core = {
      target,
      departmentId: target.row.department_id,
      origin: input.origin,
      originRef: input.originRef ?? null,
      filedDepartmentId: deps.actor.departmentId,
      party,
    };
    return rules.store(w, core, prepared);
  });
  return result;
}

/**
 * Filing by the public without an account. The target must be publicly disclosed and belong to the subject whose
 * code the party gave; anything else goes to the credit office for triage. The caller learns nothing about which.
 */
export async function filePublicly<P, R>(
  deps: PublicDeps,
  input: { party: PartyInput; target: PublicFilingTarget },
  rules: { prepare: () => P; store: (w: Write, core: FilingCore, prepared: P, today: string) => Promise<R> },
) {
  const today = chinaDate(deps.clock.now());
  const party = parseParty(deps.secrets, input.party, 'party', today);
  const prepared = rules.prepare();
  const namedTarget = namedTargetOf(input.target);
  const { result } = await write(deps, 'public', async (w) => {
    const target = await matchPublicTarget(w, party, namedTarget, today);
    const core = {
      target,
      departmentId: await departmentFor(w.tx, target),
      origin: 'public' as const,
      originRef: null,
      filedDepartmentId: null,
      party: { ...party, namedTarget },
    };
    return rules.store(w, core, prepared, today);
  });
  return result;
}
