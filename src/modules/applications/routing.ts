import { type Actor, type Executor, forbidden, hasRole, unprocessable } from '../shared/index.ts';
import { creditOfficeDepartmentId } from './applications.repository.ts';
import type { Target } from './targets.ts';

// Routing: an application goes to the department that decided its target (谁决定、谁负责; 谁认定、谁修复); what
// matches no target goes to the credit office for triage. Upward platforms reach the system through the credit office.

export type UpwardOrigin = 'credit_china' | 'provincial';
export const isUpward = (origin: string): origin is UpwardOrigin =>
  origin === 'credit_china' || origin === 'provincial';

/** The deciding department of the target, or the credit office when there is none. */
export const departmentFor = async (db: Executor, target: Target | null): Promise<string> =>
  target?.row.department_id ?? (await creditOfficeDepartmentId(db));

/** The credit office exchanges with upward platforms: its users, or an API key of its department. */
export async function isCreditOfficeCaller(db: Executor, actor: Actor): Promise<boolean> {
  if (actor.kind === 'user' && hasRole(actor, 'credit_office')) return true;
  return actor.kind === 'api_key' && actor.departmentId === (await creditOfficeDepartmentId(db));
}

/** Filings that arrive from 信用中国 or the provincial platform carry the platform's own number. */
export async function assertUpwardFiling(
  db: Executor,
  actor: Actor,
  origin: string,
  originRef: string | undefined,
): Promise<void> {
  if (!isUpward(origin)) return;
  if (!(await isCreditOfficeCaller(db, actor))) {
    throw forbidden('上级平台转来的申请只能由信用办账号或信用办的 API 密钥录入。', 'upward.credit_office_only');
  }
  if (!originRef)
    throw unprocessable('upward.origin_ref_required', '来源为上级平台时须填写平台受理编号（originRef）。', {
      field: 'originRef',
    });
}
