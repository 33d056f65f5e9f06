import type { z } from 'zod';
import * as applications from '../applications/index.ts';
import { insertCommitment, newCommitmentCode, recordCommitmentChange } from '../commitments/index.ts';
import { chinaDate, conflict, decodeAttachments, json, unprocessable, uuidv7, type Write } from '../shared/index.ts';
import { repairEligibility, type Eligibility } from './repair-eligibility.ts';
import type { FileRepairBody, repairFields } from './repairs.schemas.ts';
import { REPAIR, type RepairKind } from './repairs.states.ts';
import { getRepair, type RepairDeps, type RepairPublicDeps } from './repairs.usecases.ts';

export const REPAIRABLE = { entry: ['in_effect'], record: ['in_effect'] };
export const REPAIR_LIABILITY = '违背信用承诺的，已修复的失信信息按最长公示期限重新公示，并依法承担相应法律责任。';

type Refusal = Extract<Eligibility, { ok: false }>;
interface NewRepair extends applications.NewApplication {
  kind: RepairKind;
  proof: string;
  commitmentText: string;
  courtDocumentNo: string | null;
  refusal: Refusal | null;
}

/** The applicant's commitment as a commitments row of type repair, linked both ways (docs/domain/rules.md §6, §7). */
export async function recordRepairCommitment(
  w: Write,
  deps: RepairPublicDeps,
  repair: { id: string; applicationNo: string; text: string },
  target: applications.Target,
) {
  const id = uuidv7(w.now.getTime());
  const code = await newCommitmentCode(w.tx, deps.config.divisionCode, w.now);
  const termEnd = target.stream === 'entry' ? target.row.end_date : target.row.disclosure_end;
  const departmentId = target.row.department_id;
  await insertCommitment(w.tx, {
    id,
    code,
    subject_id: target.row.subject_id,
    department_id: departmentId,
    type: 'repair',
    content: repair.text,
    liability: REPAIR_LIABILITY,
    term_start: chinaDate(w.now),
    term_end: termEnd,
    matter: json({ name: '信用修复申请', number: repair.applicationNo }),
    state: 'open',
    fulfilment: null,
    record_id: null,
    repair_id: repair.id,
    due_from: null,
    due_days: null,
    due_date: null,
    closed_at: null,
    created_by: w.actor,
    created_at: w.now,
    updated_at: w.now,
  });
  await applications.updateApplication(w.tx, 'repairs', repair.id, { commitment_id: id });
  recordCommitmentChange(w, { id, department_id: departmentId }, 'commitment.recorded', {
    code,
    type: 'repair',
    state: 'open',
    subjectId: target.row.subject_id,
    termStart: chinaDate(w.now),
    termEnd,
    repairId: repair.id,
  });
}

/** Stores the repair (the shared filing); a refusal is stored closed, with its reason and the date it names. */
async function insertNewRepair(w: Write, deps: RepairPublicDeps, input: NewRepair) {
  const refused = input.refusal;
  const filed = await applications.insertFiling(w, deps.calendar, REPAIR, input, {
    dueKey: 'repair_acceptance',
    columns: {
      kind: input.kind,
      proof: input.proof,
      commitment_text: input.commitmentText,
      commitment_id: null,
      court_document_no: input.courtDocumentNo,
      earliest_date: refused?.earliestDate ?? null,
      accepted_at: null,
      ...(refused
        ? {
            state: 'refused',
            decision: json({
              outcome: 'refused',
              reason: refused.message,
              code: refused.code,
              lifting: null,
              decidedAt: w.now.toISOString(),
            }),
            decided_at: w.now,
            closed_at: w.now,
          }
        : {}),
    },
    payload: { kind: input.kind, state: refused ? 'refused' : 'received' },
    stored: async ({ id, applicationNo }) => {
      if (input.target && !refused)
        await recordRepairCommitment(w, deps, { id, applicationNo, text: input.commitmentText }, input.target);
    },
  });
  if (refused) {
    const refusal = { code: refused.code, earliestDate: refused.earliestDate };
    applications.announce(
      w,
      REPAIR,
      { id: filed.id, application_no: filed.applicationNo, department_id: input.departmentId },
      'repair.refused',
      refusal,
    );
  }
  return filed;
}

type CommonInput = Omit<z.infer<z.ZodObject<typeof repairFields>>, 'party'>;

/** Checks of the form itself (before anything is read): the court document of a reorganization. */
function checkForm(input: CommonInput) {
  if (input.kind === 'reorganization' && !input.courtDocumentNo) {
    throw unprocessable(
      'repair.court_document_required',
      '重整、和解期间申请暂停实施惩戒措施，须填写法院裁定书文号。',
      { field: 'courtDocumentNo' },
    );
  }
  return {
    files: decodeAttachments(input.proof.attachments, 'proof.attachments'),
    courtDocumentNo: input.kind === 'reorganization' ? input.courtDocumentNo! : null,
  };
}

/** Another application for the same target still being handled. */
async function openRepairConflict(w: Write, target: applications.Target): Promise<Refusal | null> {
  const open = await applications.openOnTarget(w.tx, 'repairs', applications.refOf(target), ['received', 'accepted']);
  return open
    ? {
        ok: false,
        code: 'repair.already_open',
        message: '该信息已有正在办理的信用修复申请，请等待处理结果。',
        earliestDate: null,
        field: 'target',
      }
    : null;
}

/**
 * Filed through a department (or from an upward platform via the credit office). Too early or not allowed for the
 * target: 422 naming the date from which it can be filed; nothing is stored.
 */
export async function fileRepair(deps: RepairDeps, input: FileRepairBody) {
  const result = await applications.fileThroughDepartment(deps, input, {
    targetStates: REPAIRABLE,
    action: '申请信用修复',
    prepare: () => checkForm(input),
    store: async (w, core, form) => {
      const eligibility = await repairEligibility(w.tx, core.target, input.kind, chinaDate(w.now));
      if (!eligibility.ok)
        throw unprocessable(eligibility.code, eligibility.message, {
          field: eligibility.field,
          earliestDate: eligibility.earliestDate,
        });
      const open = await openRepairConflict(w, core.target);
      if (open) throw conflict(open.code, open.message, { state: 'repair_pending' });
      return insertNewRepair(w, deps, { ...core, ...form, ...ownFields(input), refusal: null });
    },
  });
  return { item: await getRepair(deps, result.id), trackingSecret: result.trackingSecret };
}

/** What a repair carries beside the common part of a filing. */
const ownFields = (input: CommonInput) => ({
  kind: input.kind,
  proof: input.proof.text,
  commitmentText: input.commitment.content,
});

/**
 * Filed by the public. A publicly disclosed target of the party's subject is matched; anything else goes to the credit
 * office. A refusal (too early, not applicable) is stored with its date and shown in tracking: the answer is the same.
 */
export async function filePublicRepair(
  deps: RepairPublicDeps,
  input: CommonInput & {
    party: Parameters<typeof applications.parseParty>[1];
    target: Parameters<typeof applications.namedTargetOf>[0];
  },
) {
  const result = await applications.filePublicly(deps, input, {
    prepare: () => checkForm(input),
    store: async (w, core, form, today) => {
      let refusal: Refusal | null = null;
      if (core.target) {
        const eligibility = await repairEligibility(w.tx, core.target, input.kind, today);
        refusal = eligibility.ok ? await openRepairConflict(w, core.target) : eligibility;
      }
      return insertNewRepair(w, deps, { ...core, ...form, ...ownFields(input), refusal });
    },
  });
  return { applicationNo: result.applicationNo, trackingSecret: result.trackingSecret };
}
