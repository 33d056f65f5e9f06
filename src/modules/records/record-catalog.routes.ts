import { z } from 'zod';
import { type RoutePlugin, withActor } from '../shared/index.ts';
import { presentPenaltyClass, presentRecordDomain, presentSeverityRule } from './record-catalog.presenters.ts';
import {
  CreateRecordDomainBody,
  DomainParams,
  PenaltyClass,
  PenaltyClassBody,
  PenaltyClassParams,
  PenaltyClassQuery,
  RecordDomain,
  RecordingDepartmentsBody,
  SeverityParams,
  SeverityRule,
  SeverityRuleBody,
  UpdateRecordDomainBody,
} from './record-catalog.schemas.ts';
import {
  changeRecordDomain,
  changeSeverityRule,
  createRecordDomain,
  getRecordDomain,
  getSeverityRule,
  listPenaltyClasses,
  listRecordDomains,
  listSeverityRules,
  setPenaltyClass,
} from './record-catalog.usecases.ts';
import { setRecordingDepartments } from './record-domain-departments.ts';

const tags = ['record catalog'];
const EDITORS = '（信用办、系统管理员）';
const base = '/api/v1/catalog';

/** The dishonesty-record catalog: readable by every signed-in caller, kept by the credit office. */
export const recordCatalogRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);

  app.get(
    `${base}/severity-rules`,
    {
      schema: {
        tags,
        summary: '失信程度规则（轻微、一般、严重的公示与修复期限）',
        response: { 200: z.object({ items: z.array(SeverityRule) }) },
      },
    },
    async () => ({ items: (await listSeverityRules(ctx)).rules.map(presentSeverityRule) }),
  );

  app.get(
    `${base}/severity-rules/:severity`,
    {
      schema: { tags, summary: '一个失信程度的规则', params: SeverityParams, response: { 200: SeverityRule } },
    },
    async (req) => presentSeverityRule((await getSeverityRule(ctx, req.params.severity)).rule),
  );

  app.put(
    `${base}/severity-rules/:severity`,
    {
      schema: {
        tags,
        summary: `修改失信程度的期限${EDITORS}`,
        description: '修改期限生成新的规则版本，只适用于之后记录的失信信息；已有记录保留记录时的规则。',
        params: SeverityParams,
        body: SeverityRuleBody,
        response: { 200: SeverityRule },
      },
    },
    async (req) => presentSeverityRule((await changeSeverityRule(deps(req), req.params.severity, req.body)).rule),
  );

  const presentOne = (r: {
    domain: Parameters<typeof presentRecordDomain>[0];
    recordingDepartments: Parameters<typeof presentRecordDomain>[1];
  }) => presentRecordDomain(r.domain, r.recordingDepartments);

  app.get(
    `${base}/record-domains`,
    {
      schema: {
        tags,
        summary: '失信信息领域（共享范围、记录部门、双公示期限）',
        response: { 200: z.object({ items: z.array(RecordDomain) }) },
      },
    },
    async () => {
      const { domains, recording } = await listRecordDomains(ctx);
      return { items: domains.map((d) => presentRecordDomain(d, recording.get(d.code) ?? [])) };
    },
  );

  app.get(
    `${base}/record-domains/:code`,
    {
      schema: { tags, summary: '一个失信信息领域', params: DomainParams, response: { 200: RecordDomain } },
    },
    async (req) => presentOne(await getRecordDomain(ctx, req.params.code)),
  );

  app.post(
    `${base}/record-domains`,
    {
      schema: {
        tags,
        summary: `新增失信信息领域${EDITORS}`,
        body: CreateRecordDomainBody,
        response: { 201: RecordDomain },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return presentOne(await createRecordDomain(deps(req), req.body));
    },
  );

  app.put(
    `${base}/record-domains/:code`,
    {
      schema: {
        tags,
        summary: `修改失信信息领域${EDITORS}`,
        params: DomainParams,
        body: UpdateRecordDomainBody,
        response: { 200: RecordDomain },
      },
    },
    async (req) => presentOne(await changeRecordDomain(deps(req), req.params.code, req.body)),
  );

  app.put(
    `${base}/record-domains/:code/recording-departments`,
    {
      schema: {
        tags,
        summary: `设定可在该领域记录失信信息的部门${EDITORS}`,
        description:
          '整体替换该领域的记录部门；一个部门可以负责多个领域。其他部门在该领域记录失信信息时答复 403 record.domain_not_held。已记录的失信信息不受影响。',
        params: DomainParams,
        body: RecordingDepartmentsBody,
        response: { 200: RecordDomain },
      },
    },
    async (req) => {
      await setRecordingDepartments(deps(req), req.params.code, req.body);
      return presentOne(await getRecordDomain(ctx, req.params.code));
    },
  );

  app.get(
    `${base}/penalty-classes`,
    {
      schema: {
        tags,
        summary: '（领域, 处罚种类）→ 失信程度的对应关系',
        querystring: PenaltyClassQuery,
        response: { 200: z.object({ items: z.array(PenaltyClass) }) },
      },
    },
    async (req) => ({ items: (await listPenaltyClasses(ctx, req.query)).classes.map(presentPenaltyClass) }),
  );

  app.put(
    `${base}/penalty-classes/:domain/:penaltyType`,
    {
      schema: {
        tags,
        summary: `设定某领域某处罚种类的失信程度${EDITORS}`,
        description: '只影响之后记录的失信信息。',
        params: PenaltyClassParams,
        body: PenaltyClassBody,
        response: { 200: PenaltyClass },
      },
    },
    async (req) =>
      presentPenaltyClass(
        (await setPenaltyClass(deps(req), req.params.domain, req.params.penaltyType, req.body)).penaltyClass,
      ),
  );
};
