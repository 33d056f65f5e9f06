import {
  assertPartyOfTarget,
  assertTargetState,
  assertUpwardFiling,
  departmentFor,
  FILERS,
  insertFiling,
  lockTarget,
  matchPublicTarget,
  namedTargetOf,
  parseParty,
  type NewApplication,
  type PartyInput,
  type PublicFilingTarget,
} from '../applications/index.ts';
import { openObjection } from '../entries/entries.workflow.ts';
import { openRecordObjection } from '../records/index.ts';
import { requireRole } from '../shared/actor.ts';
import { decodeAttachments, type AttachmentInput } from '../shared/attachments.ts';
import { write, type Write } from '../shared/ledger.ts';
import { chinaDate } from '../shared/working-days.ts';
import type { FileObjectionBody } from './objections.schemas.ts';
import { OBJECTION } from './objections.states.ts';
import { getObjection, type ObjectionDeps, type PublicDeps } from './objections.usecases.ts';

/** An objection may be raised against a decision (even before publication) and against a record in effect. */
export const OBJECTABLE = { entry: ['decided', 'reviewed', 'in_effect'], record: ['in_effect'] };

/** Stores the objection (the shared filing) and marks its target as objected to. */
const insertObjection = (w: Write, deps: ObjectionDeps | PublicDeps, input: NewApplication & { content: string }) =>
  insertFiling(w, deps.calendar, OBJECTION, input, {
    dueKey: 'objection',
    columns: { content: input.content },
    payload: {},
    stored: async ({ id }) => {
      if (input.target?.stream === 'entry') await openObjection(w, input.target.row, id);
      if (input.target?.stream === 'record') await openRecordObjection(w, input.target.row, id);
    },
  });

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
      departmentId: await departmentFor(w.tx, target),
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
