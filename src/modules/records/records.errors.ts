import { conflict, forbidden, unprocessable } from '../shared/index.ts';
import type { RecordStep } from './records.states.ts';

export const dateInFuture = () =>
  unprocessable('record.date_in_future', '处罚决定日期不能晚于今天。', { field: 'decisionDate' });

export const unknownDomain = (code: string) =>
  unprocessable('record.unknown_domain', `领域「${code}」不在失信信息目录中，请使用信用办维护的领域编码。`, {
    field: 'domain',
  });

export const duplicateDecisionNo = (decisionNo: string) =>
  conflict('record.duplicate_decision_no', `本部门已记录文号为「${decisionNo}」的处罚决定，不能重复记录。`, {
    field: 'decisionNo',
  });

export const otherDepartment = () =>
  forbidden('只有作出处罚决定的部门可以办理该失信信息（谁决定、谁负责）。', 'record.other_department');

/** What each reviewer step is called in a refusal: the message names the step refused, not "a decision". */
const STEP_ACTIONS: Record<RecordStep, string> = {
  disclosure: '变更失信信息的公示决定',
  revocation: '撤销失信信息',
  confirmation: '确认记录失信信息',
  dismissal: '决定不予记录失信信息',
};

export const reviewerRequired = (step: RecordStep) =>
  forbidden(`只有本部门的审核人员可以${STEP_ACTIONS[step]}。`, 'record.reviewer_required');

export const disclosureRequired = (severityLabel: string) =>
  unprocessable(
    'record.disclosure_required',
    `${severityLabel}失信信息依规向社会公示，不能撤下；决定有误的，请撤销或更正。`,
    { field: 'disclosed' },
  );
