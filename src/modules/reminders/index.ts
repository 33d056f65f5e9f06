// The front of the reminders module: what other modules may use. Everything else in this folder is its own.
export { remindersRoutes } from './reminders.routes.ts';
