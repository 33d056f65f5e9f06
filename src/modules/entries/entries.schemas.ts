import { z } from 'zod';
import { DateString, freeText, pageParams } from '../shared/index.ts';
import { RelatedPersonInput, Subject, SubjectInput } from '../subjects/index.ts';
import { END_REASONS, ENTRY_STATES } from './entries.states.ts';

const date = () => DateString;
// `line` for names, numbers and codes (one line); `text` for prose, where line breaks are kept (shared/free-text.ts).
const text = (max = 2000) => freeText(z.string().trim().min(1).max(max));
const line = (max: number) => z.string().trim().min(1).max(max);

export const CreateEntryBody = z
  .object({
    listTypeId: z.uuid().describe('名单类型'),
    subject: SubjectInput,
    reason: text().describe('列入（推荐）事由'),
  })
  .meta({ id: 'CreateEntry' });

export const NoticeBody = z
  .object({
    documentNo: line(100).describe('事前告知书文号'),
    servedDate: date().describe('送达日期；陈述申辩期限自次日起按工作日计算'),
    content: text(5000).describe('告知的事由、依据及当事人依法享有的陈述申辩权利'),
  })
  .meta({ id: 'Notice' });

export const StatementBody = z
  .object({
    receivedDate: date().describe('收到陈述申辩的日期'),
    summary: text(5000).describe('陈述申辩要点'),
    adopted: z.boolean().describe('是否采纳'),
    reply: text(5000).describe('对陈述申辩的处理意见'),
  })
  .meta({ id: 'Statement' });

export const BasisDocument = z
  .object({
    kind: z
      .enum(['judgment', 'award', 'penalty_decision', 'administrative_decision', 'other'])
      .describe('生效法律文书类型：判决、裁决、行政处罚决定、行政决定、其他'),
    documentNo: line(100).describe('文书编号'),
    date: date().describe('文书日期：名单期限自此日起算'),
  })
  .meta({ id: 'BasisDocument' });

export const DecisionBody = z
  .object({
    documentNo: line(100).describe('认定决定书文号'),
    date: date().describe('决定日期'),
    reason: text().describe('事由'),
    basis: text().describe('依据'),
    measureIds: z.array(z.uuid()).min(1).max(100).describe('将实施的惩戒措施（措施清单中的条目）'),
    removalConditions: text().describe('移出条件'),
    removalProcedure: text().describe('移出程序'),
    remedies: text().describe('救济途径'),
    basisDocument: BasisDocument,
    relatedPersons: z
      .array(RelatedPersonInput)
      .max(50)
      .describe('决定书载明的法定代表人、主要负责人、直接责任人；自然人主体为空数组'),
  })
  .meta({ id: 'Decision' });

export const ReviewBody = z
  .object({
    approved: z.boolean().describe('审核是否通过'),
    opinion: text().describe('审核意见'),
    documentNo: z.string().trim().max(100).optional().describe('审核文件文号'),
    validFrom: date()
      .optional()
      .describe(
        '有效期起算日（通过时必填）；可以是将来的日期（最迟为审核之日起 12 个月），名单记录自该日起才用于核查、激励资格和社会公示',
      ),
  })
  .meta({ id: 'Review' });

export const PublicationBody = z
  .object({
    note: freeText(z.string().trim().max(2000)).optional(),
  })
  .meta({ id: 'Publication' });

export const EndingBody = z
  .object({
    reason: z
      .enum(['expired', 'repaired', 'revoked', 'corrected'])
      .describe('移出原因：期满 expired、信用修复 repaired、撤销 revoked、更正 corrected'),
    note: freeText(z.string().trim().max(2000)).optional().describe('说明（撤销、更正、修复时必填）'),
  })
  .meta({ id: 'Ending' });

export const EntryQuery = z.object({
  state: z.enum(ENTRY_STATES).optional(),
  kind: z.enum(['red', 'black']).optional(),
  listTypeId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  ...pageParams,
});

const Ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const Entry = z
  .object({
    id: z.uuid(),
    kind: z.enum(['red', 'black']),
    listType: Ref.extend({
      kind: z.enum(['red', 'black']),
      version: z.number().int().describe('作出决定时适用的名单类型版本'),
    }),
    subject: Subject,
    department: Ref.describe('发起（认定）部门'),
    state: z.enum(ENTRY_STATES),
    stateLabel: z.string(),
    reason: z.string(),
    notice: z.record(z.string(), z.unknown()).nullable(),
    statement: z.record(z.string(), z.unknown()).nullable(),
    decision: z.record(z.string(), z.unknown()).nullable(),
    review: z.record(z.string(), z.unknown()).nullable(),
    basisDocument: z.object({ documentNo: z.string(), date: z.string() }).nullable(),
    period: z
      .object({
        startDate: z.string(),
        endDate: z.string().describe('最后一日（含）'),
        periodMonths: z.number().int(),
        earliestRemovalDate: z.string().nullable(),
        listTypeVersion: z.number().int(),
      })
      .nullable(),
    relatedPersons: z.array(
      z.object({ personId: z.uuid(), name: z.string(), citizenIdMasked: z.string().nullable(), role: z.string() }),
    ),
    measures: z
      .array(
        z.object({
          id: z.uuid(),
          code: z.string(),
          kind: z.string(),
          title: z.string().describe('作出决定时所依据版本的措施名称'),
          version: z
            .number()
            .int()
            .describe('作出决定时适用的措施版本（见 GET /api/v1/measures/{id}/versions/{version}）'),
          currentVersion: z
            .number()
            .int()
            .describe('措施清单中的现行版本；核查按决定时确定的措施、以现行版本的内容和适用范围答复（决定 0011）'),
        }),
      )
      .describe('决定的惩戒或激励措施'),
    ended: z
      .object({ reason: z.enum(END_REASONS), reasonLabel: z.string(), note: z.string().nullable(), at: z.string() })
      .nullable(),
    objectionPending: z.boolean(),
    measuresLifted: z
      .object({
        from: z.string(),
        until: z.string().nullable(),
        repairId: z.uuid(),
        reason: z.string(),
      })
      .nullable()
      .describe('重整计划或和解协议期间暂停实施惩戒措施：起止日期与依据的修复申请；null 表示未暂停'),
    dataVersion: z.string().describe('最近一次变更的数据版本'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Entry' });

export const EntryEvent = z
  .object({
    dataVersion: z.string(),
    type: z.string(),
    actor: z.string(),
    occurredAt: z.string(),
    effectiveAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'EntryEvent' });
