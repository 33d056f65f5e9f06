// The front of the party's application workflow (当事人申请): what objections, repairs, public filing, upward intake
// and tip-offs share. Other modules import it only from here.
export {
  announce,
  applicationKind,
  assignApplication,
  canSee,
  decideApplication,
  FILERS,
  getApplication,
  listApplications,
  lockOwn,
  lockTargetOf,
  withdrawApplication,
  withdrawByNumber,
  type ApplicationDeps,
  type ApplicationKind,
  type Decided,
  type PublicDeps,
} from './applications.usecases.ts';
export {
  filePublicly,
  fileThroughDepartment,
  insertFiling,
  matchPublicTarget,
  namedTargetOf,
  newFiling,
  type NewApplication,
  type PublicFilingTarget,
} from './applications.filing.ts';
export {
  creditOfficeDepartmentId,
  findApplicationForUpdate,
  openOnTarget,
  updateApplication,
  withRefs,
  type ApplicationRowOf,
  type WithRefs,
} from './applications.repository.ts';
export { presentApplication } from './applications.presenters.ts';
export {
  applicationQuery,
  applicationViewFields,
  DepartmentRef,
  NamedTarget,
  ORIGINS,
  originFields,
  text,
  UPWARD_ORIGINS,
} from './applications.schemas.ts';
export { assertPartyOfTarget, Party, PartyInput, parseParty, type StoredParty } from './party.ts';
export { assertUpwardFiling, departmentFor, isCreditOfficeCaller, isUpward } from './routing.ts';
export { stateMachine, type StateMachine } from './states.ts';
export {
  assertTargetState,
  findTarget,
  isPubliclyDisclosed,
  lockTarget,
  refOf,
  targetLabel,
  TargetRef,
  type Target,
} from './targets.ts';
export { applicationRoutes } from './applications.routes.ts';
export { upwardRoutes } from './upward.routes.ts';
