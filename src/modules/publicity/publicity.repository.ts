import { sql, type ExpressionBuilder } from 'kysely';
import type { DB, Executor } from '../shared/index.ts';
import { DISCLOSED_ENTRY_COLUMNS } from '../disclosure/index.ts';

// The public portal's reads, straight from the tables like the disclosure search: entries in effect today on list
// types disclosed to the public, records disclosed within their window, and the catalog's public text.

type Eb = ExpressionBuilder<DB, 'entries' | 'list_types'>;

/** In effect on `today` (China date) on a list type disclosed to the public: what a publicity list may show. */
const publicInEffect = (eb: Eb, today: string) =>
  eb.and([
    eb('entries.state', '=', 'in_effect'),
    eb('entries.decision_date', 'is not', null),
    eb.or([eb('entries.start_date', 'is', null), eb('entries.start_date', '<=', today)]),
    eb.or([eb('entries.end_date', 'is', null), eb('entries.end_date', '>=', today)]),
    eb(sql<string>`list_types.disclosure->>'public'`, '=', 'true'),
  ]);

export async function countPublicEntries(db: Executor, today: string) {
  const rows = await db
    .selectFrom('entries')
    .innerJoin('list_types', 'list_types.id', 'entries.list_type_id')
    .select(['entries.kind', (eb) => eb.fn.countAll<string>().as('count')])
    .where((eb) => publicInEffect(eb, today))
    .groupBy('entries.kind')
    .execute();
  return rows;
}

export const countDisclosedRecords = (db: Executor, today: string) =>
  db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('state', '=', 'in_effect')
    .where('disclosed', '=', true)
    .where('decision_date', '<=', today)
    .where('disclosure_end', '>=', today)
    .executeTakeFirstOrThrow();

export interface PublicityFilter {
  kind?: 'red' | 'black';
  listTypeCode?: string;
  departmentCode?: string;
  /** Decision date range, inclusive. */
  from?: string;
  to?: string;
  /** Only list types the credit office marks for the exposure page (曝光台). */
  exposedOnly?: boolean;
}

/**
 * One page of a publicity list, newest decision first: the columns the disclosure presenter needs (so the public
 * view of a row is the one the disclosure search gives) and the subject's. Reads `limit + 1` rows.
 */
export function publicityRows(
  db: Executor,
  today: string,
  filter: PublicityFilter,
  after: { decisionDate: string; id: string } | null,
  limit: number,
) {
  let q = db
    .selectFrom('entries')
    .innerJoin('list_types', 'list_types.id', 'entries.list_type_id')
    .innerJoin('departments', 'departments.id', 'entries.department_id')
    .innerJoin('subjects', 'subjects.id', 'entries.subject_id')
    .select([
      ...DISCLOSED_ENTRY_COLUMNS,
      'entries.updated_at',
      'subjects.kind as subject_kind',
      'subjects.name as subject_name',
      'subjects.uscc as subject_uscc',
      'subjects.citizen_id_masked as subject_citizen_id_masked',
      'subjects.status as subject_status',
      'subjects.status_date as subject_status_date',
    ])
    .where((eb) => publicInEffect(eb, today));
  if (filter.kind) q = q.where('entries.kind', '=', filter.kind);
  if (filter.listTypeCode) q = q.where('list_types.code', '=', filter.listTypeCode);
  if (filter.departmentCode) q = q.where('departments.code', '=', filter.departmentCode);
  if (filter.from) q = q.where('entries.decision_date', '>=', filter.from);
  if (filter.to) q = q.where('entries.decision_date', '<=', filter.to);
  if (filter.exposedOnly) q = q.where('list_types.exposed', '=', true).where('entries.kind', '=', 'black');
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('entries.decision_date', '<', after.decisionDate),
        eb.and([eb('entries.decision_date', '=', after.decisionDate), eb('entries.id', '<', after.id)]),
      ]),
    );
  return q
    .orderBy('entries.decision_date', 'desc')
    .orderBy('entries.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export type PublicityRow = Awaited<ReturnType<typeof publicityRows>>[number];

/** The list types a publicity list may be filtered by: those disclosed to the public. */
export const publicListTypes = (db: Executor) =>
  db
    .selectFrom('list_types')
    .select(['code', 'name', 'kind', 'exposed'])
    .where(sql<string>`disclosure->>'public'`, '=', 'true')
    .orderBy('kind')
    .orderBy('code')
    .execute();

/** The catalog as the policies page tells it: every list type's public text, current version. */
export const policyListTypes = (db: Executor) =>
  db
    .selectFrom('list_types')
    .innerJoin('departments', 'departments.id', 'list_types.identifying_department_id')
    .select([
      'list_types.id',
      'list_types.code',
      'list_types.kind',
      'list_types.name',
      'list_types.version',
      'list_types.legal_basis',
      'list_types.criteria',
      'list_types.period_months',
      'list_types.early_removal_months',
      'list_types.removal_conditions',
      'list_types.removal_procedure',
      'list_types.remedies',
      'list_types.statement_period_working_days',
      'departments.name as department_name',
    ])
    .orderBy('list_types.kind', 'desc')
    .orderBy('list_types.code')
    .execute();

/** Active measures with the department that applies them, for the policies page (grouped there by list type). */
export const activeMeasures = (db: Executor) =>
  db
    .selectFrom('measures')
    .innerJoin('departments', 'departments.id', 'measures.implementing_department_id')
    .select([
      'measures.code',
      'measures.kind',
      'measures.title',
      'measures.content',
      'measures.legal_basis',
      'measures.list_type_ids',
      'departments.name as department_name',
    ])
    .where('measures.active', '=', true)
    .orderBy('departments.name')
    .orderBy('measures.code')
    .execute();
