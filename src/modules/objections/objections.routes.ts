import type { RoutePlugin } from '../shared/index.ts';
import { applicationRoutes } from '../applications/index.ts';
import { assignObjection, decideObjection, withdrawObjection } from './objections.decision.ts';
import { fileObjection } from './objections.filing.ts';
import { presentObjection } from './objections.presenters.ts';
import * as schemas from './objections.schemas.ts';
import { getObjection, listObjections } from './objections.usecases.ts';

export const objectionsRoutes: RoutePlugin = (app, ctx) => {
  const step = applicationRoutes(app, ctx, {
    path: '/api/v1/objections',
    stream: 'objection',
    noun: '异议',
    query: schemas.ObjectionQuery,
    view: schemas.Objection,
    present: presentObjection,
    list: listObjections,
    get: getObjection,
    file: {
      summary: '代当事人提出异议（部门经办、审核人员或部门系统；上级平台转来的由信用办录入）',
      body: schemas.FileObjectionBody,
      filed: schemas.FiledObjection,
      run: fileObjection,
    },
  });
  step(
    'decision',
    '作出异议处理决定（作出认定部门的审核人员）：成立则更正或撤销，不成立则说明理由和救济途径',
    schemas.ObjectionDecisionBody,
    decideObjection,
  );
  step('withdrawal', '当事人撤回异议（决定作出前）', undefined, (d, id) => withdrawObjection(d, id));
  step('assignment', '信用办分办：为未匹配的公开异议确定对象，转认定部门办理', schemas.AssignmentBody, assignObjection);
};
