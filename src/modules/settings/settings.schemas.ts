import { z } from 'zod';
import { DEADLINE_KEYS } from '../deadlines/index.ts';

export const DeadlineKeyParams = z.object({
  key: z
    .enum(DEADLINE_KEYS)
    .describe(
      '期限设置项：feedback 反馈、objection 异议处理、withdrawal 撤下公示、repair_acceptance 修复受理、repair_decision 修复决定、tipoff 举报办理、disclosure 双公示、reminder_lead 临期提醒提前量',
    ),
});

export const DeadlineSettingBody = z
  .strictObject({
    workingDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .describe('工作日数（0–365）；只适用于此后新建的事项，已有事项保留创建时的值'),
    source: z.string().trim().min(1).max(500).optional().describe('出处或调整依据；不填则保留原说明'),
  })
  .meta({ id: 'DeadlineSettingChange' });

export const DeadlineSetting = z
  .object({
    key: z.enum(DEADLINE_KEYS).describe('设置项'),
    label: z.string().describe('设置项名称'),
    workingDays: z.number().int().describe('工作日数'),
    source: z.string().describe('出处：默认值依据或信用办调整的依据'),
    updatedBy: z.string().describe('最后修改者（user:<id>；初始值为 system）'),
    updatedAt: z.iso.datetime().describe('最后修改时间'),
  })
  .meta({ id: 'DeadlineSetting' });

export const DeadlineSettingList = z.object({ items: z.array(DeadlineSetting).describe('全部期限设置') });

export type DeadlineSettingInput = z.infer<typeof DeadlineSettingBody>;
