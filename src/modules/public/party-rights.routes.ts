import type { RoutePlugin } from '../shared/http.ts';
import { objectionsRoutes } from '../objections/objections.routes.ts';
import { upwardRoutes } from '../objections/upward.routes.ts';
import { repairNoticeRoutes } from '../repairs/repair-notice.routes.ts';
import { repairsRoutes } from '../repairs/repairs.routes.ts';
import { publicRoutes } from './public.routes.ts';

/** The parties' rights (objections, repairs, repair notices), public filing and tracking, upward exchange. */
export const partyRightsRoutes: RoutePlugin = async (app, ctx) => {
  for (const routes of [objectionsRoutes, repairsRoutes, repairNoticeRoutes, publicRoutes, upwardRoutes])
    await routes(app, ctx);
};
