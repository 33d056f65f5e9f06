import type { FeedbackView } from './feedback.repository.ts';

export const presentFeedback = (f: FeedbackView) => ({
  id: f.id,
  department: { id: f.department_id, code: f.department_code, name: f.department_name },
  dispatchId: f.dispatch_id,
  checkId: f.check_id,
  entryId: f.entry_id,
  measure:
    f.measure_id && f.measure_code && f.measure_title
      ? { id: f.measure_id, code: f.measure_code, title: f.measure_title }
      : null,
  applied: f.applied,
  notAppliedReason: f.not_applied_reason,
  matter: { name: f.matter_name, number: f.matter_no },
  handledDate: f.handled_date,
  result: f.result,
  onTime: f.on_time,
  createdAt: f.created_at.toISOString(),
});
