import { z } from 'zod';
import { freeText, pageOf, pageParams } from '../shared/index.ts';

export const WebhookIdParams = z.object({ id: z.uuid() });
export const DeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });

export const CreateWebhookBody = z
  .object({
    url: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .describe('接收推送的地址（http 或 https）；内网、回环、链路本地地址须经系统管理员加入出站白名单'),
    departmentId: z
      .uuid()
      .optional()
      .describe('订阅的部门：信用办和系统管理员可为任一部门登记；部门人员只能为本部门登记，可省略'),
  })
  .meta({ id: 'CreateWebhook' });

export const Webhook = z
  .object({
    id: z.uuid(),
    department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).describe('接收推送的部门'),
    url: z.string(),
    active: z.boolean().describe('false：已停用，不再投递'),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .meta({ id: 'Webhook' });

export const CreatedWebhook = z
  .object({
    webhook: Webhook,
    secret: z
      .string()
      .describe('签名密钥（64 位十六进制字符）：只在登记时显示这一次，请妥善保存，用于校验 X-CredLink-Signature'),
  })
  .meta({ id: 'CreatedWebhook' });

export const WebhookQuery = z.object({
  departmentId: z.uuid().optional().describe('按部门筛选（信用办、管理员、审计）'),
});

export const DeliveryAttempt = z
  .object({
    attemptedAt: z.string(),
    status: z.int().nullable().describe('接收方答复的 HTTP 状态码；未收到答复时为 null'),
    error: z.string().nullable().describe('失败原因'),
    durationMs: z.int(),
    manual: z.boolean().describe('true：人工重新投递'),
  })
  .meta({ id: 'WebhookDeliveryAttempt' });

export const Delivery = z
  .object({
    id: z.uuid().describe('投递编号（请求头 X-CredLink-Delivery）'),
    dispatchId: z.uuid(),
    idempotencyKey: z.string().describe('幂等键（请求头 Idempotency-Key）：同一推送的每次投递都相同'),
    dataVersion: z.string(),
    state: z
      .enum(['pending', 'delivered', 'failed'])
      .describe('pending：待投递或等待重试；delivered：已送达；failed：24 小时内未能送达或订阅已停用'),
    attempts: z.int(),
    nextAttemptAt: z.string().nullable().describe('下次自动投递时间（仅 pending）'),
    giveUpAt: z.string().describe('停止自动重试的时间：首次投递后 24 小时'),
    lastStatus: z.int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    attemptLog: z.array(DeliveryAttempt).describe('每次投递的记录，按时间先后'),
  })
  .meta({ id: 'WebhookDelivery' });

export const DeliveryQuery = z.object({
  state: z.enum(['pending', 'delivered', 'failed']).optional(),
  ...pageParams,
  // Wider than other lists' 200 since before keyset paging: clients that read 500 at a time keep working.
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('每页条数（1–500）'),
});

export const DeliveryPage = pageOf(Delivery).meta({ id: 'WebhookDeliveryPage' });

export const Redelivery = z
  .object({
    delivered: z.boolean().describe('本次是否送达（接收方在 10 秒内答复 2xx）'),
    attempt: DeliveryAttempt,
    delivery: Delivery,
  })
  .meta({ id: 'WebhookRedelivery' });

export const AllowEntry = z
  .object({
    id: z.uuid(),
    pattern: z.string().describe('主机名、IP 地址或 CIDR 网段'),
    note: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'EgressAllowEntry' });

export const CreateAllowEntryBody = z
  .object({
    pattern: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe('允许的主机名（如 hooks.internal.example）、IP 地址（如 10.1.2.3）或 CIDR 网段（如 10.1.0.0/16）'),
    note: freeText(z.string().trim().min(1).max(500)).describe('用途说明（哪个部门的哪个系统）'),
  })
  .meta({ id: 'CreateEgressAllowEntry' });
