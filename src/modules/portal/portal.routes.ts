import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  creditProfile,
  filterOf,
  publicityFilters,
  publicityList,
  publicOverview,
  publicPolicies,
  stamp,
} from '../publicity/index.ts';
import { chinaDate, DateString, type ModuleContext, type RoutePlugin, type SyncStatus } from '../shared/index.ts';
import { IMMUTABLE, STYLESHEET } from './assets.ts';
import { homePage } from './home.page.ts';
import { exposurePage, listPage } from './lists.page.ts';
import { PageCache } from './page-cache.ts';
import { policiesPage } from './policies.page.ts';
import { searchSubjects } from '../subjects/index.ts';
import { screenQuery } from './search.ts';
import { searchPage } from './search.page.ts';
import { subjectPage } from './subject.page.ts';

/** The routes of the reading pages: their errors are answered as pages (src/app/server.ts). */
export const PAGE_ROUTES: ReadonlySet<string> = new Set([
  '/',
  '/search',
  '/subjects/:key',
  '/lists/red',
  '/lists/black',
  '/exposure',
  '/policies',
]);

export type PortalContext = ModuleContext & { sync: { status(): SyncStatus }; site: { name(): string } };

/** An empty form field is no filter (a plain GET form sends `from=` when the date is left blank). */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const code = z.string().regex(/^[a-z0-9_]{1,64}$/);
// Pages accept parameters they do not use (e.g. tracking tags on a shared link) instead of refusing them.
const pageQuery = <S extends z.ZodRawShape>(shape: S) => z.object(shape).catchall(z.unknown());
const cursor = blank(z.string().max(400));

const ListQuery = pageQuery({
  listType: blank(code),
  department: blank(code),
  from: blank(DateString),
  to: blank(DateString),
  cursor,
});
const PAGE_SIZE = 20;

/** The reading pages of the public portal (信用门户): plain server templates, cached by data version. */
export const portalRoutes: RoutePlugin<PortalContext> = (app, ctx) => {
  const cache = new PageCache();
  // Read at each render: the credit office may rename the site (a change is an event, so cached pages are old).
  const site = () => ctx.site.name();
  const options = { config: { public: true }, schema: { hide: true } } as const;

  /** The page for this URL at the current data version: rendered once, then served from memory. */
  async function send(req: FastifyRequest, reply: FastifyReply, render: () => Promise<string>) {
    const sync = ctx.sync.status();
    // A view that is behind the log (or not loaded) cannot vouch for its version: render without caching.
    const cacheable = sync.loaded && !sync.stale;
    const key = `${req.url}\n${sync.dataVersion}\n${chinaDate(ctx.clock.now())}`;
    let body = cacheable ? cache.get(key) : undefined;
    if (body === undefined) {
      body = await render();
      if (cacheable) cache.set(key, body);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
  }

  app.get(STYLESHEET.path, options, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', IMMUTABLE).send(STYLESHEET.body),
  );

  app.get('/', { ...options, schema: { hide: true, querystring: pageQuery({}) } }, (req, reply) =>
    send(req, reply, async () => homePage(site(), await publicOverview(ctx))),
  );

  app.get(
    '/search',
    {
      ...options,
      schema: {
        hide: true,
        querystring: pageQuery({ q: z.string().optional(), page: blank(z.coerce.number().int().min(1).max(1000)) }),
      },
    },
    async (req, reply) => {
      const q = req.query.q ?? '';
      if (q.trim() === '') return send(req, reply, async () => searchPage(site(), { q: '' }));
      const screened = screenQuery(q);
      if ('refusal' in screened) {
        reply.code(422).header('cache-control', 'no-store');
        return reply.type('text/html; charset=utf-8').send(searchPage(site(), { q, refusal: screened.refusal }));
      }
      if (screened.parsed.kind === 'code') return reply.redirect(`/subjects/${screened.parsed.uscc}`, 303);
      return send(req, reply, async () => {
        const [asOf, result] = await Promise.all([stamp(ctx), searchSubjects(ctx, { q, page: req.query.page })]);
        return searchPage(site(), { q, result }, asOf);
      });
    },
  );

  app.get(
    '/subjects/:key',
    { ...options, schema: { hide: true, params: z.object({ key: z.string().max(64) }), querystring: pageQuery({}) } },
    (req, reply) => send(req, reply, async () => subjectPage(site(), await creditProfile(ctx, req.params.key))),
  );

  for (const kind of ['red', 'black'] as const) {
    app.get(`/lists/${kind}`, { ...options, schema: { hide: true, querystring: ListQuery } }, (req, reply) =>
      send(req, reply, async () => {
        const { listType, department, from, to } = req.query;
        const f = { listType, department, from, to };
        const [filters, data] = await Promise.all([
          publicityFilters(ctx),
          publicityList(ctx, filterOf(kind, f), { limit: PAGE_SIZE, cursor: req.query.cursor }),
        ]);
        return listPage(site(), kind, f, req.query.cursor, filters, data);
      }),
    );
  }

  app.get('/exposure', { ...options, schema: { hide: true, querystring: pageQuery({ cursor }) } }, (req, reply) =>
    send(req, reply, async () => {
      const [filters, data] = await Promise.all([
        publicityFilters(ctx),
        publicityList(ctx, { kind: 'black', exposedOnly: true }, { limit: PAGE_SIZE, cursor: req.query.cursor }),
      ]);
      const exposed = filters.listTypes.filter((l) => l.exposed && l.kind === 'black');
      return exposurePage(site(), req.query.cursor, exposed, data);
    }),
  );

  app.get('/policies', { ...options, schema: { hide: true, querystring: pageQuery({}) } }, (req, reply) =>
    send(req, reply, async () => policiesPage(site(), await publicPolicies(ctx))),
  );
};
