import { z } from 'zod';
import { DateString, pageParams } from '../shared/index.ts';

// The public portal's JSON (no account): what the reading pages show, for anyone who wants it as data.

const code = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/, `${what}编码只含小写字母、数字和下划线`)
    .describe(`${what}编码`);

export const PublicityQuery = z.object({
  listType: code('名单类型').optional().describe('只列出该名单类型（编码，见 /api/v1/public/policies）'),
  department: code('部门').optional().describe('只列出该部门作出的决定（部门编码）'),
  from: DateString.optional().describe('决定日期不早于（含）'),
  to: DateString.optional().describe('决定日期不晚于（含）'),
  ...pageParams,
});
export type PublicityQueryInput = z.infer<typeof PublicityQuery>;

export const ExportQuery = PublicityQuery.omit({ limit: true, cursor: true });

export const ListKindParams = z.object({ kind: z.enum(['red', 'black']).describe('red 红名单；black 黑名单') });
export const SubjectKeyParams = z.object({
  key: z.string().max(64).describe('组织和个体工商户为统一社会信用代码；自然人为公示页面给出的标识'),
});

const Version = {
  dataVersion: z.string().describe('答复所依据的数据版本'),
  date: z.string().describe('答复所依据的日期（北京时间）'),
};

const ListTypeRef = z.object({ code: z.string(), name: z.string(), kind: z.enum(['red', 'black']) });

const PublicSubjectRef = z
  .object({
    kind: z.enum(['organization', 'individual_business', 'person']),
    name: z.string().optional().describe('名单类型公开范围不含名称时不出现'),
    uscc: z.string().optional(),
    citizenIdMasked: z.string().optional().describe('自然人身份号码，始终脱敏；名单类型不公开时不出现'),
    path: z.string().nullable().describe('门户信用主页路径（/subjects/…）；无法链接时为 null'),
  })
  .meta({ id: 'PublicityPublicSubject' });

export const PublicityItem = z
  .object({
    id: z.string().describe('名单记录标识'),
    listType: ListTypeRef,
    subject: PublicSubjectRef,
    decisionDate: z.string().describe('决定（公布）日期'),
    fields: z
      .record(z.string(), z.unknown())
      .describe('只含名单类型公开范围列出的字段（同 /api/v1/public/disclosures 的 entries[].fields）'),
    repairNoticeUrl: z.string().optional().describe('信用修复告知书下载地址（黑名单）'),
  })
  .meta({ id: 'PublicityItem' });

export const PublicityPage = z
  .object({
    ...Version,
    items: z.array(PublicityItem),
    nextCursor: z.string().nullable().describe('下一页的游标；为 null 时已是最后一页'),
  })
  .meta({ id: 'PublicityPage' });

export const Overview = z
  .object({
    ...Version,
    counts: z.object({
      red: z.number().int().describe('向社会公开、生效中的红名单记录数'),
      black: z.number().int().describe('向社会公开、生效中的黑名单记录数'),
      records: z.number().int().describe('公示期内的失信信息数'),
    }),
    latest: z.array(PublicityItem).describe('最新公布的名单记录'),
  })
  .meta({ id: 'PublicOverview' });

const Action = z.object({
  available: z.boolean().describe('今天能否提出'),
  earliestDate: z.string().nullable().describe('最早可申请日期（已知时）'),
  note: z.string().describe('条件和说明'),
});

export const CreditProfile = z
  .object({
    ...Version,
    subject: z.object({
      kind: z.enum(['organization', 'individual_business', 'person']),
      kindLabel: z.string(),
      name: z.string(),
      uscc: z.string().optional(),
      citizenIdMasked: z.string().optional().describe('自然人身份号码（脱敏），名单类型允许时才出现'),
      status: z
        .enum(['active', 'deregistered'])
        .optional()
        .describe('登记状态：active 存续，deregistered 注销（自然人没有）'),
      statusDate: z.string().nullable().optional().describe('登记状态的起始日期'),
    }),
    entries: z.array(
      z.object({
        id: z.string(),
        listType: ListTypeRef,
        fields: z.record(z.string(), z.unknown()).describe('只含名单类型公开范围列出的字段'),
        repairNoticeUrl: z.string().optional(),
        objection: Action,
        repair: Action.nullable().describe('红名单没有信用修复'),
      }),
    ),
    records: z.array(
      z.object({
        id: z.string(),
        decisionNo: z.string(),
        decisionDate: z.string(),
        departmentName: z.string(),
        domainName: z.string(),
        penaltyType: z.string(),
        facts: z.string(),
        basis: z.string(),
        amount: z.string().nullable(),
        severityLabel: z.string(),
        disclosureEnd: z.string().describe('公示截止日（含）'),
        repairNoticeUrl: z.string(),
        objection: Action,
        repair: Action,
      }),
    ),
  })
  .meta({ id: 'PublicCreditProfile' });

export const Policies = z
  .object({
    ...Version,
    listTypes: z.array(
      z.object({
        code: z.string(),
        kind: z.enum(['red', 'black']),
        name: z.string(),
        version: z.number().int(),
        legalBasis: z.string(),
        identifyingDepartment: z.string(),
        criteria: z.string(),
        periodMonths: z.number().int(),
        earlyRemovalMonths: z.number().int().nullable(),
        removalConditions: z.string(),
        removalProcedure: z.string(),
        remedies: z.string(),
        statementPeriodWorkingDays: z.number().int(),
        measures: z.array(
          z.object({
            kind: z.enum(['incentive', 'sanction']),
            title: z.string(),
            content: z.string(),
            legalBasis: z.string(),
            department: z.string().describe('实施部门'),
          }),
        ),
      }),
    ),
    repairGuide: z.object({
      acceptanceWorkingDays: z.number().int().describe('受理期限（工作日）'),
      decisionWorkingDays: z.number().int().describe('决定期限（工作日）'),
      objectionWorkingDays: z.number().int().describe('异议处理期限（工作日）'),
    }),
  })
  .meta({ id: 'PublicPolicies' });

export type PublicityPageBody = z.infer<typeof PublicityPage>;
export type PublicityItemBody = z.infer<typeof PublicityItem>;
export type OverviewBody = z.infer<typeof Overview>;
export type CreditProfileBody = z.infer<typeof CreditProfile>;
export type PoliciesBody = z.infer<typeof Policies>;
