import { actorOf, type ModuleContext, type RoutePlugin } from '../shared/index.ts';
import { presentCheck } from './checks.presenters.ts';
import { CheckBody, CheckResponse } from './checks.schemas.ts';
import { acknowledgedCheck, type CheckDeps } from './checks.usecases.ts';

// The answer is built by the presenter in the shape of CheckResponse (which stays in the API document); on this
// hot path it is serialized with JSON.stringify instead of being validated against the schema once more.
const stringify = () => (data: unknown) => JSON.stringify(data);

export const checksRoutes: RoutePlugin<ModuleContext & CheckDeps> = (app, ctx) => {
  app.post(
    '/api/v1/checks',
    {
      config: { errorAnswers: [503] }, // check.unrecorded
      schema: {
        tags: ['checks'],
        summary: '嵌入式联合奖惩核查',
        description:
          '部门业务系统（API 密钥）或任一登录用户核查主体是否在名单上、应实施哪些措施。答复只来自内存索引，' +
          '并附所依据的数据版本；数据库不可用时继续答复并标明 stale。代码命中且名称相符才返回措施；仅名称命中或名称不符为疑似命中。' +
          '每个主体分别答复：代码格式或校验码有误（或未提供代码和名称）的主体在其结果中给出 problems、不返回命中，其余主体照常核查；' +
          '只有请求体本身不合格（如 subjects 不是数组、超过 1000 个）时整体拒绝。' +
          '每次核查都留有记录：记录写入本机核查日志后才答复，进程崩溃也不丢失；记录缓冲已满或日志无法写入时答复 503 check.unrecorded。' +
          '答复还列出调用部门可见的失信信息（records，按领域共享范围；仅供参考，不是名单命中，不附措施），' +
          '激励资格（eligibility：绿色通道、容缺受理及其依据，来自生效中的红名单记录和信用办配置的资格规则；有生效中黑名单记录的主体始终不符合），' +
          '依重整计划或和解协议暂时解除措施的名单记录以 measures_lifted 状态列出且不附措施。',
        body: CheckBody,
        response: { 200: CheckResponse },
      },
      serializerCompiler: stringify,
    },
    async (req) => presentCheck(await acknowledgedCheck(ctx, actorOf(req), req.body)),
  );
};
