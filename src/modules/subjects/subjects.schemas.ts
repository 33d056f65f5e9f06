import { z } from 'zod';
import { pageParams } from '../shared/index.ts';
import { FormerName, subjectStatuses } from './subject-names.schemas.ts';

export const subjectKinds = ['organization', 'individual_business', 'person'] as const;
export const relatedRoles = ['legalRepresentative', 'principal', 'responsiblePerson'] as const;

/** How a request names a subject: a code (USCC or citizen ID) plus its name. */
export const SubjectInput = z.object({
  uscc: z.string().max(40).optional().describe('统一社会信用代码（法人和非法人组织、个体工商户）'),
  citizenId: z.string().max(40).optional().describe('公民身份号码（自然人），支持 15 位旧号码'),
  name: z.string().trim().min(1).max(200).describe('主体名称或姓名'),
});
export type SubjectInput = z.infer<typeof SubjectInput>;

export const RelatedPersonInput = z
  .object({
    citizenId: z.string().max(40).describe('公民身份号码'),
    name: z.string().trim().min(1).max(100).describe('姓名'),
    role: z
      .enum(relatedRoles)
      .describe('角色：法定代表人 legalRepresentative、主要负责人 principal、直接责任人 responsiblePerson'),
  })
  .meta({ id: 'RelatedPersonInput' });
export type RelatedPersonInput = z.infer<typeof RelatedPersonInput>;

export const Subject = z.object({
  id: z.uuid(),
  kind: z.enum(subjectKinds),
  name: z.string(),
  uscc: z.string().nullable(),
  citizenIdMasked: z.string().nullable().describe('脱敏后的公民身份号码'),
  status: z.enum(subjectStatuses).describe('登记状态：active 存续；deregistered 注销（自然人恒为 active）'),
  statusDate: z.string().nullable().describe('登记状态生效日期；null 表示未登记'),
  createdAt: z.iso.datetime(),
});

export const SubjectDetail = Subject.extend({
  relatedPersons: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      citizenIdMasked: z.string().nullable(),
      role: z.enum(relatedRoles),
    }),
  ),
  formerNames: z.array(FormerName).describe('曾用名，最近的在前'),
}).meta({ id: 'SubjectDetail' });

export const SubjectSearchQuery = z.object({
  q: z.string().max(200).optional().describe('名称关键字（按规范化名称匹配）'),
  uscc: z.string().max(40).optional(),
  ...pageParams,
});
