import { z } from 'zod';
import { DateString, freeText, pageParams } from '../shared/index.ts';
import { Subject, SubjectInput } from '../subjects/index.ts';
import { RECORD_END_REASONS, RECORD_STATES, SEVERITIES } from './records.states.ts';

// `line` for names, numbers and codes (one line); `text` for prose, where line breaks are kept (shared/free-text.ts).
const text = (max = 2000) => freeText(z.string().trim().min(1).max(max));
const line = (max: number) => z.string().trim().min(1).max(max);
const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, '编码须为小写字母开头的字母、数字或下划线');

export const CreateRecordBody = z
  .object({
    subject: SubjectInput.describe('被处罚的主体：统一社会信用代码或公民身份号码，及名称'),
    domain: code.describe('领域编码（见 GET /api/v1/catalog/record-domains），如 market_regulation'),
    decisionNo: line(100).describe('行政处罚决定书文号；同一部门内不得重复'),
    decisionDate: DateString.describe('决定日期 YYYY-MM-DD，不得晚于今天；公示期限自此日起算'),
    facts: text(5000).describe('违法事实'),
    basis: text(2000).describe('处罚依据'),
    penaltyType: code.describe(
      '处罚种类编码（如 warning、fine、confiscation、suspension、revocation、restriction），由目录对应失信程度',
    ),
    amount: z
      .string()
      .trim()
      .regex(/^\d{1,16}(\.\d{1,2})?$/, '金额须为最多两位小数的非负数字字符串')
      .optional()
      .describe('罚款或没收金额（元），十进制字符串，如 "5000.00"'),
    discloseMinor: z.boolean().optional().describe('轻微失信信息原则上不公示；部门决定公示时为 true'),
  })
  .meta({ id: 'CreateRecord' });

export const DisclosureBody = z
  .object({
    disclosed: z.boolean().describe('true：决定公示；false：撤下公示'),
    note: text().describe('决定理由'),
  })
  .meta({ id: 'RecordDisclosure' });

export const NoteBody = z
  .object({
    note: text().describe('理由'),
  })
  .meta({ id: 'RecordNote' });

export const OptionalNoteBody = z
  .object({
    note: freeText(z.string().trim().max(2000)).optional().describe('说明'),
  })
  .meta({ id: 'RecordOptionalNote' });

export const RecordQuery = z.object({
  subjectId: z.uuid().optional().describe('主体标识'),
  state: z.enum(RECORD_STATES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  domain: z.string().max(64).optional(),
  publicationLate: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true：只列录入时已超过双公示期限的；false：只列按时的'),
  ...pageParams,
});

const Ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const DishonestyRecord = z
  .object({
    id: z.uuid(),
    subject: Subject,
    department: Ref.describe('作出处罚决定的部门'),
    domain: z.object({ code: z.string(), name: z.string() }).describe('领域'),
    decisionNo: z.string(),
    decisionDate: z.string().describe('决定日期；各期限自此日起算'),
    facts: z.string(),
    basis: z.string(),
    penaltyType: z.object({ code: z.string(), name: z.string() }).describe('处罚种类'),
    amount: z.string().nullable().describe('金额（元）'),
    severity: z.enum(SEVERITIES).describe('失信程度：minor 轻微、general 一般、serious 严重'),
    severityLabel: z.string(),
    ruleVersion: z.string().describe('记录时适用的失信程度规则版本'),
    rule: z.object({
      minMonths: z.number().int().nullable().describe('最短公示期（月）；null 表示履行义务后即可修复'),
      maxMonths: z.number().int().describe('最长公示期（月）'),
      disclosedByDefault: z.boolean(),
    }),
    publication: z
      .object({
        workingDays: z.int().describe('该领域的公示期限（工作日，信用办按领域配置；默认 7，市场监管 20）'),
        dueDate: z.string().nullable().describe('应公示的最后一日；所涉年份的工作日历尚未录入时为 null'),
        late: z.boolean().nullable().describe('录入本系统（即公示）时是否已超过期限；无法计算时为 null'),
      })
      .nullable()
      .describe(
        '双公示：行政处罚决定自作出之日起的公示期限（rules §8），记录时确定；因违背承诺拟记录的失信信息为 null',
      ),
    disclosed: z.boolean().describe('是否向社会公示'),
    earliestRepairDate: z
      .string()
      .nullable()
      .describe('最早可申请信用修复的日期；轻微失信信息为 null（履行义务后即可申请）'),
    disclosureEnd: z.string().describe('公示与共享的最后一日（含），即最长期限届满日'),
    state: z.enum(RECORD_STATES),
    stateLabel: z.string(),
    ended: z
      .object({
        reason: z.enum(RECORD_END_REASONS),
        reasonLabel: z.string(),
        note: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    objectionPending: z.boolean().describe('异议处理中'),
    sourceCommitmentId: z.uuid().nullable().describe('因违背信用承诺拟记录时的承诺'),
    dataVersion: z.string().describe('最近一次变更的数据版本'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DishonestyRecord' });

export const RecordEvent = z
  .object({
    dataVersion: z.string(),
    type: z.string(),
    actor: z.string(),
    occurredAt: z.string(),
    effectiveAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'RecordEvent' });
