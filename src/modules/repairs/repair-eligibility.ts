import type { Executor } from '../shared/index.ts';
import type { Target } from '../applications/index.ts';
import { listTypeName, subjectKind } from './repairs.repository.ts';
import type { RepairKind } from './repairs.states.ts';

export type Eligibility =
  { ok: true } | { ok: false; code: string; message: string; earliestDate: string | null; field: string };

/**
 * Whether a repair may be filed today (docs/domain/rules.md §3, §6). Records: not before the minimum period
 * from the decision date (minor records: as soon as the obligation is fulfilled). Entries: the list type's
 * early-removal rule, stored with the decision. A reorganization plan or settlement applies to an organization's
 * black-list entry at any time.
 */
export async function repairEligibility(
  db: Executor,
  target: Target,
  kind: RepairKind,
  today: string,
): Promise<Eligibility> {
  if (kind === 'reorganization') {
    if (target.stream !== 'entry' || target.row.kind !== 'black') {
      return refuse('repair.reorganization_scope', '重整、和解期间暂停实施惩戒措施只适用于严重失信主体名单。', 'kind');
    }
    if ((await subjectKind(db, target.row.subject_id)) === 'person')
      return refuse('repair.reorganization_scope', '重整、和解只适用于企业等组织，不适用于自然人。', 'kind');
    return { ok: true };
  }
  if (target.stream === 'record') {
    const earliest = target.row.earliest_repair_date;
    if (earliest !== null && today < earliest) return tooEarly(earliest);
    return { ok: true };
  }
  const entry = target.row;
  if (entry.kind !== 'black') return refuse('repair.not_black', '信用修复只适用于严重失信主体名单。', 'target');
  const earliest = (entry.period_rule as { earliestRemovalDate?: string | null } | null)?.earliestRemovalDate ?? null;
  if (earliest === null) {
    return refuse(
      'repair.no_early_removal',
      `「${await listTypeName(db, entry.list_type_id)}」不适用提前移出，期限届满（${entry.end_date}）后自动移出。`,
      'target',
    );
  }
  if (today < earliest) return tooEarly(earliest);
  return { ok: true };
}

const refuse = (code: string, message: string, field: string): Eligibility => ({
  ok: false,
  code,
  message,
  earliestDate: null,
  field,
});
const tooEarly = (date: string): Eligibility => ({
  ok: false,
  code: 'repair.too_early',
  message: `尚未届满最短公示期限，最早可于 ${date} 申请信用修复。`,
  earliestDate: date,
  field: 'target',
});
