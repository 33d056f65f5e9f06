import { z } from 'zod';
import { SEVERITIES } from './records.states.ts';

const code = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, `${what}编码须为小写字母开头的字母、数字或下划线，2 至 64 位`);

export const SeverityParams = z.object({ severity: z.enum(SEVERITIES).describe('失信程度：minor、general、serious') });
export const DomainParams = z.object({ code: z.string().max(64) });
export const PenaltyClassParams = z.object({ domain: z.string().max(64), penaltyType: code('处罚种类') });

export const SeverityRuleBody = z
  .object({
    minMonths: z
      .int()
      .min(0)
      .max(240)
      .nullable()
      .describe('最短公示期（月），期满方可申请信用修复；null 表示履行义务后即可修复'),
    maxMonths: z.int().min(1).max(240).describe('最长公示期（月），期满停止公示和共享'),
    disclosedByDefault: z.boolean().describe('是否默认向社会公示'),
    ruleVersion: z.string().trim().min(1).max(64).optional().describe('新规则版本名称；缺省时按当天日期生成'),
    source: z.string().trim().min(1).max(2000).describe('依据（文件名称、文号）'),
  })
  .meta({ id: 'SeverityRuleChange' });

export const SeverityRule = z
  .object({
    severity: z.enum(SEVERITIES),
    severityLabel: z.string().describe('轻微、一般、严重'),
    minMonths: z.number().int().nullable(),
    maxMonths: z.number().int(),
    disclosedByDefault: z.boolean(),
    ruleVersion: z.string().describe('规则版本：修改期限后递增，只影响之后记录的失信信息'),
    source: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SeverityRule' });

const Sharing = z
  .object({
    departments: z
      .union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1).max(500)])
      .describe(
        '接收共享（核查时可见）的部门：all 表示所有部门，否则为部门编码（或标识）列表；作出决定的部门、信用办和管理员始终可见',
      ),
  })
  .describe('部门共享范围');

const domainFields = {
  name: z.string().trim().min(1).max(100).describe('领域名称'),
  sharing: Sharing,
  disclosureWorkingDays: z
    .int()
    .min(0)
    .max(365)
    .describe('双公示期限：作出决定之日起若干个工作日内公示（默认 7，市场监管 20）'),
};

const departmentList = () => z.array(z.string().min(1).max(64)).max(500);

export const CreateRecordDomainBody = z
  .object({
    code: code('领域').describe('领域编码（创建后不可修改）'),
    ...domainFields,
    recordingDepartments: departmentList()
      .optional()
      .describe('可在该领域记录失信信息的部门（部门编码或标识）；缺省为空，之后用 PUT …/recording-departments 设定'),
  })
  .meta({ id: 'CreateRecordDomain' });
export const UpdateRecordDomainBody = z.object(domainFields).meta({ id: 'UpdateRecordDomain' });

export const RecordingDepartmentsBody = z
  .object({
    departments: departmentList().describe(
      '可在该领域记录失信信息的部门（部门编码或标识），整体替换原有设定；空数组表示暂无部门可以记录',
    ),
  })
  .meta({ id: 'RecordingDepartments' });

export const RecordDomain = z
  .object({
    code: z.string(),
    name: z.string(),
    sharing: z.object({ departments: z.union([z.literal('all'), z.array(z.string())]) }),
    recordingDepartments: z
      .array(z.object({ id: z.uuid(), code: z.string(), name: z.string() }))
      .describe('可在该领域记录失信信息的部门（由信用办设定；一个部门可以负责多个领域），其他部门记录时答复 403'),
    disclosureWorkingDays: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RecordDomain' });

export const PenaltyClassBody = z
  .object({
    severity: z.enum(SEVERITIES).describe('该领域该处罚种类对应的失信程度'),
  })
  .meta({ id: 'PenaltyClassChange' });

export const PenaltyClassQuery = z.object({ domain: z.string().max(64).optional().describe('只列出该领域') });

export const PenaltyClass = z
  .object({
    domain: z.object({ code: z.string(), name: z.string() }),
    penaltyType: z.object({ code: z.string(), name: z.string().describe('处罚种类名称') }),
    severity: z.enum(SEVERITIES),
    severityLabel: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PenaltyClass' });
