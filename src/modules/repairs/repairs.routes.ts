import { z } from 'zod';
import type { RoutePlugin } from '../shared/index.ts';
import { applicationRoutes } from '../applications/index.ts';
import {
  acceptRepair,
  assignRepair,
  decideRepair,
  endLifting,
  refuseRepair,
  withdrawRepair,
} from './repairs.decision.ts';
import { fileRepair } from './repairs.filing.ts';
import { presentRepair } from './repairs.presenters.ts';
import {
  AcceptanceBody,
  FiledRepair,
  NonAcceptanceBody,
  FileRepairBody,
  LiftingEndBody,
  Repair,
  RepairAssignmentBody,
  RepairDecisionBody,
  RepairQuery,
} from './repairs.schemas.ts';
import { getRepair, listRepairs } from './repairs.usecases.ts';

export const repairsRoutes: RoutePlugin = (app, ctx) => {
  const step = applicationRoutes(app, ctx, {
    path: '/api/v1/repairs',
    noun: '信用修复申请',
    stream: 'repair',
    view: Repair,
    query: RepairQuery,
    list: listRepairs,
    get: getRepair,
    present: presentRepair,
    file: {
      body: FileRepairBody,
      filed: FiledRepair,
      summary: '代当事人申请信用修复或重整和解期间暂停惩戒（未届满最短期限的，答复可申请的日期）',
      run: fileRepair,
    },
  });

  step('acceptance', '受理信用修复申请（认定部门经办或审核人员，受理期限内）', AcceptanceBody, acceptRepair);
  step('non-acceptance', '不予受理信用修复申请并说明理由（认定部门经办或审核人员）', NonAcceptanceBody, refuseRepair);
  step('decision', '作出信用修复决定（认定部门审核人员，决定期限内）', RepairDecisionBody, decideRepair);
  step('lifting-end', '结束重整、和解期间的暂停，恢复实施惩戒措施（认定部门审核人员）', LiftingEndBody, endLifting);
  step('withdrawal', '当事人撤回信用修复申请（决定作出前）', z.object({}).meta({ id: 'RepairWithdrawal' }), (d, id) =>
    withdrawRepair(d, id),
  );
  step('assignment', '信用办分办：为未匹配的公开申请确定对象，转认定部门办理', RepairAssignmentBody, assignRepair);
};
