import { badRequest, conflict, forbidden, notFound, unprocessable } from '../shared/index.ts';

export const notImplementer = () =>
  forbidden('只有实施部门的经办、审核人员或业务系统（API 密钥）可以反馈。', 'feedback.forbidden');
export const targetRequired = () =>
  unprocessable(
    'feedback.target_required',
    '请提供 dispatchId（推送事项）或 checkId（核查编号）之一，且只能提供一个。',
    { field: 'dispatchId' },
  );
export const reasonRequired = () =>
  unprocessable('feedback.reason_required', '未实施措施的，须填写未实施的理由（notAppliedReason）。', {
    field: 'notAppliedReason',
  });
export const handledInFuture = (today: string) =>
  unprocessable('feedback.handled_in_future', `办理日期不得晚于今天（${today}）。`, { field: 'handledDate' });
export const measureNotConcerned = () =>
  unprocessable('feedback.measure_not_concerned', '该措施不在此推送事项或核查中由本部门实施的措施之列。', {
    field: 'measureId',
  });
export const feedbackNotRequired = (type: string, label: string) =>
  conflict('feedback.not_required', `该推送事项为「${label}」，仅供知悉，无需反馈措施实施情况。`, { state: type });
export const duplicateFeedback = () =>
  conflict('feedback.duplicate', '本部门已就该事项的这项措施作过反馈。', { field: 'measureId' });
export const checkNotFound = () => notFound('核查记录', 'feedback.check_not_found');
export const statsOtherDepartment = () => forbidden('部门人员只能统计本部门的反馈情况。', 'feedback.other_department');
export const badPeriod = () =>
  badRequest('feedback.invalid_period', '统计期间无效：from 不得晚于 to，且不超过 3 年。', { field: 'from' });
