// The front of the catalog module: what other modules may use. Everything else in this folder is its own.
export { calendarRoutes } from './calendar.routes.ts';
export { CalendarService } from './calendar.service.ts';
export { ensureCatalogSeed } from './catalog.bootstrap.ts';
export { findListType } from './catalog.repository.ts';
export type { ListTypeRow } from './catalog.repository.ts';
export { catalogRoutes } from './catalog.routes.ts';
export { isUniqueViolation, requireCatalogEditor } from './catalog.usecases.ts';
export { changeListType } from './list-types.usecases.ts';
