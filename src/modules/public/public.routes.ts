import { z } from 'zod';
import { ATTACHMENT_BODY_LIMIT, type RoutePlugin } from '../shared/index.ts';
import { filePublicObjection } from '../objections/index.ts';
import { filePublicRepair, publicNotice, sendNotice } from '../repairs/index.ts';
import {
  FilingReceipt,
  PublicObjectionBody,
  PublicRepairBody,
  RECEIPT_MESSAGE,
  TrackingBody,
  TrackingView,
} from './public.schemas.ts';
import { track, withdrawByParty } from './tracking.usecases.ts';

const tags = ['public'];
const config = { public: true };

export const publicRoutes: RoutePlugin = (app, ctx) => {
  app.post(
    '/api/v1/public/objections',
    {
      config,
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: '公开提出异议（无需账号）：凭代码、名称和联系方式表明身份，以文号或编号指明对象',
        security: [],
        body: PublicObjectionBody,
        response: { 201: FilingReceipt },
      },
    },
    async (req, reply) => {
      const receipt = await filePublicObjection(ctx, req.body);
      reply.code(201).header('cache-control', 'no-store');
      return { ...receipt, message: RECEIPT_MESSAGE };
    },
  );

  app.post(
    '/api/v1/public/repairs',
    {
      config,
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: '公开申请信用修复（无需账号）：履行证明和信用承诺；未到可申请日期的，可在查询中看到该日期',
        security: [],
        body: PublicRepairBody,
        response: { 201: FilingReceipt },
      },
    },
    async (req, reply) => {
      const receipt = await filePublicRepair(ctx, req.body);
      reply.code(201).header('cache-control', 'no-store');
      return { ...receipt, message: RECEIPT_MESSAGE };
    },
  );

  app.post(
    '/api/v1/public/tracking',
    {
      config: { ...config, errorAnswers: [429] }, // tracking.too_many_attempts
      schema: {
        tags,
        summary: '凭申请编号和查询密码查询异议、信用修复、举报的办理状态和结果',
        security: [],
        body: TrackingBody,
        response: { 200: TrackingView },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return track(ctx, req.body);
    },
  );

  app.post(
    '/api/v1/public/tracking/withdrawal',
    {
      config: { ...config, errorAnswers: [429] },
      schema: {
        tags,
        summary: '凭申请编号和查询密码撤回异议或信用修复申请（决定作出前）',
        security: [],
        body: TrackingBody,
        response: { 200: TrackingView },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return withdrawByParty(ctx, req.body);
    },
  );

  app.get(
    '/api/v1/public/repair-notices/:stream/:id',
    {
      config: { ...config, errorAnswers: [409, 422] },
      schema: {
        tags,
        summary: '下载公示信息的信用修复告知书（HTML 文件）',
        security: [],
        params: z.object({ stream: z.enum(['entry', 'record']), id: z.uuid() }),
      },
    },
    async (req, reply) => sendNotice(reply, await publicNotice(ctx, req.params.stream, req.params.id)),
  );
};
