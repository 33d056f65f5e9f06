import { unavailable, unprocessable } from '../shared/index.ts';

/** Problems of one subject (answered in its result, not as an error of the request). */
export const emptySubject = (field: string) => ({
  field,
  code: 'check.empty_subject',
  message: `${field} 未提供统一社会信用代码、公民身份号码或名称，无法核查。`,
});

export const ambiguousSubject = (field: string) => ({
  field,
  code: 'check.ambiguous_subject',
  message: `${field} 同时提供了统一社会信用代码和公民身份号码：每个主体只能提供其中之一。`,
});

export const unknownScenario = () =>
  unprocessable('check.unknown_scenario', '应用场景代码不存在，请使用措施清单中的场景代码。', { field: 'scenario' });

export const unrecorded = () =>
  unavailable('check.unrecorded', '核查记录暂时无法保存（数据库不可用且缓冲已满），本次核查未予答复，请稍后重试。');

export const unjournaled = () =>
  unavailable('check.unrecorded', '核查记录无法写入本机核查日志（磁盘不可用或已满），本次核查未予答复，请稍后重试。');
