import { forbidden } from './errors.ts';

/** admin: 系统管理员; credit_office: 信用办; operator: 部门经办; reviewer: 部门审核(决定); auditor: 审计(只读);
 * system: a department's business system calling with an API key. */
export const ROLES = ['admin', 'credit_office', 'operator', 'reviewer', 'auditor', 'system'] as const;
export type Role = (typeof ROLES)[number];
export const USER_ROLES = ['admin', 'credit_office', 'operator', 'reviewer', 'auditor'] as const;

export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string;
  /** 'user:<id>', 'api_key:<id>' or 'system:<job>': what audit rows and events name. */
  ref: string;
  departmentId: string;
  roles: Role[];
  username?: string;
  mustChangePassword?: boolean;
  sessionId?: string;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw forbidden();
}

/** Credit office and administrators see across departments; everyone else within their own. */
export const seesAllDepartments = (actor: Actor) => hasRole(actor, 'admin', 'credit_office', 'auditor');

export function systemActor(job: string, departmentId: string): Actor {
  return { kind: 'system', id: job, ref: `system:${job}`, departmentId, roles: ['admin'] };
}
