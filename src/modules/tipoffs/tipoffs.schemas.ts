import { z } from 'zod';
import { Attachment, AttachmentsInput, freeText, pageParams } from '../shared/index.ts';
import { TIPOFF_STATES } from './tipoffs.states.ts';

// `line` for names, numbers and codes (one line); `text` for prose, where line breaks are kept (shared/free-text.ts).
const text = (max: number) => freeText(z.string().trim().min(1).max(max));
const line = (max: number) => z.string().trim().min(1).max(max);

export const PublicTipoffBody = z
  .object({
    subject: z
      .object({
        name: line(200).describe('被举报主体名称'),
        uscc: z.string().trim().max(40).optional().describe('被举报主体的统一社会信用代码（知道时填写）'),
      })
      .describe('被举报的主体'),
    content: text(10000).describe('举报内容：涉嫌严重失信的事实、时间、地点等'),
    anonymous: z.boolean().describe('是否匿名举报；匿名时不得填写举报人信息'),
    reporter: z
      .object({
        name: line(100).describe('举报人姓名'),
        contact: line(200).describe('联系方式（电话、邮箱或地址）'),
        citizenId: z.string().trim().max(40).optional().describe('举报人公民身份号码（可选）'),
      })
      .optional()
      .describe('举报人信息（实名举报必填）：加密保存，仅承办人可以查看'),
    departmentCode: z.string().trim().max(64).optional().describe('受理部门代码；缺省由信用办受理'),
    attachments: AttachmentsInput,
  })
  .meta({ id: 'PublicTipoff' });
export type PublicTipoffInput = z.infer<typeof PublicTipoffBody>;

export const TipoffFiled = z
  .object({
    applicationNo: z.string().describe('举报编号（JB 开头）'),
    trackingSecret: z.string().describe('查询密码：只显示这一次，请妥善保存，凭举报编号和查询密码查询办理进度'),
  })
  .meta({ id: 'TipoffFiled' });

const Ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const Tipoff = z
  .object({
    id: z.uuid(),
    applicationNo: z.string(),
    subject: z
      .object({ name: z.string(), uscc: z.string().nullable(), subjectId: z.uuid().nullable() })
      .describe('被举报的主体'),
    department: Ref.describe('受理部门'),
    handler: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('承办人'),
    reporter: z
      .enum(['sealed', 'anonymous'])
      .describe('举报人信息：sealed 已加密（仅承办人可查看）；anonymous 匿名举报'),
    content: z.string(),
    attachmentCount: z.int(),
    state: z.enum(TIPOFF_STATES),
    stateLabel: z.string(),
    result: z.record(z.string(), z.unknown()).nullable().describe('受理、转办、核查和办结情况'),
    due: z
      .object({ from: z.string(), days: z.int(), date: z.string().nullable() })
      .describe('办理期限（工作日）；date 为 null 表示所涉年份的工作日历尚未录入，录入后自动计算'),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Tipoff' });

export const ReporterAccess = z
  .object({
    tipoffId: z.uuid(),
    anonymous: z.boolean(),
    reporter: z.object({ name: z.string(), contact: z.string(), citizenId: z.string().nullable() }).nullable(),
    attachments: z.array(Attachment),
  })
  .meta({ id: 'TipoffReporterAccess' });

export const TipoffQuery = z.object({ state: z.enum(TIPOFF_STATES).optional(), ...pageParams });

export const AssignmentBody = z
  .object({ handlerId: z.uuid().describe('承办人：受理部门的经办或审核人员') })
  .meta({ id: 'TipoffAssignment' });
export const AcceptanceBody = z
  .object({ note: freeText(z.string().trim().max(2000)).optional().describe('受理意见') })
  .meta({ id: 'TipoffAcceptance' });
export const TransferBody = z
  .object({
    departmentCode: line(64).describe('转交的部门代码'),
    reason: text(2000).describe('转办理由'),
  })
  .meta({ id: 'TipoffTransfer' });
export const VerificationBody = z
  .object({ findings: text(10000).describe('核查情况') })
  .meta({ id: 'TipoffVerification' });
export const ClosingBody = z
  .object({
    result: text(5000).describe('办理结果'),
    substantiated: z.boolean().describe('举报事项是否属实'),
  })
  .meta({ id: 'TipoffClosing' });
