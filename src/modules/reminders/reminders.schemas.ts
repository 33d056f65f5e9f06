import { z } from 'zod';
import { pageParams } from '../shared/index.ts';
import { DepartmentRefSchema } from '../departments/index.ts';

export const ReminderQuery = z.object({
  ...pageParams,
  // Wider than other lists' 200 since before keyset paging: clients that read 500 at a time keep working.
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('每页条数（1–500）'),
});

export const Reminder = z
  .object({
    kind: z
      .string()
      .describe(
        '事项类别：statement 陈述申辩期限、decision 陈述申辩期满待决定、dispatch 推送待反馈、objection 异议、repair 信用修复、commitment 承诺、tipoff 举报；今后新增的事项类别也会出现',
      ),
    id: z.uuid().describe('事项 ID'),
    title: z.string().describe('事项标题（不含个人身份信息和举报人信息）'),
    dueDate: z.iso.date().describe('期限届满日（当日结束时届满）'),
    overdue: z.boolean().describe('是否已逾期'),
    daysLeft: z.number().int().describe('剩余工作日数；已逾期时为负数（逾期的工作日数）'),
    link: z.string().describe('事项的接口路径'),
  })
  .meta({ id: 'Reminder' });

export const AwaitingCalendar = z
  .object({
    years: z.array(z.int()).describe('未结事项的期限所落入、而尚未录入工作日历的年份；为空表示没有此类事项'),
    items: z.number().int().describe('因此尚无期限日期的未结事项数（录入该年日历后自动计算期限）'),
    message: z.string().nullable().describe('提示（中文）；没有此类事项时为 null'),
  })
  .describe('期限待日历：期限不按猜测计算，须由系统管理员录入所缺年份的工作日历（rules §10）')
  .meta({ id: 'AwaitingCalendar' });

const paging = {
  total: z.number().int().describe('符合条件的事项总数'),
  limit: z.number().int().describe('每页条数'),
  nextCursor: z.string().nullable().describe('下一页的游标；为 null 时已是最后一页'),
};

export const Inbox = z
  .object({
    items: z.array(Reminder).describe('本部门临期（提醒提前量内）和已逾期的未结事项，按期限先后排列'),
    ...paging,
    awaitingCalendar: AwaitingCalendar,
  })
  .meta({ id: 'Inbox' });

export const OverdueItem = Reminder.extend({ department: DepartmentRefSchema.describe('负责办理的部门') }).meta({
  id: 'OverdueItem',
});

export const Overdue = z
  .object({
    items: z.array(OverdueItem).describe('各部门全部已逾期的未结事项，按期限先后排列'),
    ...paging,
    awaitingCalendar: AwaitingCalendar,
    counts: z
      .array(
        z.object({
          department: DepartmentRefSchema,
          kind: z.string().describe('事项类别'),
          count: z.number().int().describe('逾期事项数'),
        }),
      )
      .describe('按部门和事项类别统计的逾期事项数'),
  })
  .meta({ id: 'Overdue' });

export type ReminderPage = z.infer<typeof ReminderQuery>;
