import { z } from 'zod';
import { pageOf, pageParams } from '../shared/index.ts';

const flag = () =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional();

export const DispatchIdParams = z.object({ id: z.uuid() });

export const InboxQuery = z.object({
  departmentId: z.uuid().optional().describe('按接收部门筛选（信用办、管理员、审计）'),
  open: flag().describe('true：未办结；false：已办结'),
  overdue: flag().describe('true：逾期未反馈（未办结且反馈期限已过）'),
  feedbackRequired: flag().describe('true：需要反馈的事项（列入生效、更正）'),
  ...pageParams,
  // Wider than other lists' 200 since before keyset paging: clients that read 500 at a time keep working.
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('每页条数（1–500）'),
});

const DepartmentRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const DispatchChange = z
  .looseObject({
    stream: z.enum(['entry', 'record']),
    id: z.uuid().describe('名单记录或失信信息的编号'),
    state: z.string().describe('推送时的状态'),
    subject: z.object({
      id: z.uuid(),
      kind: z.string(),
      name: z.string(),
      uscc: z.string().nullable(),
      citizenIdMasked: z.string().nullable().describe('公民身份号码（已掩码）'),
    }),
    measures: z
      .array(z.looseObject({ id: z.uuid(), code: z.string(), title: z.string() }))
      .describe('本部门负责实施的措施'),
    event: z.object({
      type: z.string(),
      occurredAt: z.string(),
      effectiveAt: z.string(),
      payload: z.record(z.string(), z.unknown()),
    }),
    dataVersion: z.string(),
  })
  .describe(
    '变更内容：推送时的名单记录（或失信信息）快照，身份号码已掩码；名单记录另含名单类型、发起部门、期限、结束信息等',
  )
  .meta({ id: 'DispatchChange' });

export const Dispatch = z
  .object({
    id: z.uuid(),
    department: DepartmentRef.describe('接收部门'),
    stream: z.enum(['entry', 'record']),
    streamId: z.uuid(),
    dataVersion: z.string().describe('所推送变更的数据版本'),
    type: z.string().describe('变更类型，如 entry.published'),
    typeLabel: z.string(),
    change: DispatchChange,
    createdAt: z.string(),
    feedbackRequired: z.boolean(),
    due: z
      .object({ from: z.string(), days: z.int(), date: z.string().nullable() })
      .nullable()
      .describe('反馈期限（工作日）；date 为 null 表示所涉年份的工作日历尚未录入'),
    open: z.boolean().describe('未办结：需要反馈且尚未反馈'),
    overdue: z.boolean().describe('逾期：未办结且反馈期限已过'),
    closedAt: z.string().nullable(),
    feedbackCount: z.int(),
  })
  .meta({ id: 'Dispatch' });

export const InboxPage = pageOf(Dispatch).meta({ id: 'DispatchPage' });

export const ChangesQuery = z.object({
  // A data version is a 64-bit integer: read as digits so that no version beyond 2^53 loses precision (the use case
  // checks them: 400 changes.invalid_since), published as the integer it is.
  since: z
    .string()
    .optional()
    .meta({ type: 'integer', format: 'int64', minimum: 0 })
    .describe('数据版本：返回其后的变更；首次传 0，之后传上次答复的 nextSince'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('每页条数，1–1000，默认 100'),
});

export const ChangeItem = z
  .object({
    dataVersion: z.string(),
    type: z.string(),
    stream: z.enum(['entry', 'record']),
    streamId: z.uuid(),
    dispatchId: z.uuid(),
    change: DispatchChange,
  })
  .meta({ id: 'ChangeItem' });

export const ChangesPage = z
  .object({
    items: z.array(ChangeItem).describe('按数据版本递增'),
    nextSince: z.string().describe('下次调用的 since'),
    hasMore: z.boolean().describe('true：还有更多，请立即以 nextSince 继续'),
    dispatchedThrough: z.string().describe('推送已处理到的数据版本：此前的变更都已在本列表中，不会再出现更早的条目'),
  })
  .meta({ id: 'ChangesPage' });
