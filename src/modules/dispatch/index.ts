// The front of the dispatch module: what other modules may use. Everything else in this folder is its own.
export { TYPE_LABELS } from './dispatch.presenters.ts';
export { closeDispatch, findDispatchForUpdate } from './dispatch.repository.ts';
export { dispatchRoutes } from './dispatch.routes.ts';
export { dispatchNotFound } from './dispatch.usecases.ts';
export { dispatchJob } from './dispatcher.ts';
