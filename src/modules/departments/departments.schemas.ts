import { z } from 'zod';

export const DepartmentKindSchema = z
  .enum(['credit_office', 'department'])
  .describe('部门类别：credit_office 信用办（全系统唯一）；department 其他部门或单位');

export const DepartmentRefSchema = z
  .object({
    id: z.uuid().describe('部门 ID'),
    code: z.string().describe('部门编码，如 amr、tax'),
    name: z.string().describe('部门名称'),
  })
  .describe('所属部门');

export const DepartmentSchema = z.object({
  id: z.uuid().describe('部门 ID'),
  code: z.string().describe('部门编码，小写字母开头，仅含小写字母、数字和下划线'),
  name: z.string().describe('部门名称'),
  kind: DepartmentKindSchema,
  createdAt: z.iso.datetime().describe('创建时间'),
});

export const DepartmentListSchema = z.object({ items: z.array(DepartmentSchema).describe('全部部门') });

export const DepartmentIdParamsSchema = z.object({ id: z.uuid().describe('部门 ID') });

export const CreateDepartmentSchema = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,31}$/)
    .describe('部门编码：2–32 位，小写字母开头，仅含小写字母、数字和下划线；创建后不可更改'),
  name: z.string().trim().min(2).max(100).describe('部门名称'),
  kind: DepartmentKindSchema.default('department'),
});
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentSchema>;
