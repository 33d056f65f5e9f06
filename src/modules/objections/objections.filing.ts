import {
  filePublicly,
  fileThroughDepartment,
  insertFiling,
  type NewApplication,
  type PartyInput,
  type PublicFilingTarget,
} from '../applications/index.ts';
import { openObjection } from '../entries/index.ts';
import { openRecordObjection } from '../records/index.ts';
import { type AttachmentInput, decodeAttachments, type Write } from '../shared/index.ts';
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
  const result = await fileThroughDepartment(deps, input, {
    targetStates: OBJECTABLE,
    action: '提出异议',
    prepare: () => decodeAttachments(input.attachments),
    store: (w, core, files) => insertObjection(w, deps, { ...core, content: input.content, files }),
  });
  return { item: await getObjection(deps, result.id), trackingSecret: result.trackingSecret };
}

/** Filed by the public without an account (see filePublicly): the same answer whatever was matched. */
export async function filePublicObjection(
  deps: PublicDeps,
  input: { party: PartyInput; target: PublicFilingTarget; content: string; attachments: AttachmentInput[] },
) {
  const result = await filePublicly(deps, input, {
    prepare: () => decodeAttachments(input.attachments),
    store: (w, core, files) => insertObjection(w, deps, { ...core, content: input.content, files }),
  });
  return { applicationNo: result.applicationNo, trackingSecret: result.trackingSecret };
}
