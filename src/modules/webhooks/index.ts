// The front of the webhooks module: what other modules may use. Everything else in this folder is its own.
export { webhookDeliveryJob } from './webhook-delivery.ts';
export { createDeliveries } from './webhooks.repository.ts';
export { webhookRoutes } from './webhooks.routes.ts';
