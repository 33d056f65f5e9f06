import { disclosuresOf, findPublicSubject, type SubjectDisclosure } from '../disclosure/index.ts';
import { notFound, validateUscc } from '../shared/index.ts';
import { SUBJECT_KIND_LABELS } from './publicity.presenters.ts';
import type { CreditProfileBody } from './publicity.schemas.ts';
import { stamp, type PublicityDeps } from './publicity.usecases.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Action = CreditProfileBody['entries'][number]['objection'];

const notPublic = () => notFound('信用信息', 'subject.not_found');

/**
 * A subject's public credit page: what the disclosure scopes let anyone see today, and what the subject may do
 * about each item. Organizations are named by their code; a person only by id, and only when something about
 * them is public (otherwise the answer is the same as for an id that does not exist).
 */
export async function creditProfile(deps: PublicityDeps, key: string): Promise<CreditProfileBody> {
  const uscc = validateUscc(key);
  const by = uscc.valid ? { uscc: uscc.normalized! } : UUID.test(key) ? { id: key.toLowerCase() } : null;
  if (!by) throw notPublic();
  const version = await stamp(deps);
  const subject = await findPublicSubject(deps.db, by);
  // A code names an organization; an id names a person: neither reaches the other kind.
  if (!subject || 'uscc' in by === (subject.kind === 'person')) throw notPublic();
  const [disclosed] = await disclosuresOf(deps.db, [subject], version.date);
  const d = disclosed!;
  if (subject.kind === 'person' && d.entries.length === 0 && d.records.length === 0) throw notPublic();
  return {
    ...version,
    subject: subjectOf(d),
    entries: entriesOf(d, version.date),
    records: recordsOf(d, version.date),
  };
}

function subjectOf(d: SubjectDisclosure): CreditProfileBody['subject'] {
  const s = d.subject;
  // A person's masked number only where a list type discloses it (the entry views carry it then).
  const masked = d.entries.find((e) => e.view.fields.citizenId)?.view.fields.citizenId;
  return {
    kind: s.kind,
    kindLabel: SUBJECT_KIND_LABELS[s.kind],
    name: s.name,
    ...(s.kind !== 'person' && s.uscc ? { uscc: s.uscc } : {}),
    ...(s.kind !== 'person' ? { status: s.status as 'active' | 'deregistered', statusDate: s.status_date } : {}),
    ...(s.kind === 'person' && masked ? { citizenIdMasked: masked } : {}),
  };
}

const objection = (pending: boolean, what: string): Action =>
  pending
    ? { available: false, earliestDate: null, note: `该${what}已有异议正在办理，办理结果可凭申请编号和查询密码查询。` }
    : {
        available: true,
        earliestDate: null,
        note: `认为该${what}有误的，可以向作出决定的部门提出异议，并提交证明材料；异议期间相关措施不停止执行。`,
      };

function entriesOf(d: SubjectDisclosure, today: string): CreditProfileBody['entries'] {
  return d.entries.map(({ row, view }) => {
    const earliest = (row.period_rule as { earliestRemovalDate?: string | null } | null)?.earliestRemovalDate ?? null;
    let repair: Action | null = null;
    if (row.list_type_kind === 'black') {
      repair =
        earliest === null
          ? {
              available: false,
              earliestDate: null,
              note: `「${row.list_type_name}」不适用提前移出，期限届满${row.end_date ? `（${row.end_date}）` : ''}后自动移出。`,
            }
          : {
              available: today >= earliest,
              earliestDate: earliest,
              note:
                today >= earliest
                  ? '已届满最短公示期限；纠正失信行为、履行法定义务并作出信用承诺后，可以申请信用修复（提前移出）。'
                  : `尚未届满最短公示期限，最早可于 ${earliest} 申请信用修复（提前移出）。`,
            };
    }
    return {
      id: row.id,
      listType: view.listType,
      fields: view.fields,
      ...(view.repairNoticeUrl ? { repairNoticeUrl: view.repairNoticeUrl } : {}),
      objection: objection(row.objection_pending, '名单记录'),
      repair,
    };
  });
}

function recordsOf(d: SubjectDisclosure, today: string): CreditProfileBody['records'] {
  return d.records.map(({ row, view }) => {
    const earliest = row.earliest_repair_date;
    const repair: Action =
      earliest === null
        ? { available: true, earliestDate: null, note: '履行法定义务、纠正失信行为后即可申请信用修复。' }
        : {
            available: today >= earliest,
            earliestDate: earliest,
            note:
              today >= earliest
                ? '已届满最短公示期限；履行法定义务、纠正失信行为并作出信用承诺后，可以申请信用修复。'
                : `尚未届满最短公示期限，最早可于 ${earliest} 申请信用修复。`,
          };
    const { citizenIdMasked: _masked, ...rest } = view;
    return { id: row.id, ...rest, objection: objection(row.objection_pending, '失信信息'), repair };
  });
}
