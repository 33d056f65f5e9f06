// The front of the portal (信用门户): its reading pages, and the message pages the server shows browsers.
export { messagePage, notFoundMessage, pageError } from './errors.page.ts';
export { PAGE_ROUTES, portalRoutes, type PortalContext } from './portal.routes.ts';
