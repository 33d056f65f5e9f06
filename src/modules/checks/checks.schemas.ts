import { z } from 'zod';

export const CheckSubjectInput = z
  .object({
    uscc: z.string().max(64).optional().describe('统一社会信用代码（法人和非法人组织、个体工商户）'),
    citizenId: z
      .string()
      .max(64)
      .optional()
      .describe('公民身份号码（自然人，18位或15位旧号码）；回应和核查记录只含掩码'),
    name: z.string().max(200).optional().describe('主体名称：与代码同时提供时用于核对；仅有名称时只返回疑似命中'),
  })
  .meta({ id: 'CheckSubjectInput' });

export const CheckBody = z
  .object({
    subjects: z.array(CheckSubjectInput).min(1).max(1000).describe('待核查的主体，1 至 1000 个'),
    scenario: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('应用场景代码（如 administrative_licensing）：只返回适用于该场景的措施'),
  })
  .meta({ id: 'CheckRequest' });

export type CheckBodyInput = z.infer<typeof CheckBody>;

const CheckQuery = z
  .object({
    uscc: z.string().optional(),
    citizenIdMasked: z.string().optional().describe('公民身份号码掩码'),
    name: z.string().optional(),
  })
  .describe('所核查的主体（身份号码已掩码）');

const CheckedSubject = z
  .object({
    id: z.uuid(),
    kind: z.enum(['organization', 'individual_business', 'person']),
    name: z.string(),
    uscc: z.string().optional(),
    citizenIdMasked: z.string().optional(),
  })
  .meta({ id: 'CheckedSubject' });

export const HIT_ROLES = ['subject', 'legalRepresentative', 'principal', 'responsiblePerson'] as const;

const CheckHit = z
  .object({
    entryId: z.uuid(),
    listType: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.enum(['red', 'black']) }),
    role: z
      .enum(HIT_ROLES)
      .describe('subject：主体本身在名单上；其余：认定决定中载明的法定代表人、主要负责人或直接责任人'),
    reason: z.string().describe('列入事由'),
    decisionDocumentNo: z.string().nullable().describe('认定决定书（红名单为审核文件）文号'),
    startDate: z.string().nullable(),
    endDate: z.string().nullable().describe('期限最后一日（含）'),
    state: z
      .enum(['in_effect', 'objection_pending', 'measures_lifted'])
      .describe(
        'objection_pending：异议处理中，措施不停止执行；measures_lifted：依重整计划或和解协议暂时解除惩戒措施，不附措施',
      ),
    candidate: z.boolean().describe('疑似命中：仅名称相符或名称与代码不符，须人工核实，不附措施'),
  })
  .meta({ id: 'CheckHit' });

const CheckMeasure = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: z.enum(['incentive', 'sanction']),
    title: z.string(),
    content: z.string(),
    legalBasis: z.string(),
    entryIds: z.array(z.uuid()).describe('据以实施该措施的名单记录'),
  })
  .meta({ id: 'CheckMeasure' });

const CheckMeasureGroup = z
  .object({
    department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).describe('实施部门'),
    measures: z.array(CheckMeasure),
  })
  .meta({ id: 'CheckMeasureGroup' });

const CheckRecord = z
  .object({
    recordId: z.uuid(),
    department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).describe('作出处罚决定的部门'),
    domain: z.string().describe('领域编码'),
    decisionNo: z.string().describe('处罚决定书文号'),
    decisionDate: z.string(),
    severity: z.enum(['minor', 'general', 'serious']).describe('失信程度：轻微、一般、严重'),
    penaltyType: z.string().describe('处罚种类编码'),
    state: z.enum(['in_effect', 'objection_pending']),
    disclosureEnd: z.string().describe('共享截止日（含）'),
  })
  .meta({ id: 'CheckRecord' });

const CheckEligibility = z
  .object({
    greenChannel: z.boolean().describe('可适用绿色通道'),
    acceptWithCommitment: z.boolean().describe('可容缺受理（以书面承诺补交材料）'),
    basis: z.array(
      z.object({
        kind: z.enum(['red_list', 'rule']).describe('red_list：生效中的红名单记录；rule：信用办配置的资格规则'),
        entryId: z.uuid().optional(),
        ruleCode: z.string().optional(),
        name: z.string(),
      }),
    ),
  })
  .meta({ id: 'CheckEligibility' });

const CheckResult = z
  .object({
    index: z.int().describe('在请求 subjects 中的位置（从 0 起）'),
    query: CheckQuery,
    matched: z.boolean().describe('true：有名单命中或失信信息'),
    subject: CheckedSubject.optional().describe('命中的主体；仅名称命中多个主体时不返回'),
    hits: z.array(CheckHit),
    measures: z
      .array(CheckMeasureGroup)
      .describe('应实施的措施，按实施部门分组，本部门在前；仅代码命中且名称相符时返回'),
    candidate: z.boolean(),
    records: z
      .array(CheckRecord)
      .describe(
        '失信信息（如行政处罚），仅供参考：不是名单命中，不附措施；按领域共享范围可见，仅代码命中且名称相符时返回',
      ),
    eligibility: CheckEligibility.describe('激励资格：有失信名单记录生效中的主体始终不符合'),
    problems: z
      .array(
        z.object({
          field: z.string().describe('出错的字段，如 subjects[3].uscc'),
          code: z
            .string()
            .describe(
              '问题代码，如 identifier.check_digit、check.wrong_field、check.empty_subject、check.ambiguous_subject',
            ),
          message: z.string(),
        }),
      )
      .optional()
      .describe(
        '该主体未予核查的原因（代码格式或校验码错误、未提供代码和名称等）：有 problems 的主体不返回命中，其余主体照常核查',
      ),
  })
  .meta({ id: 'CheckResult' });

export const CheckResponse = z
  .object({
    checkId: z.uuid().describe('核查编号（UUIDv7），核查记录以此为准'),
    dataVersion: z.string().describe('答复所依据的数据版本'),
    stale: z.boolean().describe('true：超过 5 秒未能与数据库同步，答复依据的是最后加载的数据'),
    results: z.array(CheckResult),
  })
  .meta({ id: 'CheckResponse' });

export type CheckResponseBody = z.infer<typeof CheckResponse>;
