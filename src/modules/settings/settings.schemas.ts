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

export const SiteNameBody = z
  .object({
    siteName: z
      .string()
      .trim()
      .min(2, '网站名称至少 2 个字。')
      .max(30, '网站名称最多 30 个字。')
      .describe('公众门户的名称，显示在页头、网页标题和订阅源中，如“信用历城”'),
  })
  .meta({ id: 'SiteNameInput' });

export const SiteNameSetting = z
  .object({
    siteName: z.string().describe('门户现在使用的名称'),
    source: z
      .enum(['configuration', 'setting', 'default'])
      .describe('configuration：取自 CREDLINK_SITE_NAME（优先于保存的名称）；setting：保存的名称；default：默认名称'),
    stored: z
      .object({ value: z.string(), updatedBy: z.string(), updatedAt: z.iso.datetime() })
      .nullable()
      .describe('保存的名称及最后修改；未保存过为 null'),
  })
  .meta({ id: 'SiteNameSetting' });
