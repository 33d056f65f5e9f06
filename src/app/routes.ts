import type { RoutePlugin } from '../modules/shared/index.ts';
import type { AppContext } from './context.ts';
import { apiKeyRoutes, authRoutes, userRoutes } from '../modules/auth/index.ts';
import { departmentRoutes } from '../modules/departments/index.ts';
import { subjectSearchRoutes, subjectsRoutes } from '../modules/subjects/index.ts';
import { entriesRoutes } from '../modules/entries/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { calendarRoutes, catalogRoutes } from '../modules/catalog/index.ts';
import { identifierRoutes } from '../modules/identifiers/index.ts';
import { checksRoutes } from '../modules/checks/index.ts';
import { healthRoutes } from '../modules/health/index.ts';
import { settingsRoutes } from '../modules/settings/index.ts';
import { remindersRoutes } from '../modules/reminders/index.ts';
import { commitmentRoutes } from '../modules/commitments/index.ts';
import { eligibilityRoutes } from '../modules/eligibility/index.ts';
import { tipoffRoutes } from '../modules/tipoffs/index.ts';
import { recordCatalogRoutes, recordsRoutes } from '../modules/records/index.ts';
import { disclosureRoutes } from '../modules/disclosure/index.ts';
import { objectionsRoutes } from '../modules/objections/index.ts';
import { repairNoticeRoutes, repairsRoutes } from '../modules/repairs/index.ts';
import { publicRoutes } from '../modules/public/index.ts';
import { publicityRoutes } from '../modules/publicity/index.ts';
import { portalRoutes } from '../modules/portal/index.ts';
import { upwardRoutes } from '../modules/applications/index.ts';
import { dispatchRoutes } from '../modules/dispatch/index.ts';
import { webhookRoutes } from '../modules/webhooks/index.ts';
import { feedbackRoutes } from '../modules/feedback/index.ts';
import { jobsRoutes } from '../modules/jobs/index.ts';

/** Every feature's routes, in the order they appear in the API document. */
export const routes: RoutePlugin<AppContext>[] = [
  authRoutes,
  userRoutes,
  apiKeyRoutes,
  departmentRoutes,
  subjectsRoutes,
  entriesRoutes,
  auditRoutes,
  catalogRoutes,
  calendarRoutes,
  identifierRoutes,
  checksRoutes,
  healthRoutes,
  settingsRoutes,
  remindersRoutes,
  commitmentRoutes,
  eligibilityRoutes,
  tipoffRoutes,
  recordsRoutes,
  recordCatalogRoutes,
  disclosureRoutes,
  // the parties' rights: objections, repairs and repair notices, public filing and tracking, upward exchange
  objectionsRoutes,
  repairsRoutes,
  repairNoticeRoutes,
  publicRoutes,
  subjectSearchRoutes,
  // the public portal (信用门户): its data as JSON, then its reading pages (left out of the API document)
  publicityRoutes,
  upwardRoutes,
  dispatchRoutes,
  webhookRoutes,
  feedbackRoutes,
  jobsRoutes,
  portalRoutes,
];
