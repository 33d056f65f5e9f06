import { z } from 'zod';
import { subjectStatuses } from './subject-names.schemas.ts';
import { subjectKinds } from './subjects.schemas.ts';

export const PublicSubjectQuery = z.object({
  // Longer strings than the search accepts pass here, so they get the search's own message (search.too_long).
  q: z.string().max(2000).describe('统一社会信用代码，或名称关键字（至少 2 个字，最多 50 个字；不支持公民身份号码）'),
  page: z.coerce.number().int().min(1).max(1000).optional().describe('页码，从 1 开始'),
});

export const SubjectHit = z
  .object({
    id: z.uuid(),
    kind: z.enum(subjectKinds).describe('organization 法人和非法人组织；individual_business 个体工商户；person 自然人'),
    name: z.string().describe('现用名称或姓名'),
    uscc: z.string().nullable().describe('统一社会信用代码（自然人为 null）'),
    citizenIdMasked: z.string().nullable().describe('脱敏后的公民身份号码（仅自然人，且所在名单公开时）'),
    status: z.enum(subjectStatuses).describe('登记状态：active 存续；deregistered 注销'),
    matchedFormerName: z.string().nullable().describe('按曾用名命中时为该曾用名'),
  })
  .meta({ id: 'SubjectHit' });

export const SubjectSearchResult = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('code').describe('按统一社会信用代码查询'),
        uscc: z.string().describe('规范化后的统一社会信用代码'),
        subject: SubjectHit.nullable().describe('该代码登记的主体；null 表示未登记'),
      })
      .describe('代码查询结果'),
    z
      .object({
        kind: z.literal('names').describe('按名称关键字查询'),
        q: z.string().describe('查询内容'),
        items: z.array(SubjectHit).describe('本页结果，最相关的在前'),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int().describe('排序的结果总数（不超过 200）'),
        capped: z.boolean().describe('true 表示结果多于 200 条或未全部检索，请输入更完整的名称'),
      })
      .describe('名称查询结果'),
  ])
  .meta({ id: 'SubjectSearchResult' });
