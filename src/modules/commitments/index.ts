// The front of the commitments module: what other modules may use. Everything else in this folder is its own.
export { newCommitmentCode } from './commitment-code.ts';
export { insertCommitment } from './commitments.repository.ts';
export { commitmentRoutes } from './commitments.routes.ts';
export { createCommitment, lapseRepairCommitments, recordCommitmentChange } from './commitments.usecases.ts';
