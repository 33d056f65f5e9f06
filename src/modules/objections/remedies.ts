import type { Executor } from '../shared/index.ts';
import type { Target } from '../applications/index.ts';
import { listTypeRemedies } from './objections.repository.ts';

/** Remedies every rejection names (docs/domain/rules.md §5): administrative reconsideration and litigation. */
export const GENERAL_REMEDIES =
  '对异议处理结果不服的，可以自知道该结果之日起六十日内依法申请行政复议，或者自知道或者应当知道之日起六个月内依法提起行政诉讼。';

/** The remedies text of a rejection: the general text, and for an entry its list type's remedies as well. */
export async function remediesFor(db: Executor, target: Target | null): Promise<string> {
  if (target?.stream !== 'entry') return GENERAL_REMEDIES;
  const remedies = await listTypeRemedies(db, target.row.list_type_id);
  return remedies !== undefined ? `${GENERAL_REMEDIES}${remedies}` : GENERAL_REMEDIES;
}
