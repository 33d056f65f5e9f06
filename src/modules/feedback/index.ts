// The front of the feedback module: what other modules may use. Everything else in this folder is its own.
export { feedbackRoutes } from './feedback.routes.ts';
