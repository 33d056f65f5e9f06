import type { AppContext } from '../app/context.ts';
import { createApiKey, createUser } from '../modules/auth/index.ts';
import { changeListType } from '../modules/catalog/index.ts';
import {
  createEntry,
  decide,
  endEntry,
  publish,
  recordStatement,
  review,
  serveNotice,
} from '../modules/entries/index.ts';
import { setSiteName } from '../modules/settings/index.ts';
import { systemActor, type Actor, type Role } from '../modules/shared/index.ts';
import {
  demoLoaded,
  departmentRefs,
  listTypeIdByCode,
  sanctionMeasures,
  skipPasswordChange,
} from './demo.repository.ts';
import { loadDemoWorkflows } from './demo.workflows.ts';
import { DEMO_PASSWORD, demoApiKeyDepartments, demoCompanies, demoPersons, demoUsers } from './demo.data.ts';

type Out = (line: string) => void;

/** The demo's portal name (示例区's credit site), stored as the credit office stores its own. */
const DEMO_SITE_NAME = '信用示例区';

/** How the demo's roles read in its printed account list. */
const ROLE_NAMES: Record<string, string> = {
  admin: '系统管理员',
  credit_office: '信用办',
  operator: '经办人',
  reviewer: '审核人',
  auditor: '审计员（只读）',
};

/** The printed API keys are shown once: how to get another. */
const NEW_KEY_HOWTO =
  'API 密钥遗失后无法找回，可新建一个：用演示账号 credit_officer（或 admin）登录（POST /api/v1/auth/login），' +
  '再调用 POST /api/v1/api-keys，请求体 {"name": "系统名称", "departmentId": "部门 ID", "expiresInDays": 365}（部门 ID 见 GET /api/v1/departments）；' +
  '新密钥只在应答中显示一次。遗失的旧密钥可用 POST /api/v1/api-keys/{id}/revocation 吊销。';

/**
 * Loads the demo data set through the same use cases the API calls: users of each department, API keys for three
 * business systems, and entries in every state. Refuses to load twice.
 */
export async function loadDemo(ctx: AppContext, out: Out): Promise<number> {
  const { db } = ctx;
  if (await demoLoaded(db)) {
    out('演示数据已载入过，未重复载入。');
    out(NEW_KEY_HOWTO);
    return 0;
  }
  const departmentRows = await departmentRefs(db);
  const departments = new Map(departmentRows.map((d) => [d.code, d.id]));
  const departmentNames = new Map(departmentRows.map((d) => [d.code, d.name]));
  const office = departments.get('credit_office')!;
  const admin = systemActor('demo', office);

  const actors = new Map<string, Actor>();
  for (const u of demoUsers) {
    const departmentId = departments.get(u.departmentCode)!;
    const { user } = await createUser(
      { ...ctx, actor: admin },
      { username: u.username, displayName: u.displayName, departmentId, roles: [...u.roles], password: DEMO_PASSWORD },
    );
    await skipPasswordChange(db, user.id);
    actors.set(u.username, {
      kind: 'user',
      id: user.id,
      ref: `user:${user.id}`,
      departmentId,
      roles: [...u.roles] as Role[],
      username: u.username,
    });
  }
  const as = (username: string) => ({ ...ctx, actor: actors.get(username)! });
  const listType = (code: string) => listTypeIdByCode(db, code);
  const sanctions = async (code: string) => {
    const id = await listType(code);
    return (await sanctionMeasures(db)).filter((m) => m.list_type_ids.includes(id)).map((m) => m.id);
  };
  const [c, p] = [demoCompanies, demoPersons];

  const draft = async (
    dept: string,
    code: string,
    subject: { uscc?: string; citizenId?: string; name: string },
    reason: string,
  ) => (await createEntry(as(`${dept}_operator`), { listTypeId: await listType(code), subject, reason })).entry.id;
  const notice = (dept: string, id: string, no: number, servedDate: string) =>
    serveNotice(as(`${dept}_operator`), id, {
      documentNo: `示${dept}告〔2026〕${no}号`,
      servedDate,
      content: '拟列入严重失信主体名单的事实、理由、依据，以及依法享有陈述、申辩的权利。',
    });
  const decision = async (
    dept: string,
    code: string,
    id: string,
    no: number,
    date: string,
    basisDate: string,
    persons: { citizenId: string; name: string; role: 'legalRepresentative' | 'principal' | 'responsiblePerson' }[],
  ) =>
    decide(as(`${dept}_reviewer`), id, {
      documentNo: `示${dept}认〔2026〕${no}号`,
      date,
      reason: '经依法调查认定存在严重失信行为',
      basis: '所属名单类型的管理办法及相关法律法规',
      measureIds: await sanctions(code),
      removalConditions: '期限届满，或经信用修复后提前移出',
      removalProcedure: '向认定部门提出申请，经核查后移出',
      remedies: '可自收到决定书之日起六十日内申请行政复议，或六个月内提起行政诉讼',
      relatedPersons: persons,
      basisDocument: { kind: 'penalty_decision', documentNo: `示${dept}罚〔2026〕${no}号`, date: basisDate },
    });
  const blackInEffect = async (
    dept: string,
    code: string,
    subject: { uscc?: string; citizenId?: string; name: string },
    no: number,
    persons: Parameters<typeof decision>[6],
  ) => {
    const id = await draft(dept, code, subject, '演示：严重失信行为');
    await notice(dept, id, no, '2026-08-03');
    await decision(dept, code, id, no, '2026-08-20', '2026-07-15', persons);
    await publish(as(`${dept}_reviewer`), id, {});
    return id;
  };
  const legal = (i: number) => [{ ...p[i]!, role: 'legalRepresentative' as const }];

  // Black lists: in effect (with the persons the decisions name), and one entry in each earlier state.
  await blackInEffect('amr', 'black_amr', c[0], 1, legal(0));
  await blackInEffect('amr', 'black_amr', c[1], 2, [...legal(1), { ...p[2]!, role: 'responsiblePerson' }]);
  await blackInEffect('emergency', 'black_safety', c[2], 3, legal(3));
  await blackInEffect('court', 'black_court', p[4], 4, []);
  await blackInEffect('hrss', 'black_wage', c[11], 5, legal(3));
  await draft('amr', 'black_amr', c[7], '演示：涉嫌提供虚假材料，调查中');
  const noticed = await draft('eco', 'black_env', c[6], '演示：涉嫌篡改监测数据');
  await notice('eco', noticed, 6, '2026-11-02');
  const stated = await draft('amr', 'black_amr', c[8], '演示：涉嫌虚假广告');
  await notice('amr', stated, 7, '2026-10-12');
  await recordStatement(as('amr_operator'), stated, {
    receivedDate: '2026-10-14',
    summary: '当事人称广告内容由第三方制作',
    adopted: false,
    reply: '经核查理由不成立',
  });
  const decided = await draft('tax', 'black_tax', c[9], '演示：虚开发票');
  await notice('tax', decided, 8, '2026-09-01');
  await decision('tax', 'black_tax', decided, 8, '2026-09-15', '2026-08-28', legal(4));
  const revoked = await blackInEffect('amr', 'black_amr', c[10], 9, legal(2));
  await endEntry(as('amr_reviewer'), revoked, {
    reason: 'revoked',
    note: '演示：认定依据的行政处罚决定被复议机关撤销',
  });

  // Red lists: in effect, reviewed, nominated, rejected, and one that ended when its subject was black-listed.
  const red = async (
    dept: string,
    code: string,
    subject: { uscc: string; name: string },
    steps: 'nominated' | 'reviewed' | 'in_effect' | 'rejected',
  ) => {
    const id = await draft(dept, code, subject, '演示：诚信典型');
    if (steps === 'nominated') return id;
    await review(
      as(`${dept}_reviewer`),
      id,
      steps === 'rejected'
        ? { approved: false, opinion: '演示：材料不足，不予通过' }
        : { approved: true, opinion: '同意', validFrom: '2026-07-01' },
    );
    if (steps === 'in_effect') await publish(as(`${dept}_reviewer`), id, {});
    return id;
  };
  await red('tax', 'red_tax_a', c[3], 'in_effect');
  await red('tax', 'red_tax_a', c[4], 'reviewed');
  await red('hrss', 'red_labor_a', c[8], 'nominated');
  await red('eco', 'red_env_good', c[7], 'rejected');
  await red('hrss', 'red_labor_a', c[5], 'in_effect');
  await blackInEffect('hrss', 'black_wage', c[5], 10, legal(1));

  await loadDemoWorkflows(ctx, as);
  // The credit office puts the wage-arrears black list on the portal's exposure page (曝光台).
  await changeListType(as('credit_officer'), await listType('black_wage'), { exposed: true });

  const keys: string[] = [];
  for (const code of demoApiKeyDepartments) {
    const { key } = await createApiKey(
      { ...ctx, actor: admin },
      { name: `${code} 业务系统（演示）`, departmentId: departments.get(code)!, expiresInDays: 365 },
    );
    keys.push(`  ${departmentNames.get(code) ?? code}（${code}）：${key}`);
  }
  out(
    '演示数据已载入：示例区各部门账号、12 家演示企业、5 名演示自然人，各状态的红黑名单记录、各失信程度的行政处罚信息、一件待处理的异议、一份信用承诺，以及各实施部门的推送待办。',
  );
  out(`演示账号（密码均为 ${DEMO_PASSWORD}，无须修改即可使用）：`);
  for (const u of demoUsers) {
    out(
      `  ${u.username.padEnd(22)}${departmentNames.get(u.departmentCode) ?? u.departmentCode}\u3000${u.roles.map((r) => ROLE_NAMES[r]).join('、')}`,
    );
  }
  out('演示业务系统 API 密钥（仅显示这一次，请妥善保存）：');
  for (const line of keys) out(line);
  out(NEW_KEY_HOWTO);
  out(
    `公众门户：启动后访问 http://${ctx.config.host}:${ctx.config.port}/ ；曝光台已公开「拖欠农民工工资失信联合惩戒对象名单」。`,
  );
  await setSiteName({ ...ctx, actor: admin }, DEMO_SITE_NAME);
  out(
    `门户名称已设为“${DEMO_SITE_NAME}”（信用办可用 PUT /api/v1/settings/site 修改；设置了 CREDLINK_SITE_NAME 时以其为准）。`,
  );
  return 0;
}
