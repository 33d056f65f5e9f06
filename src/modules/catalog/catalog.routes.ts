import { actorOf, type RoutePlugin } from '../shared/index.ts';
import {
  presentListType,
  presentListTypeVersion,
  presentMeasure,
  presentMeasureVersion,
} from './catalog.presenters.ts';
import {
  IdParams,
  ListType,
  ListTypeCreateBody,
  ListTypeList,
  ListTypePatchBody,
  ListTypesQuery,
  ListTypeVersion,
  Measure,
  MeasureCreateBody,
  MeasureList,
  MeasurePatchBody,
  MeasuresQuery,
  MeasureVersion,
  ScenarioList,
  VersionParams,
} from './catalog.schemas.ts';
import { browseScenarios } from './catalog.usecases.ts';
import {
  browseListTypes,
  changeListType,
  createListType,
  getListType,
  getListTypeVersion,
} from './list-types.usecases.ts';
import { browseMeasures, changeMeasure, createMeasure, getMeasure, getMeasureVersion } from './measures.usecases.ts';

const tags = ['catalog'];
const EDITORS = '（信用办、系统管理员）';

/** The catalog: readable by every authenticated caller (users and department systems), kept by the credit office. */
export const catalogRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/list-types',
    {
      schema: { tags, summary: '名单类型列表', querystring: ListTypesQuery, response: { 200: ListTypeList } },
    },
    async (req) => {
      const { listTypes, refs } = await browseListTypes(ctx, req.query);
      return { items: listTypes.map((l) => presentListType(l, refs)) };
    },
  );

  app.get(
    '/api/v1/list-types/:id',
    {
      schema: { tags, summary: '名单类型（当前版本）', params: IdParams, response: { 200: ListType } },
    },
    async (req) => {
      const { listType, refs } = await getListType(ctx, req.params.id);
      return presentListType(listType, refs);
    },
  );

  app.get(
    '/api/v1/list-types/:id/versions/:version',
    {
      schema: {
        tags,
        summary: '名单类型的历史版本（名单记录认定时所依据的规则）',
        params: VersionParams,
        response: { 200: ListTypeVersion },
      },
    },
    async (req) => {
      const { listType, refs } = await getListTypeVersion(ctx, req.params.id, req.params.version);
      return presentListTypeVersion(listType, refs);
    },
  );

  app.post(
    '/api/v1/list-types',
    {
      schema: { tags, summary: `新建名单类型${EDITORS}`, body: ListTypeCreateBody, response: { 201: ListType } },
    },
    async (req, reply) => {
      const { listType, refs } = await createListType({ ...ctx, actor: actorOf(req) }, req.body);
      return reply.code(201).send(presentListType(listType, refs));
    },
  );

  app.patch(
    '/api/v1/list-types/:id',
    {
      schema: {
        tags,
        summary: `修改名单类型，生成新版本${EDITORS}`,
        params: IdParams,
        body: ListTypePatchBody,
        response: { 200: ListType },
      },
    },
    async (req) => {
      const { listType, refs } = await changeListType({ ...ctx, actor: actorOf(req) }, req.params.id, req.body);
      return presentListType(listType, refs);
    },
  );

  app.get(
    '/api/v1/measures',
    {
      schema: { tags, summary: '奖惩措施清单', querystring: MeasuresQuery, response: { 200: MeasureList } },
    },
    async (req) => {
      const { measures, refs } = await browseMeasures(ctx, req.query);
      return { items: measures.map((m) => presentMeasure(m, refs)) };
    },
  );

  app.get(
    '/api/v1/measures/:id',
    {
      schema: { tags, summary: '奖惩措施（当前版本）', params: IdParams, response: { 200: Measure } },
    },
    async (req) => {
      const { measure, refs } = await getMeasure(ctx, req.params.id);
      return presentMeasure(measure, refs);
    },
  );

  app.get(
    '/api/v1/measures/:id/versions/:version',
    {
      schema: { tags, summary: '奖惩措施的历史版本', params: VersionParams, response: { 200: MeasureVersion } },
    },
    async (req) => {
      const { measure, refs } = await getMeasureVersion(ctx, req.params.id, req.params.version);
      return presentMeasureVersion(measure, refs);
    },
  );

  app.post(
    '/api/v1/measures',
    {
      schema: { tags, summary: `新建奖惩措施${EDITORS}`, body: MeasureCreateBody, response: { 201: Measure } },
    },
    async (req, reply) => {
      const { measure, refs } = await createMeasure({ ...ctx, actor: actorOf(req) }, req.body);
      return reply.code(201).send(presentMeasure(measure, refs));
    },
  );

  app.patch(
    '/api/v1/measures/:id',
    {
      schema: {
        tags,
        summary: `修改奖惩措施，生成新版本${EDITORS}`,
        params: IdParams,
        body: MeasurePatchBody,
        response: { 200: Measure },
      },
    },
    async (req) => {
      const { measure, refs } = await changeMeasure({ ...ctx, actor: actorOf(req) }, req.params.id, req.body);
      return presentMeasure(measure, refs);
    },
  );

  app.get(
    '/api/v1/scenarios',
    {
      schema: { tags, summary: '业务场景列表', response: { 200: ScenarioList } },
    },
    async () => ({ items: (await browseScenarios(ctx)).scenarios }),
  );
};
