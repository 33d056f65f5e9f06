import { z } from 'zod';
import { AttachmentsInput, freeText } from '../shared/index.ts';
import { PartyInput, TargetRef } from '../applications/index.ts';
import { repairFields } from '../repairs/index.ts';

/** How the public names what it files about: a decision/document number, or the id shown on the public page. */
export const PublicTargetInput = z
  .object({
    documentNo: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('认定决定书文号或行政处罚决定书文号（与当事人代码一起匹配）'),
    stream: TargetRef.shape.stream.optional().describe('按编号指明时必填：entry 名单记录、record 失信信息'),
    id: z.uuid().optional().describe('公示信息的编号'),
  })
  .meta({ id: 'PublicTarget' });

export const PublicObjectionBody = z
  .object({
    party: PartyInput.describe('当事人：以统一社会信用代码或公民身份号码、名称和联系方式表明身份'),
    target: PublicTargetInput,
    content: freeText(z.string().trim().min(1).max(5000)).describe('异议内容：认为信息错误或不应公示的事实和理由'),
    attachments: AttachmentsInput,
  })
  .meta({ id: 'PublicObjection' });

export const PublicRepairBody = z.object({ ...repairFields, target: PublicTargetInput }).meta({ id: 'PublicRepair' });

/** The same answer whatever was matched: a number, a secret shown once, and what to do next. */
export const FilingReceipt = z
  .object({
    applicationNo: z.string().describe('申请编号'),
    trackingSecret: z.string().describe('查询密码：只显示这一次，请妥善保存'),
    message: z.string(),
  })
  .meta({ id: 'FilingReceipt' });

export const RECEIPT_MESSAGE = '申请已提交。请妥善保存申请编号和查询密码（只显示这一次），凭其查询办理进度和结果。';

export const TrackingBody = z
  .object({
    applicationNo: z.string().trim().min(1).max(40).describe('申请编号（异议 YY、信用修复 XF、举报 JB 开头）'),
    trackingSecret: z.string().trim().min(1).max(200).describe('提交时取得的查询密码'),
  })
  .meta({ id: 'TrackingRequest' });

export const TrackingView = z
  .object({
    kind: z.enum(['objection', 'repair', 'tipoff']),
    kindLabel: z.string(),
    applicationNo: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    filedDate: z.iso.date(),
    dueDate: z.iso.date().nullable().describe('办理期限（办理中时）'),
    outcome: z
      .string()
      .nullable()
      .describe('结果：异议 accepted/rejected；修复 approved/rejected/refused；withdrawn 已撤回'),
    reason: z.string().nullable().describe('决定理由或不予受理的原因'),
    remedies: z.string().nullable().describe('异议不成立时的救济途径'),
    earliestDate: z.iso.date().nullable().describe('信用修复因未届满最短期限不予受理时：可以申请的最早日期'),
    result: z.string().nullable().describe('举报办结结果'),
    decisionDate: z.iso.date().nullable(),
    withdrawable: z.boolean().describe('决定作出前可以撤回（异议、信用修复）'),
  })
  .meta({ id: 'TrackingView' });
