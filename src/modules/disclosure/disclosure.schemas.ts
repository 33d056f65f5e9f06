import { z } from 'zod';

export const DisclosureQuery = z.object({
  uscc: z.string().max(64).optional().describe('统一社会信用代码'),
  name: z.string().max(200).optional().describe('主体名称（按规范化名称完全匹配）'),
});

const PublicRecord = z
  .object({
    decisionNo: z.string().describe('行政处罚决定书文号'),
    decisionDate: z.string(),
    departmentName: z.string().describe('作出决定的部门'),
    domainName: z.string().describe('领域'),
    penaltyType: z.string().describe('处罚种类'),
    facts: z.string().describe('违法事实'),
    basis: z.string().describe('处罚依据'),
    amount: z.string().nullable().describe('金额（元）'),
    severityLabel: z.string().describe('失信程度：轻微、一般、严重'),
    disclosureEnd: z.string().describe('公示截止日（含）'),
    citizenIdMasked: z.string().optional().describe('自然人的公民身份号码（脱敏）'),
    repairNoticeUrl: z.string().describe('信用修复告知书（HTML 文件）的下载地址，无需登录'),
  })
  .meta({ id: 'PublicRecord' });

const PublicPerson = z.object({
  name: z.string(),
  role: z.enum(['legalRepresentative', 'principal', 'responsiblePerson']),
  roleLabel: z.string(),
  citizenIdMasked: z.string().optional().describe('仅在名单类型允许脱敏公开时出现'),
});

const PublicEntryFields = z
  .object({
    subjectName: z.string().optional(),
    uscc: z.string().optional(),
    citizenId: z.string().optional().describe('自然人公民身份号码，始终脱敏'),
    legalRepresentativeName: z.string().optional(),
    relatedPersons: z.array(PublicPerson).optional(),
    listTypeName: z.string().optional(),
    reason: z.string().optional(),
    legalBasis: z.string().optional(),
    decisionDocumentNo: z.string().optional(),
    basisDocumentNo: z.string().optional(),
    basisDocumentDate: z.string().optional(),
    decisionDate: z.string().optional(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    departmentName: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.number()]))
  .describe('只含名单类型公开范围列出的字段');

const PublicEntry = z
  .object({
    listType: z.object({ code: z.string(), name: z.string(), kind: z.enum(['red', 'black']) }),
    fields: PublicEntryFields,
    repairNoticeUrl: z
      .string()
      .optional()
      .describe('严重失信主体名单记录的信用修复告知书（HTML 文件）下载地址，无需登录；红名单记录没有'),
  })
  .meta({ id: 'PublicEntry' });

const PublicSubject = z
  .object({
    kind: z.enum(['organization', 'individual_business', 'person']),
    name: z.string(),
    uscc: z.string().optional(),
  })
  .meta({ id: 'PublicSubject' });

export const DisclosureResponse = z
  .object({
    date: z.string().describe('所依据的日期（北京时间）'),
    items: z
      .array(
        z.object({
          subject: PublicSubject,
          records: z.array(PublicRecord).describe('公示期内的失信信息（行政处罚等）'),
          entries: z.array(PublicEntry).describe('向社会公开的名单上生效中的名单记录'),
        }),
      )
      .describe('有公开信息的主体；没有公开信息的主体不出现'),
  })
  .meta({ id: 'PublicDisclosures' });

export type DisclosureResponseBody = z.infer<typeof DisclosureResponse>;
