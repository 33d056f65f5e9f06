// The front of objections (异议): what public filing and tracking use.
export { withdrawObjectionByParty } from './objections.decision.ts';
export { filePublicObjection } from './objections.filing.ts';
export { objectionsRoutes } from './objections.routes.ts';
export { OBJECTION_STATE_LABELS } from './objections.states.ts';
export { fileObjection } from './objections.filing.ts';
