import { z } from 'zod';
import { DateString, freeText } from '../shared/index.ts';

// `line` for names, numbers and codes (one line); `text` for prose, where line breaks are kept (shared/free-text.ts).
const text = (max: number) => freeText(z.string().trim().min(1).max(max));
const line = (max: number) => z.string().trim().min(1).max(max);

export const FeedbackBody = z
  .object({
    dispatchId: z.uuid().optional().describe('所反馈的推送事项（与 checkId 二选一）'),
    checkId: z.uuid().optional().describe('所反馈的核查编号（本部门作出的核查，与 dispatchId 二选一）'),
    measureId: z.uuid().describe('所涉措施：须为该推送事项或核查中由本部门实施的措施'),
    applied: z.boolean().describe('是否已实施该措施'),
    notAppliedReason: text(2000).optional().describe('未实施的理由（applied 为 false 时必填）'),
    matter: z
      .object({
        name: line(200).describe('业务事项名称，如「建筑工程施工许可」'),
        number: line(100).describe('业务事项编号（办件号）'),
      })
      .describe('办理的业务事项'),
    handledDate: DateString.describe('办理日期 YYYY-MM-DD，不得晚于今天'),
    result: text(2000).describe('办理结果'),
  })
  .meta({ id: 'NewFeedback' });

export const Feedback = z
  .object({
    id: z.uuid(),
    department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).describe('反馈部门（实施部门）'),
    dispatchId: z.uuid().nullable(),
    checkId: z.uuid().nullable(),
    entryId: z.uuid().nullable(),
    measure: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
    applied: z.boolean(),
    notAppliedReason: z.string().nullable(),
    matter: z.object({ name: z.string(), number: z.string() }),
    handledDate: z.string(),
    result: z.string(),
    onTime: z.boolean().nullable().describe('是否在反馈期限内办理并反馈；核查反馈无期限，为 null'),
    createdAt: z.string(),
  })
  .meta({ id: 'Feedback' });

export const EntryIdParams = z.object({ id: z.uuid() });

export const StatsQuery = z.object({
  from: DateString.describe('统计起始日（含），按推送日期（北京时间）'),
  to: DateString.describe('统计截止日（含）'),
  departmentId: z.uuid().optional().describe('只统计该部门（信用办、管理员、审计）；部门人员只能统计本部门'),
});

export const MeasureStats = z
  .object({
    measureId: z.uuid(),
    code: z.string(),
    title: z.string(),
    applied: z.int().describe('反馈已实施的次数'),
    notApplied: z.int().describe('反馈未实施的次数'),
  })
  .meta({ id: 'FeedbackMeasureStats' });

export const DepartmentStats = z
  .object({
    department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    dispatched: z.int().describe('期间收到的推送事项'),
    feedbackRequired: z.int().describe('其中需要反馈的'),
    fedBack: z.int().describe('需要反馈且已反馈的'),
    onTime: z.int().describe('按期反馈的'),
    late: z.int().describe('超期后才反馈的'),
    overdue: z.int().describe('至今逾期未反馈的'),
    measures: z.array(MeasureStats).describe('期间（按办理日期）反馈的措施实施情况，含核查反馈'),
  })
  .meta({ id: 'FeedbackDepartmentStats' });

export const StatsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    today: z.string(),
    items: z.array(DepartmentStats),
  })
  .meta({ id: 'FeedbackStats' });
