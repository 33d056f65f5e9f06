import { conflict, forbidden, notFound, unprocessable } from '../shared/index.ts';
import { CLASS_LABELS, type EgressRefusedError } from './egress.ts';

export const webhookNotFound = () => notFound('推送订阅', 'webhook.not_found');
export const deliveryNotFound = () => notFound('投递记录', 'webhook.delivery_not_found');

export const notManager = () =>
  forbidden('只有本部门的经办、审核人员，或信用办、系统管理员可以管理推送订阅。', 'webhook.forbidden');
export const otherDepartment = () => forbidden('部门人员只能为本部门登记推送订阅。', 'webhook.other_department');

export const unknownDepartment = () =>
  unprocessable('webhook.unknown_department', '部门不存在。', { field: 'departmentId' });

export const targetRefused = (error: EgressRefusedError) =>
  unprocessable('webhook.target_refused', error.message, {
    field: 'url',
    reason: error.reason,
    ...(error.reason in CLASS_LABELS ? { addressClass: error.reason } : {}),
  });

export const webhookDisabled = () => conflict('webhook.disabled', '推送订阅已停用。', { state: 'disabled' });

export const deliveryPending = () =>
  conflict(
    'webhook.delivery_pending',
    '该投递仍在自动投递队列中（待投递或等待重试），不能人工重新投递；送达或失败后方可重新投递。',
    { state: 'pending' },
  );

export const invalidPattern = () =>
  unprocessable('egress.invalid_pattern', '白名单条目应为主机名、IP 地址或 CIDR 网段（如 10.1.0.0/16）。', {
    field: 'pattern',
  });
export const duplicatePattern = () => conflict('egress.duplicate', '该条目已在出站白名单中。', { field: 'pattern' });
export const allowEntryNotFound = () => notFound('白名单条目', 'egress.not_found');
