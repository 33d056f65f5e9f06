import { z } from 'zod';
import { DateString } from '../shared/index.ts';

export const NameChangeInput = z
  .object({
    name: z.string().trim().min(1).max(200).describe('新名称（以登记机关核准的名称为准）'),
    validFrom: DateString.describe('新名称启用日期（核准变更登记之日）；原名称自前一日起成为曾用名'),
  })
  .meta({ id: 'SubjectNameChange' });
export type NameChangeInput = z.infer<typeof NameChangeInput>;

export const subjectStatuses = ['active', 'deregistered'] as const;

export const StatusChangeInput = z
  .object({
    status: z.enum(subjectStatuses).describe('登记状态：active 存续；deregistered 注销'),
    date: DateString.describe('状态生效日期（如注销登记之日）'),
  })
  .meta({ id: 'SubjectStatusChange' });
export type StatusChangeInput = z.infer<typeof StatusChangeInput>;

export const FormerName = z.object({
  name: z.string().describe('曾用名'),
  validFrom: z.string().nullable().describe('启用日期；null 表示未登记'),
  validTo: z.string().describe('停止使用日期（含当日）'),
});
