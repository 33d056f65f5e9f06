import { z } from 'zod';
import { DateString, freeText, pageParams } from '../shared/index.ts';
import { Subject, SubjectInput } from '../subjects/index.ts';

export const COMMITMENT_TYPES = [
  'approval_substitute',
  'accept_with_commitment',
  'certification',
  'repair',
  'self_discipline',
  'voluntary',
  'other',
] as const;
export const COMMITMENT_STATES = ['open', 'fulfilled', 'partially_fulfilled', 'unfulfilled', 'lapsed'] as const;
export const FULFILMENT_RESULTS = ['fulfilled', 'partially_fulfilled', 'unfulfilled'] as const;

const date = () => DateString;
// `line` for names, numbers and codes (one line); `text` for prose, where line breaks are kept (shared/free-text.ts).
const text = (max = 2000) => freeText(z.string().trim().min(1).max(max));
const line = (max: number) => z.string().trim().min(1).max(max);

const Matter = z
  .object({
    name: line(200).describe('业务事项名称'),
    number: line(100).describe('业务事项编号（办件号）'),
  })
  .meta({ id: 'CommitmentMatter' });

export const CreateCommitmentBody = z
  .object({
    subject: SubjectInput.describe('作出承诺的主体'),
    type: z
      .enum(COMMITMENT_TYPES)
      .describe(
        '承诺类型：approval_substitute 审批替代型、accept_with_commitment 容缺受理型、certification 证明事项型、repair 信用修复型、self_discipline 行业自律型、voluntary 主动型、other 其他',
      ),
    content: text(5000).describe('承诺内容'),
    liability: text(2000).describe('违诺责任：未履行承诺时承担的责任'),
    term: z
      .object({
        start: date().describe('承诺期限起始日'),
        end: date().optional().describe('承诺期限截止日（可空）'),
      })
      .describe('承诺期限'),
    matter: Matter.optional().describe('关联的业务事项'),
    repairId: z.uuid().optional().describe('信用修复型承诺所属的信用修复申请'),
  })
  .meta({ id: 'CreateCommitment' });

export const AcceptanceBody = z
  .object({
    subject: SubjectInput.describe('申请人'),
    matter: Matter.describe('容缺受理的业务事项'),
    missingMaterials: z.array(line(200)).min(1).max(50).describe('所缺的非法定（非关键）申请材料'),
    supplyWithinWorkingDays: z.int().min(1).max(60).describe('补交期限（工作日），自受理之日起算'),
    content: freeText(z.string().trim().max(5000)).optional().describe('承诺内容；缺省时按所缺材料和补交期限生成'),
    liability: freeText(z.string().trim().max(2000)).optional().describe('违诺责任；缺省为撤销受理并记入信用记录'),
  })
  .meta({ id: 'CommitmentAcceptance' });

export const FulfilmentBody = z
  .object({
    result: z
      .enum(FULFILMENT_RESULTS)
      .describe('履行结果：fulfilled 全部履行、partially_fulfilled 部分履行、unfulfilled 全部未履行'),
    date: date().describe('核实履行情况的日期（不晚于今日）'),
    unperformed: freeText(z.string().trim().max(5000))
      .optional()
      .describe('未履行的内容（部分履行、全部未履行时必填）'),
    liabilityPursued: freeText(z.string().trim().max(2000))
      .optional()
      .describe('已追究的违诺责任（部分履行、全部未履行时必填）'),
    recordDomain: z
      .string()
      .trim()
      .max(64)
      .optional()
      .describe('违诺形成的失信信息所属领域（部分履行、全部未履行时必填；信用修复承诺恢复原记录时不需要）'),
    note: freeText(z.string().trim().max(2000)).optional().describe('说明'),
  })
  .meta({ id: 'CommitmentFulfilment' });

export const CommitmentQuery = z.object({
  subjectId: z.uuid().optional().describe('按主体筛选'),
  uscc: z.string().max(40).optional().describe('按统一社会信用代码筛选'),
  state: z.enum(COMMITMENT_STATES).optional(),
  type: z.enum(COMMITMENT_TYPES).optional(),
  ...pageParams,
});

export const Commitment = z
  .object({
    id: z.uuid(),
    code: z.string().describe('承诺编号：受理地行政区划代码 6 位 + 日期 8 位 + 流水号 6 位，共 20 位'),
    subject: Subject,
    department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).describe('受理承诺的部门'),
    type: z.enum(COMMITMENT_TYPES),
    typeLabel: z.string(),
    content: z.string(),
    liability: z.string(),
    term: z.object({ start: z.string(), end: z.string().nullable() }),
    matter: z.record(z.string(), z.unknown()).nullable(),
    state: z.enum(COMMITMENT_STATES),
    stateLabel: z.string(),
    fulfilment: z.record(z.string(), z.unknown()).nullable().describe('履行情况'),
    recordId: z.uuid().nullable().describe('违诺形成（或恢复）的失信信息'),
    repairId: z.uuid().nullable(),
    due: z.object({ from: z.string(), days: z.int(), date: z.string() }).nullable().describe('容缺受理的补交期限'),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Commitment' });

export type CreateCommitmentInput = z.infer<typeof CreateCommitmentBody>;
export type AcceptanceInput = z.infer<typeof AcceptanceBody>;
export type FulfilmentInput = z.infer<typeof FulfilmentBody>;
