import type { RoutePlugin } from '../shared/http.ts';
import { upwardRoutes } from '../applications/index.ts';
import { objectionsRoutes } from '../objections/index.ts';
import { repairNoticeRoutes, repairsRoutes } from '../repairs/index.ts';
import { publicRoutes } from './public.routes.ts';

/** The parties' rights (objections, repairs, repair notices), public filing and tracking, upward exchange. */
export const partyRightsRoutes: RoutePlugin = async (app, ctx) => {
  for (const routes of [objectionsRoutes, repairsRoutes, repairNoticeRoutes, publicRoutes, upwardRoutes])
    await routes(app, ctx);
};
