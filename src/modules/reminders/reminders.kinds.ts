// How each kind of open item reads in an inbox. Tables listed in DUE_TABLES need nothing here to appear: an
// entry below only adds a reference (application number, code) or a stage to the title.
import { DUE_TABLES, type DueTable } from '../deadlines/index.ts';

export interface DueRow {
  kind: string;
  /** The table the item lives in: its API path is /api/v1/<table>/<id>. */
  table: string;
  id: string;
  departmentId: string;
  dueDate: string;
  ref: string | null;
  state: string | null;
  detail: string | null;
}

interface KindDetails {
  /** A column naming the item for its department; never a person's identifier or a reporter's data. */
  ref?: string;
  /** Whether the title depends on the item's state. */
  state?: boolean;
  title?(row: DueRow): string;
}

const CHANGE_LABELS: Record<string, string> = {
  'entry.published': '名单记录生效',
  'entry.corrected': '名单记录更正',
  'entry.ended': '名单记录移出',
  'entry.measures_lifted': '措施暂停实施',
  'entry.measures_restored': '措施恢复实施',
  'record.created': '失信信息',
  'record.confirmed': '失信信息',
  'record.corrected': '失信信息更正',
  'record.ended': '失信信息停止共享',
  'record.restored': '失信信息恢复',
  'record.disclosure_changed': '失信信息公开范围变更',
};

export const KIND_DETAILS: Partial<Record<DueTable, KindDetails>> = {
  dispatches: { ref: 'event_type', title: (r) => `推送待反馈：${CHANGE_LABELS[r.ref ?? ''] ?? r.ref ?? '变更'}` },
  objections: { ref: 'application_no', title: (r) => `异议待处理（${r.ref}）` },
  repairs: {
    ref: 'application_no',
    state: true,
    title: (r) => `信用修复待${r.state === 'received' ? '受理' : '决定'}（${r.ref}）`,
  },
  commitments: { ref: 'code', title: (r) => `承诺待履行（${r.ref}）` },
  // A tip-off is named by nothing but its kind: no subject, no reporter, not even the application number.
  tipoffs: { title: () => '举报待办理' },
};

export function titleOf(row: DueRow): string {
  if (row.kind === 'statement') return `「${row.detail}」陈述申辩期限（告知书 ${row.ref}）`;
  if (row.kind === 'decision') return `「${row.detail}」陈述申辩期已届满，待作出认定决定（告知书 ${row.ref}）`;
  const table = row.table as DueTable;
  const details = KIND_DETAILS[table];
  if (details?.title) return details.title(row);
  const label = DUE_TABLES[table]?.label ?? row.kind;
  return row.ref ? `${label}（${row.ref}）` : label;
}
