import { z } from 'zod';
import {
  applicationQuery,
  applicationViewFields,
  originFields,
  PartyInput,
  TargetRef,
  text,
} from '../applications/index.ts';
import { AttachmentsInput, DateString, pageOf } from '../shared/index.ts';
import { OBJECTION_STATES } from './objections.states.ts';

export const FileObjectionBody = z
  .object({
    target: TargetRef.describe('异议针对的名单记录或失信信息'),
    party: PartyInput,
    content: text().describe('异议内容：认为信息错误或不应列入的事实和理由'),
    attachments: AttachmentsInput,
    ...originFields,
  })
  .meta({ id: 'FileObjection' });
export type FileObjectionBody = z.infer<typeof FileObjectionBody>;

export const CorrectionInput = z
  .object({
    reason: text(2000).optional().describe('名单记录：更正后的列入事由'),
    facts: text().optional().describe('失信信息：更正后的认定事实'),
    basis: text(2000).optional().describe('失信信息：更正后的依据'),
    amount: z.number().nonnegative().max(1e15).nullable().optional().describe('失信信息：更正后的罚没金额（元）'),
    endDate: DateString.optional().describe('更正后的期限届满日（名单）或公示截止日（失信信息），不得超过原定最长期限'),
  })
  .meta({ id: 'Correction' });

export const ObjectionDecisionBody = z
  .object({
    outcome: z
      .enum(['accepted', 'rejected'])
      .describe('accepted：异议成立，更正（附 correction）或撤销（不附）；rejected：异议不成立'),
    reason: text().describe('处理理由'),
    correction: CorrectionInput.optional().describe('异议成立且只需更正时填写；不填则撤销该信息'),
  })
  .meta({ id: 'DecideObjection' });
export type ObjectionDecisionBody = z.infer<typeof ObjectionDecisionBody>;

export const AssignmentBody = z
  .object({
    target: TargetRef.describe('经信用办核实后确定的异议对象；异议转由其认定部门办理'),
  })
  .meta({ id: 'ObjectionAssignment' });

export const ObjectionQuery = applicationQuery(OBJECTION_STATES);

export const ObjectionDecision = z
  .object({
    outcome: z.enum(['accepted', 'rejected']),
    reason: z.string(),
    action: z.enum(['corrected', 'revoked']).nullable().describe('异议成立时对信息所作处理：更正或撤销'),
    correction: z.record(z.string(), z.unknown()).nullable(),
    remedies: z.string().nullable().describe('异议不成立时告知的救济途径：行政复议、行政诉讼'),
    withdrawal: z
      .object({
        dueDate: z.iso
          .date()
          .nullable()
          .describe(
            '撤下公示的期限（决定之日起 3 个工作日，可配置）；null 表示期限落在尚未录入工作日历的年份，待系统管理员录入该年日历后自动计算',
          ),
        withdrawnAt: z.iso.datetime().describe('实际撤下（停止公示）的时间'),
      })
      .nullable(),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'ObjectionDecision' });

const UNMATCHED = '为空：公开申请未匹配到公开信息，由信用办分办';

export const Objection = z
  .object({
    ...applicationViewFields({
      applicationNo: '申请编号',
      target: UNMATCHED,
      namedTarget: '公开申请时申请人所指的对象（文号或编号），供信用办分办',
      department: '办理部门（作出认定的部门；未匹配时为信用办）',
      dueDate:
        '办理期限（工作日，按设置 objection）；null 表示期限落在尚未录入工作日历的年份，待系统管理员录入该年日历后自动计算',
      decidedAt: '作出决定或撤回的时间',
    }),
    content: z.string(),
    state: z.enum(OBJECTION_STATES),
    stateLabel: z.string(),
    decision: ObjectionDecision.nullable(),
  })
  .meta({ id: 'Objection' });

export const FiledObjection = Objection.extend({
  trackingSecret: z.string().describe('查询密码：只在此显示一次，凭申请编号和查询密码公开查询办理进度'),
}).meta({ id: 'FiledObjection' });

export const ObjectionPage = pageOf(Objection);
