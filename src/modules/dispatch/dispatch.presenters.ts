import type { DispatchRow, DispatchView } from './dispatch.repository.ts';

export const TYPE_LABELS: Record<string, string> = {
  'entry.published': '列入名单生效',
  'entry.corrected': '名单记录更正',
  'entry.ended': '移出名单',
  'entry.measures_lifted': '暂停实施措施',
  'entry.measures_restored': '恢复实施措施',
  'entry.objection_opened': '异议处理中',
  'entry.objection_closed': '异议办结',
  'record.created': '新增失信信息',
  'record.confirmed': '失信信息确认',
  'record.corrected': '失信信息更正',
  'record.ended': '失信信息停止公示和共享',
  'record.restored': '失信信息恢复',
  'record.objection_opened': '异议处理中',
  'record.objection_closed': '异议办结',
  'record.disclosure_changed': '公示范围变更',
};

export function presentDispatch({ dispatch: d, department, feedbackCount }: DispatchView, today: string) {
  const open = d.closed_at === null;
  return {
    id: d.id,
    department,
    stream: d.stream,
    streamId: d.stream_id,
    dataVersion: String(d.event_version),
    type: d.event_type,
    typeLabel: TYPE_LABELS[d.event_type] ?? d.event_type,
    change: d.change as never,
    createdAt: d.created_at.toISOString(),
    feedbackRequired: d.feedback_required,
    due: d.due_from && d.due_days !== null ? { from: d.due_from, days: d.due_days, date: d.due_date } : null,
    open,
    overdue: open && d.due_date !== null && d.due_date < today,
    closedAt: d.closed_at?.toISOString() ?? null,
    feedbackCount,
  };
}

export const presentChange = (d: DispatchRow) => ({
  dataVersion: String(d.event_version),
  type: d.event_type,
  stream: d.stream,
  streamId: d.stream_id,
  dispatchId: d.id,
  change: d.change as never,
});
