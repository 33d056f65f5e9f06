import { requireRole, type Role } from '../shared/actor.ts';
import {
  decodeAttachments,
  storeAttachments,
  type AttachmentInput,
  type DecodedAttachment,
} from '../shared/attachments.ts';
import type { Origin } from '../shared/db.workflows.types.ts';
import { newDue } from '../shared/deadlines.ts';
import { unprocessable } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import { json } from '../shared/json.ts';
import { write, type Write } from '../shared/ledger.ts';
import { newApplicationNo, newTrackingSecret } from '../shared/tracking.ts';
import { chinaDate } from '../shared/working-days.ts';
import { openObjection } from '../entries/entries.workflow.ts';
import { openRecordObjection } from './record-workflow.ts';
import * as repo from './objections.repository.ts';
import type { FileObjectionBody } from './objections.schemas.ts';
import { getObjection, type ObjectionDeps, type PublicDeps } from './objections.usecases.ts';
import { assertPartyOfTarget, parseParty, subjectOfParty, type PartyInput, type StoredParty } from './party.ts';
import { assertTargetState, findPublicTarget, lockTarget, refOf, type Target, type TargetRef } from './targets.ts';
import { assertUpwardFiling } from './upward.ts';

/** Who may file on behalf of a party: department staff, a department's business system, the credit office. */
export const FILERS: Role[] = ['operator', 'reviewer', 'system', 'credit_office'];
/** An objection may be raised against a decision (even before publication) and against a record in effect. */
export const OBJECTABLE = { entry: ['decided', 'reviewed', 'in_effect'], record: ['in_effect'] };

interface NewObjection {
  target: Target | null;
  departmentId: string;
  origin: Origin;
  originRef: string | null;
  filedDepartmentId: string | null;
  party: StoredParty & { namedTarget?: unknown };
  content: string;
  files: DecodedAttachment[];
}

/** Inserts the objection with its number, secret, deadline and files, and marks the target as objected to. */
async function insertObjection(w: Write, deps: ObjectionDeps | PublicDeps, input: NewObjection) {
  const id = uuidv7(w.now.getTime());
  const applicationNo = await newApplicationNo(w.tx, 'objection', w.now);
  const { secret, hash } = newTrackingSecret();
  const due = await newDue(w.tx, deps.calendar.get(), 'objection', chinaDate(w.now));
  const ref = input.target ? refOf(input.target) : null;
  await repo.insertObjection(w.tx, {
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
    content: input.content,
    state: 'received',
    decision: null,
    decided_at: null,
    tracking_hash: hash,
    ...due,
    closed_at: null,
    created_at: w.now,
    updated_at: w.now,
  });
  await storeAttachments(w.tx, { stream: 'objection', id }, input.files, w.now);
  if (input.target?.stream === 'entry') await openObjection(w, input.target.row, id);
  if (input.target?.stream === 'record') await openRecordObjection(w, input.target.row, id);
  const payload = { applicationNo, origin: input.origin, target: ref, dueDate: due.due_date };
  w.event({ stream: 'objection', streamId: id, type: 'objection.filed', departmentId: input.departmentId, payload });
  w.audit({
    action: 'objection.filed',
    target: `objection:${id}`,
    details: { ...payload, attachments: input.files.length },
  });
  return { id, applicationNo, trackingSecret: secret };
}

/** Filed through a department (or an upward platform via the credit office): goes to the deciding department. */
export async function fileObjection(deps: ObjectionDeps, input: FileObjectionBody) {
  requireRole(deps.actor, ...FILERS);
  await assertUpwardFiling(deps.db, deps.actor, input.origin, input.originRef);
  const party = parseParty(deps.secrets, input.party, 'party', chinaDate(deps.clock.now()));
  const files = decodeAttachments(input.attachments);
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const target = await lockTarget(w, input.target);
    assertTargetState(target, OBJECTABLE, '提出异议');
    await assertPartyOfTarget(w.tx, party, target);
    return insertObjection(w, deps, {
      target,
      departmentId: target.row.department_id,
      origin: input.origin,
      originRef: input.originRef ?? null,
      filedDepartmentId: deps.actor.departmentId,
      party,
      content: input.content,
      files,
    });
  });
  return { ...(await getObjection(deps, result.id)), trackingSecret: result.trackingSecret };
}

export interface PublicFilingTarget {
  stream?: TargetRef['stream'];
  id?: string;
  documentNo?: string;
}

/**
 * Filed by the public without an account. The target must be publicly disclosed and belong to the subject whose
 * code the party gave; anything else goes to the credit office for triage. The caller learns nothing about which.
 */
export async function filePublicObjection(
  deps: PublicDeps,
  input: { party: PartyInput; target: PublicFilingTarget; content: string; attachments: AttachmentInput[] },
) {
  const today = chinaDate(deps.clock.now());
  const party = parseParty(deps.secrets, input.party, 'party', today);
  const files = decodeAttachments(input.attachments);
  const namedTarget = namedTargetOf(input.target);
  const { result } = await write(deps, 'public', async (w) => {
    const target = await matchPublicTarget(w, party, namedTarget, today);
    return insertObjection(w, deps, {
      target,
      departmentId: target?.row.department_id ?? (await repo.creditOfficeDepartmentId(w.tx)),
      origin: 'public',
      originRef: null,
      filedDepartmentId: null,
      party: { ...party, namedTarget },
      content: input.content,
      files,
    });
  });
  return { applicationNo: result.applicationNo, trackingSecret: result.trackingSecret };
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
