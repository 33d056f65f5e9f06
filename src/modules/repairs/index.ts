// The front of repairs (信用修复): what public filing, tracking, the notice download and the jobs use.
export { sendNotice, repairNoticeRoutes } from './repair-notice.routes.ts';
export { publicNotice } from './repair-notice.usecases.ts';
export { withdrawRepairByParty } from './repairs.decision.ts';
export { filePublicRepair } from './repairs.filing.ts';
export { repairsRoutes } from './repairs.routes.ts';
export { repairFields } from './repairs.schemas.ts';
export { REPAIR_KIND_LABELS, REPAIR_STATE_LABELS } from './repairs.states.ts';
export { liftingExpiryJob } from './lifting-expiry.job.ts';
