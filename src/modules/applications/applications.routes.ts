import { z } from 'zod';
import {
  type Actor,
  type App,
  ATTACHMENT_BODY_LIMIT,
  attachmentDisposition,
  type ModuleContext,
  notFound,
  pageOf,
  readAttachment,
  withActor,
} from '../shared/index.ts';

type Deps = ModuleContext & { actor: Actor };

/** What the common routes of an application kind need: where they live, its name, its schemas and use cases. */
export interface ApplicationRoutes<Q extends z.ZodType, B extends z.ZodType, M> {
  path: string;
  stream: 'objection' | 'repair';
  /** 异议, 信用修复申请: the summaries read "<noun>列表", "<noun>详情", "下载<noun>附件". */
  noun: string;
  query: Q;
  view: z.ZodType;
  present(model: M): unknown;
  list(deps: Deps, query: z.infer<Q>): Promise<{ items: M[]; nextCursor: string | null }>;
  get(deps: Deps, id: string): Promise<M>;
  file: {
    summary: string;
    body: B;
    filed: z.ZodType;
    run(deps: Deps, body: z.infer<B>): Promise<{ item: M; trackingSecret: string }>;
  };
}

/**
 * Filing through a department, the list (a keyset page), the detail and the file download, alike for every kind.
 * Answers the kind's `step`: a POST on one application (<path>/:id/<step>) answered with its view.
 */
export function applicationRoutes<Q extends z.ZodType, B extends z.ZodType, M>(
  app: App,
  ctx: ModuleContext,
  spec: ApplicationRoutes<Q, B, M>,
) {
  const tags = [`${spec.stream}s`];
  const deps = withActor(ctx);
  const IdParams = z.object({ id: z.uuid() });
  app.post(
    spec.path,
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: { tags, summary: spec.file.summary, body: spec.file.body, response: { 201: spec.file.filed } },
    },
    async (req, reply) => {
      const { item, trackingSecret } = await spec.file.run(deps(req), req.body as z.infer<B>);
      reply.code(201);
      return { ...(spec.present(item) as object), trackingSecret };
    },
  );
  app.get(
    spec.path,
    {
      schema: {
        tags,
        summary: `${spec.noun}列表（本部门办理或代收的；信用办、管理员、审计可见全部）`,
        querystring: spec.query,
        response: { 200: pageOf(spec.view) },
      },
    },
    async (req) => {
      const page = await spec.list(deps(req), req.query as z.infer<Q>);
      return { items: page.items.map((m) => spec.present(m)), nextCursor: page.nextCursor };
    },
  );
  app.get(
    `${spec.path}/:id`,
    { schema: { tags, summary: `${spec.noun}详情`, params: IdParams, response: { 200: spec.view } } },
    async (req) => spec.present(await spec.get(deps(req), req.params.id)),
  );
  app.get(
    `${spec.path}/:id/attachments/:attachmentId`,
    { schema: { tags, summary: `下载${spec.noun}附件`, params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } },
    async (req, reply) => {
      await spec.get(deps(req), req.params.id);
      const file = await readAttachment(ctx.db, { stream: spec.stream, id: req.params.id }, req.params.attachmentId);
      if (!file) throw notFound('附件', 'attachment.not_found');
      reply
        .header('content-type', file.content_type)
        .header('content-disposition', attachmentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff');
      return file.content;
    },
  );
  return <B extends z.ZodType>(
    step: string,
    summary: string,
    body: B | undefined,
    run: (d: Deps, id: string, b: z.infer<B>) => Promise<M>,
  ) =>
    app.post(
      `${spec.path}/:id/${step}`,
      { schema: { tags, summary, params: IdParams, ...(body ? { body } : {}), response: { 200: spec.view } } },
      async (req) => spec.present(await run(deps(req), req.params.id, req.body as z.infer<B>)),
    );
}
