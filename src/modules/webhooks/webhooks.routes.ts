import { z } from 'zod';
import { type RoutePlugin, withActor } from '../shared/index.ts';
import { allowTarget, listAllowlist, removeAllowEntry } from './egress.usecases.ts';
import { presentAllowEntry, presentAttempt, presentDelivery, presentWebhook } from './webhooks.presenters.ts';
import {
  AllowEntry,
  CreateAllowEntryBody,
  CreatedWebhook,
  CreateWebhookBody,
  DeliveryPage,
  DeliveryParams,
  DeliveryQuery,
  Redelivery,
  Webhook,
  WebhookIdParams,
  WebhookQuery,
} from './webhooks.schemas.ts';
import {
  disableWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  registerWebhook,
  webhookViews,
} from './webhooks.usecases.ts';

const tags = ['webhooks'];

export const webhookRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);
  const present = async (w: Parameters<typeof presentWebhook>[0]) => {
    const [view] = await webhookViews(ctx.db, [w]);
    return presentWebhook(view!.webhook, view!.department);
  };

  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: '登记推送订阅（签名密钥只显示这一次）',
        body: CreateWebhookBody,
        response: { 201: CreatedWebhook },
        description:
          '本部门经办、审核人员为本部门登记，信用办和系统管理员可为任一部门登记。目标地址在登记时和每次投递时解析并检查：' +
          '内网、回环、链路本地等地址须经系统管理员加入出站白名单（/api/v1/egress-allowlist）。签名与校验见 docs/webhooks.md。',
      },
    },
    async (req, reply) => {
      const { webhook, secret } = await registerWebhook(deps(req), req.body);
      return reply.code(201).send({ webhook: await present(webhook), secret });
    },
  );

  app.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: '推送订阅列表（本部门；信用办、管理员、审计可见全部）',
        querystring: WebhookQuery,
        response: { 200: z.object({ items: z.array(Webhook) }) },
      },
    },
    async (req) => {
      const { webhooks } = await listWebhooks(deps(req), req.query);
      return { items: webhooks.map((v) => presentWebhook(v.webhook, v.department)) };
    },
  );

  app.get(
    '/api/v1/webhooks/:id',
    {
      schema: { tags, summary: '推送订阅详情', params: WebhookIdParams, response: { 200: Webhook } },
    },
    async (req) => present((await getWebhook(deps(req), req.params.id)).webhook),
  );

  app.delete(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: '停用推送订阅（尚未送达的投递标记为失败）',
        params: WebhookIdParams,
        response: { 200: Webhook },
      },
    },
    async (req) => present((await disableWebhook(deps(req), req.params.id)).webhook),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: '投递记录（新的在前，含每次投递的结果）',
        params: WebhookIdParams,
        querystring: DeliveryQuery,
        response: { 200: DeliveryPage },
      },
    },
    async (req) => {
      const { deliveries, attempts, nextCursor } = await listDeliveries(deps(req), req.params.id, req.query);
      return { items: deliveries.map((d) => presentDelivery(d, attempts)), nextCursor };
    },
  );

  app.post(
    '/api/v1/webhooks/:id/deliveries/:deliveryId/redelivery',
    {
      schema: {
        tags,
        summary: '人工重新投递（已送达或已失败的投递；幂等键不变）',
        params: DeliveryParams,
        response: { 200: Redelivery },
      },
    },
    async (req) => {
      const { delivery, attempts, attempt, delivered } = await redeliver(
        deps(req),
        req.params.id,
        req.params.deliveryId,
      );
      return { delivered, attempt: presentAttempt(attempt), delivery: presentDelivery(delivery, attempts) };
    },
  );

  app.get(
    '/api/v1/egress-allowlist',
    {
      schema: {
        tags,
        summary: '出站白名单（系统管理员）',
        response: { 200: z.object({ items: z.array(AllowEntry) }) },
      },
    },
    async (req) => ({ items: (await listAllowlist(deps(req))).entries.map(presentAllowEntry) }),
  );

  app.post(
    '/api/v1/egress-allowlist',
    {
      schema: {
        tags,
        summary: '允许推送到内网、回环或链路本地目标（系统管理员，留痕）',
        body: CreateAllowEntryBody,
        response: { 201: AllowEntry },
      },
    },
    async (req, reply) => reply.code(201).send(presentAllowEntry((await allowTarget(deps(req), req.body)).entry)),
  );

  app.delete(
    '/api/v1/egress-allowlist/:id',
    {
      schema: {
        tags,
        summary: '移除出站白名单条目（系统管理员，留痕）',
        params: WebhookIdParams,
        response: { 204: z.undefined().describe('成功，无返回内容') },
      },
    },
    async (req, reply) => {
      await removeAllowEntry(deps(req), req.params.id);
      return reply.code(204).send();
    },
  );
};
