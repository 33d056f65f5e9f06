import { z } from 'zod';
import * as applications from '../applications/index.ts';
import { AttachmentsInput, DateString, freeText, pageOf } from '../shared/index.ts';
import { REPAIR_KINDS, REPAIR_STATES } from './repairs.states.ts';

export const ProofInput = z
  .object({
    text: applications.text().describe('履行法定义务、纠正失信行为的说明'),
    attachments: AttachmentsInput.describe('履行证明材料（材料限于履行证明和信用承诺书），最多 5 个，每个不超过 2 MiB'),
  })
  .meta({ id: 'RepairProof' });

export const CommitmentInput = z
  .object({
    content: applications.text().describe('信用承诺内容（公开作出，违背承诺的将按最长公示期限重新公示）'),
  })
  .meta({ id: 'RepairCommitment' });

/** What every repair application carries, whichever way it is filed. */
export const repairFields = {
  kind: z
    .enum(REPAIR_KINDS)
    .default('repair')
    .describe('repair：信用修复；reorganization：法院批准的重整计划或和解协议执行期间暂停实施惩戒措施'),
  party: applications.PartyInput,
  proof: ProofInput,
  commitment: CommitmentInput,
  courtDocumentNo: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('法院批准重整计划或认可和解协议的裁定书文号（reorganization 必填）'),
};

export const FileRepairBody = z
  .object({
    ...repairFields,
    target: applications.TargetRef.describe('申请修复的名单记录或失信信息'),
    ...applications.originFields,
  })
  .meta({ id: 'FileRepair' });
export type FileRepairBody = z.infer<typeof FileRepairBody>;

export const AcceptanceBody = z
  .object({ note: freeText(z.string().trim().max(2000)).optional() })
  .meta({ id: 'RepairAcceptance' });
export const NonAcceptanceBody = z
  .object({ reason: applications.text().describe('不予受理的理由（当事人在查询进度时可见）') })
  .meta({ id: 'RepairNonAcceptance' });

export const RepairDecisionBody = z
  .object({
    outcome: z.enum(['approved', 'rejected']),
    reason: applications.text().describe('决定理由'),
    until: DateString.optional().describe('重整、和解：暂停实施惩戒措施的截止日（可不填，由部门另行结束）'),
  })
  .meta({ id: 'DecideRepair' });
export type RepairDecisionBody = z.infer<typeof RepairDecisionBody>;

export const LiftingEndBody = z
  .object({ note: applications.text(2000).describe('结束暂停的理由（如重整计划执行完毕或终止）') })
  .meta({ id: 'RepairLiftingEnd' });
export const RepairAssignmentBody = z.object({ target: applications.TargetRef }).meta({ id: 'RepairAssignment' });

export const RepairQuery = applications
  .applicationQuery(REPAIR_STATES)
  .extend({ kind: z.enum(REPAIR_KINDS).optional() });

export const RepairDecision = z
  .object({
    outcome: z.enum(['approved', 'rejected', 'refused']),
    reason: z.string(),
    code: z.string().nullable().describe('不予受理的原因代码，如 repair.too_early'),
    lifting: z
      .object({ from: z.iso.date(), until: z.iso.date().nullable(), endedAt: z.iso.datetime().nullable() })
      .nullable()
      .describe('重整、和解：暂停实施惩戒措施的期间'),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'RepairDecision' });

export const Repair = z
  .object({
    ...applications.applicationViewFields({
      target: '为空：公开申请未匹配到公开信息，由信用办分办',
      dueDate:
        '当前环节的期限：受理期限，受理后为决定期限；null 表示期限落在尚未录入工作日历的年份，待系统管理员录入该年日历后自动计算',
    }),
    kind: z.enum(REPAIR_KINDS),
    proof: z.string(),
    commitment: z
      .object({ id: z.uuid().nullable(), code: z.string().nullable(), content: z.string() })
      .describe('信用承诺；登记后有 20 位承诺编号'),
    courtDocumentNo: z.string().nullable(),
    state: z.enum(REPAIR_STATES),
    stateLabel: z.string(),
    earliestDate: z.iso.date().nullable().describe('因未届满最短期限不予受理时：可以申请的最早日期'),
    decision: RepairDecision.nullable(),
    acceptedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Repair' });

export const FiledRepair = Repair.extend({
  trackingSecret: z.string().describe('查询密码：只在此显示一次'),
}).meta({ id: 'FiledRepair' });

export const RepairPage = pageOf(Repair);
