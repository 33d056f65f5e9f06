import type { CheckIndex, SubjectMatch } from '../checks/index.ts';
import type { CalendarService } from '../catalog/index.ts';
import { dueAfter } from '../deadlines/index.ts';
import { chinaDate, unprocessable, write } from '../shared/index.ts';
import { normalizeSubjectName, parseSubjectCode } from '../subjects/index.ts';
import type { AcceptanceInput } from './commitments.schemas.ts';
import { getCommitment, insertNewCommitment, requireRecorder, type CommitmentDeps } from './commitments.usecases.ts';

export interface AcceptanceDeps extends CommitmentDeps {
  index: Pick<CheckIndex, 'check'>;
  calendar: Pick<CalendarService, 'get'>;
}

/** What the check index says about incentives (`eligibility` of a check result). */
interface EligibilityBasis {
  kind: string;
  entryId?: string;
  ruleCode?: string;
  name: string;
}
type EligibilityView = { acceptWithCommitment?: boolean; basis?: readonly EligibilityBasis[] };

/**
 * 容缺受理 (seed 二.(二)2, docs/domain/rules.md §7): a department accepts an application that lacks non-statutory material
 * from a subject eligible for incentives, on the subject's written commitment to supply it within the set working days.
 * Eligibility is asked of the check index, as a business system's check would be answered.
 */
export async function acceptWithCommitment(deps: AcceptanceDeps, input: AcceptanceInput) {
  requireRecorder(deps.actor);
  const now = deps.clock.now();
  const today = chinaDate(now);
  const code = parseSubjectCode(input.subject, 'subject', today);
  const match = deps.index.check(
    {
      uscc: code.type === 'uscc' ? code.normalized : null,
      digest: code.type === 'citizen_id' ? deps.secrets.digestCitizenId(code.normalized) : null,
      nameKey: normalizeSubjectName(input.subject.name) || null,
    },
    { departmentId: deps.actor.departmentId, scenario: null, today, seesAllRecords: false },
  );
  const eligibility = eligibleForAcceptance(match);
  if (!eligibility.eligible) throw unprocessable('commitment.not_eligible', eligibility.reason, { field: 'subject' });

  const due = dueAfter(deps.calendar.get(), today, input.supplyWithinWorkingDays);
  const materials = input.missingMaterials.join('、');
  const { result } = await write(deps, deps.actor.ref, (w) =>
    insertNewCommitment(w, deps, {
      subject: input.subject,
      type: 'accept_with_commitment',
      content:
        input.content ||
        `申请人承诺在 ${input.supplyWithinWorkingDays} 个工作日内（${due.due_date} 前）补交以下材料：${materials}。`,
      liability: input.liability || '未按期补交的，受理部门撤销受理决定，并将违诺情况记入信用记录。',
      term: { start: today, end: due.due_date },
      matter: input.matter,
      due,
      details: {
        acceptance: {
          missingMaterials: input.missingMaterials,
          supplyWithinWorkingDays: input.supplyWithinWorkingDays,
          basis: eligibility.basis,
        },
      },
    }),
  );
  return getCommitment(deps, result.id);
}

/**
 * Eligible when the check result says so (a red list in effect, or a rule the credit office configures). Should an
 * index not report eligibility, a red-list entry of the subject itself in effect qualifies.
 */
export function eligibleForAcceptance(
  match: SubjectMatch,
): { eligible: true; basis: EligibilityBasis[] } | { eligible: false; reason: string } {
  const hits = match.hits.filter((h) => !h.candidate && h.role === 'subject');
  if (hits.some((h) => h.listType.kind === 'black')) {
    return { eligible: false, reason: '该主体正被列入严重失信主体名单，不适用容缺受理。' };
  }
  const notEligible = {
    eligible: false as const,
    reason: match.candidate ? `${NOT_ELIGIBLE}（名称与代码不符，无法确认主体）` : NOT_ELIGIBLE,
  };
  const reported = (match as { eligibility?: EligibilityView }).eligibility;
  if (reported?.acceptWithCommitment !== undefined) {
    return reported.acceptWithCommitment
      ? { eligible: true, basis: (reported.basis ?? []).map((b) => ({ ...b })) }
      : notEligible;
  }
  const reds = hits.filter((h) => h.listType.kind === 'red');
  if (reds.length === 0) return notEligible;
  return { eligible: true, basis: reds.map((h) => ({ kind: 'red_list', entryId: h.entry.id, name: h.listType.name })) };
}

const NOT_ELIGIBLE = '该主体不在有效的诚信红名单上，也不符合信用办配置的容缺受理条件，不能容缺受理。';
