import type { Kysely } from 'kysely';
import { isPubliclyDisclosed, findTarget, type Target } from '../applications/index.ts';
import { canSee } from '../entries/index.ts';
import { PENALTY_TYPE_NAMES, SEVERITY_LABELS } from '../records/index.ts';
import { type Actor, chinaDate, type Clock, conflict, type DB, notFound, unprocessable } from '../shared/index.ts';
import { deadlineDays } from '../deadlines/index.ts';
import { findListType } from '../catalog/index.ts';
import { findDepartmentById } from '../departments/index.ts';
import { findSubject } from '../subjects/index.ts';
import { noticeFileName, renderRepairNotice, type NoticeData } from './repair-notice.html.ts';

// The repair notice (信用修复告知书) goes with every black-list decision and every disclosed penalty record (两书同达,
// 22号). Departments download it for their own decisions; the public only for what is publicly disclosed.

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
}

export async function departmentNotice(deps: Deps & { actor: Actor }, stream: Target['stream'], id: string) {
  const target = await findTarget(deps.db, { stream, id });
  if (!target || !canSee(deps.actor, target.row))
    throw notFound(stream === 'entry' ? '名单记录' : '失信信息', `${stream}.not_found`);
  if (target.stream === 'entry') {
    if (target.row.kind !== 'black')
      throw unprocessable('repair_notice.not_black', '信用修复告知书只随严重失信主体名单认定决定出具。', {
        field: 'id',
      });
    if (!['decided', 'in_effect'].includes(target.row.state)) {
      throw conflict('repair_notice.not_available', '名单记录尚未作出认定决定或已终止，不出具信用修复告知书。', {
        state: target.row.state,
      });
    }
  } else if (target.row.state !== 'in_effect' || !target.row.disclosed) {
    throw conflict('repair_notice.not_available', '只有正在公示的失信信息出具信用修复告知书。', {
      state: target.row.state,
      disclosed: target.row.disclosed,
    });
  }
  return render(deps, target, false);
}

/** Public: only a publicly disclosed black-list entry or record; anything else is "not found". */
export async function publicNotice(deps: Deps, stream: Target['stream'], id: string) {
  const target = await findTarget(deps.db, { stream, id });
  const visible =
    target &&
    (target.stream === 'record' || target.row.kind === 'black') &&
    (await isPubliclyDisclosed(deps.db, target, chinaDate(deps.clock.now())));
  if (!target || !visible) throw notFound('信用修复告知书', 'repair_notice.not_found');
  return render(deps, target, true);
}

/** A row the notice's target refers to (by foreign key): its absence is a broken database, not a user error. */
function required<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('repair notice: a referenced row is missing');
  return row;
}

async function render(deps: Deps, target: Target, publicView: boolean) {
  const { db } = deps;
  const [subject, department, acceptanceDays, decisionDays] = await Promise.all([
    findSubject(db, target.row.subject_id).then(required),
    findDepartmentById(db, target.row.department_id).then(required),
    deadlineDays(db, 'repair_acceptance'),
    deadlineDays(db, 'repair_decision'),
  ]);
  const person = subject.kind === 'person';
  const data: Omit<NoticeData, 'subjectMatter' | 'earliest' | 'periodEnd' | 'noticeNo'> = {
    issuedDate: chinaDate(deps.clock.now()),
    party: {
      name: subject.name,
      code: person ? (subject.citizen_id_masked ?? null) : subject.uscc,
      codeLabel: person ? '公民身份号码（已脱敏）' : '统一社会信用代码',
    },
    department: department.name,
    acceptanceDays,
    decisionDays,
    reorganization: target.stream === 'entry' && !person,
  };
  if (target.stream === 'entry') {
    const e = target.row;
    const listType = required(await findListType(db, e.list_type_id));
    if (publicView && person && listType.disclosure.personIdentifiers === 'hidden') data.party.code = null;
    const earliest = (e.period_rule as { earliestRemovalDate?: string | null } | null)?.earliestRemovalDate ?? null;
    const noticeNo = `${e.document_no ?? e.id}-XF`;
    const html = renderRepairNotice({
      ...data,
      noticeNo,
      subjectMatter: {
        title: '严重失信主体名单认定决定',
        rows: [
          ['名单', listType.name],
          ['认定决定书文号', e.document_no ?? '—'],
          ['决定日期', e.decision_date ?? '—'],
          ['列入事由', e.reason],
          ['据以认定的生效文书', e.basis_document_no ? `${e.basis_document_no}（${e.basis_document_date}）` : '—'],
          ['名单期限', e.start_date && e.end_date ? `${e.start_date} 至 ${e.end_date}` : '—'],
          ['作出决定的部门', department.name],
        ],
      },
      earliest:
        earliest === null
          ? `「${listType.name}」不适用提前移出，不能在期限届满前申请信用修复。`
          : `自 ${earliest} 起可以申请信用修复（提前移出）。`,
      periodEnd: e.end_date ? `期限届满（${e.end_date}）后，由系统自动移出名单。` : '',
    });
    return { fileName: noticeFileName(noticeNo), html };
  }
  const r = target.row;
  const earliest = r.earliest_repair_date;
  const noticeNo = `${r.decision_no}-XF`;
  const html = renderRepairNotice({
    ...data,
    noticeNo,
    subjectMatter: {
      title: '行政处罚决定（失信信息）',
      rows: [
        ['行政处罚决定书文号', r.decision_no],
        ['决定日期', r.decision_date],
        ['违法事实', r.facts],
        ['处罚依据', r.basis],
        ['处罚种类', PENALTY_TYPE_NAMES[r.penalty_type] ?? r.penalty_type],
        ['失信程度', SEVERITY_LABELS[r.severity]],
        ['公示期限', `${r.decision_date} 至 ${r.disclosure_end}`],
        ['作出决定的部门', department.name],
      ],
    },
    earliest:
      earliest === null
        ? '轻微失信信息：履行法定义务、纠正失信行为后即可申请信用修复。'
        : `最短公示期限届满后，自 ${earliest} 起可以申请信用修复。`,
    periodEnd: `最长公示期限届满（${r.disclosure_end}）后，自动停止公示。`,
  });
  return { fileName: noticeFileName(noticeNo), html };
}
