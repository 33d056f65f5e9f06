// The front of publicity (信用公示): the public portal's reads, as use cases (the portal's pages) and JSON routes.
export { creditProfile } from './credit-profile.usecases.ts';
export { toAtom, toCsv } from './publicity.feeds.ts';
export { filterOf, KIND_NAMES } from './publicity.filters.ts';
export { SUBJECT_KIND_LABELS } from './publicity.presenters.ts';
export type { PublicityFilter } from './publicity.repository.ts';
export { CSV_ROW_CAP, publicityRoutes } from './publicity.routes.ts';
export type {
  CreditProfileBody,
  OverviewBody,
  PoliciesBody,
  PublicityItemBody,
  PublicityPageBody,
} from './publicity.schemas.ts';
export {
  publicityFilters,
  publicityList,
  publicOverview,
  publicPolicies,
  stamp,
  type PublicityDeps,
} from './publicity.usecases.ts';
