import type { RoutePlugin } from '../modules/shared/http.ts';
import type { AppContext } from './context.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { userRoutes } from '../modules/auth/users.routes.ts';
import { apiKeyRoutes } from '../modules/auth/api-keys.routes.ts';
import { departmentRoutes } from '../modules/departments/departments.routes.ts';
import { subjectsRoutes } from '../modules/subjects/subjects.routes.ts';
import { entriesRoutes } from '../modules/entries/entries.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { catalogRoutes } from '../modules/catalog/catalog.routes.ts';
import { calendarRoutes } from '../modules/catalog/calendar.routes.ts';
import { identifierRoutes } from '../modules/identifiers/identifiers.routes.ts';
import { checksRoutes } from '../modules/checks/checks.routes.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { settingsRoutes } from '../modules/settings/settings.routes.ts';
import { remindersRoutes } from '../modules/reminders/reminders.routes.ts';
import { commitmentRoutes } from '../modules/commitments/commitments.routes.ts';
import { eligibilityRoutes } from '../modules/eligibility/eligibility.routes.ts';
import { tipoffRoutes } from '../modules/tipoffs/tipoffs.routes.ts';
import { recordsRoutes } from '../modules/records/records.routes.ts';
import { recordCatalogRoutes } from '../modules/records/record-catalog.routes.ts';
import { disclosureRoutes } from '../modules/disclosure/disclosure.routes.ts';
import { objectionsRoutes } from '../modules/objections/index.ts';
import { repairNoticeRoutes, repairsRoutes } from '../modules/repairs/index.ts';
import { publicRoutes } from '../modules/public/public.routes.ts';
import { upwardRoutes } from '../modules/applications/index.ts';
import { dispatchRoutes } from '../modules/dispatch/dispatch.routes.ts';
import { webhookRoutes } from '../modules/webhooks/webhooks.routes.ts';
import { feedbackRoutes } from '../modules/feedback/feedback.routes.ts';
import { jobsRoutes } from '../modules/jobs/jobs.routes.ts';

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
  upwardRoutes,
  dispatchRoutes,
  webhookRoutes,
  feedbackRoutes,
  jobsRoutes,
];
