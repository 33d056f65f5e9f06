import type { Kysely } from 'kysely';
import type { DB } from '../modules/shared/db.types.ts';
import { casesAtoD } from './repository-sql.cases.a-d.ts';
import { casesApplications } from './repository-sql.cases.applications.ts';
import { casesEtoZ } from './repository-sql.cases.e-z.ts';
import { casesMoved } from './repository-sql.cases.moved.ts';
import { casesShared } from './repository-sql.cases.shared.ts';
import { casesSubjects } from './repository-sql.cases.subjects.ts';

// One case per exported query function of every src/modules/**/*.repository.ts, grouped by module in alphabetical
// order (those that took over the SQL of use cases next, those of src/modules/shared last); a second case only where
// a branch of the function issues different SQL. Every value is a bound parameter, so the fixed dummy arguments
// (repository-sql.fixtures.ts) never reach the snapshot text.
//
// Not covered: catalog listTypeContent and measureContent, row mappers that issue no query. Every other export
// that issues queries has a case, check-index streamInEffect included: the recorder's DummyDriver accepts its
// transaction (begin/commit are driver calls and are not recorded) and answers the first fetch of each cursor with no
// rows, so its set/declare/fetch/close statements are recorded without a database. Its page size is inlined with
// sql.lit (FETCH takes no bind parameter); it is the fixed argument 1000 in the cases, not a value that changes between runs.
// The recorder answers every query with no rows, so statements issued only after a row is found are not recorded:
// the deliveries insert of webhooks createDeliveries, the lease update of webhooks claimDue and the identity insert
// of subjects insertSubject.

export const cases: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  ...casesAtoD,
  ...casesEtoZ,
  ...casesSubjects,
  ...casesMoved,
  ...casesShared,
  ...casesApplications,
};
