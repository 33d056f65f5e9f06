// The front of the audit module: what other modules may use. Everything else in this folder is its own.
export { AuditCheckpointer } from './audit-checkpointer.ts';
export { auditVerifyCommand } from './audit.cli.ts';
export { auditRoutes } from './audit.routes.ts';
export { verifyAudit } from './audit.usecases.ts';
export { hasAuditRows } from './audit.repository.ts';
