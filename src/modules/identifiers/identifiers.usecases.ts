import type { z } from 'zod';
import { chinaDate, type Clock, inspectIdentifier } from '../shared/index.ts';
import type { IdentifierCheck } from './identifiers.schemas.ts';

/**
 * Validates a code's form (docs/domain/rules.md §1). A birth date after today (China time) is invalid: the clock is a
 * dependency.
 */
export function checkIdentifier(deps: { clock: Clock }, code: string): z.infer<typeof IdentifierCheck> {
  const { valid, type, normalized, problems } = inspectIdentifier(code, { today: chinaDate(deps.clock.now()) });
  return {
    valid,
    type,
    normalized,
    problems: problems.map(({ code, message, severity }) => ({ code, message, severity })),
  };
}
