import { unavailable, unprocessable } from '../shared/errors.ts';

export interface IdentifierIssue {
  field: string;
  /** The value as given, masked when it looks like an ID number. */
  value: string;
  problems: { code: string; message: string }[];
}

export const invalidIdentifiers = (issues: IdentifierIssue[]) => {
  const first = issues[0]!;
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处号码无效，见 details.issues）` : '';
  return unprocessable('check.invalid_identifier', `${first.field}（${first.value}）无效：${first.problems.map((p) => p.message).join('；')}${more}`,
    { field: first.field, issues });
};

export const emptySubject = (field: string) =>
  unprocessable('check.empty_subject', `${field} 未提供统一社会信用代码、公民身份号码或名称，无法核查。`, { field });

export const ambiguousSubject = (field: string) =>
  unprocessable('check.ambiguous_subject', `${field} 同时提供了统一社会信用代码和公民身份号码：每个主体只能提供其中之一。`, { field });

export const unknownScenario = () =>
  unprocessable('check.unknown_scenario', '应用场景代码不存在，请使用措施清单中的场景代码。', { field: 'scenario' });

export const unrecorded = () =>
  unavailable('check.unrecorded', '核查记录暂时无法保存（数据库不可用且缓冲已满），本次核查未予答复，请稍后重试。');
