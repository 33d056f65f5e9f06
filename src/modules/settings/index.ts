// The front of the settings module: what other modules may use. Everything else in this folder is its own.
export { settingsRoutes } from './settings.routes.ts';
export { DEFAULT_SITE_NAME, SiteName, setSiteName } from './site-name.usecases.ts';
