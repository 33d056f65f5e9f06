import { z } from 'zod';

export const ELIGIBILITY_KINDS = ['red_list', 'clean_record'] as const;
export const ELIGIBILITY_GRANTS = ['green_channel', 'accept_with_commitment'] as const;

const RuleFields = z.object({
  name: z.string().trim().min(1).max(200).describe('规则名称'),
  kind: z
    .enum(ELIGIBILITY_KINDS)
    .describe('规则类型：red_list 列入有效红名单；clean_record 无生效中的黑名单记录和共享中的失信信息'),
  params: z
    .record(z.string(), z.unknown())
    .refine((p) => JSON.stringify(p).length <= 4000, { message: '规则参数过长（不超过 4000 字符）' })
    .describe(
      '规则参数。red_list：{ listTypeCodes: ["red_tax_a"] }，缺省或为空时适用任一红名单；clean_record：无必填参数（无生效中的黑名单记录和失信信息即符合），可记录说明性参数',
    ),
  grants: z
    .array(z.enum(ELIGIBILITY_GRANTS))
    .min(1)
    .max(2)
    .refine((g) => new Set(g).size === g.length, { message: '授予的便利不得重复' })
    .describe('符合规则时给予的便利：green_channel 绿色通道；accept_with_commitment 容缺受理'),
  active: z.boolean().describe('是否启用'),
});

export const CreateEligibilityRuleBody = RuleFields.extend({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, '规则代码须为小写字母开头的字母、数字或下划线，2 至 64 位')
    .describe('规则代码（唯一，创建后不可修改）'),
}).meta({ id: 'CreateEligibilityRule' });

export const UpdateEligibilityRuleBody = RuleFields.meta({ id: 'UpdateEligibilityRule' });

export const EligibilityRuleParams = z.object({ code: z.string().min(1).max(64) });

export const EligibilityRule = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ELIGIBILITY_KINDS),
    params: z.record(z.string(), z.unknown()),
    grants: z.array(z.enum(ELIGIBILITY_GRANTS)),
    active: z.boolean(),
    updatedBy: z.string().describe('最后修改人（user:<id>）'),
    updatedAt: z.string(),
  })
  .meta({ id: 'EligibilityRule' });

export type RuleInput = z.infer<typeof UpdateEligibilityRuleBody>;
