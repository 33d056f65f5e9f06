import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../shared/index.ts';

// Queries that feed the check index. The full load reads through server-side cursors in one repeatable-read
// snapshot, so PostgreSQL joins with sequential scans and hash joins: keyset pages ordered by id turned the join
// into a million random index lookups (87 s of queries for 1,000,000 entries, against 2 s this way). Reloads take
// a batch of ids as one uuid[] parameter: three queries per page of events, whatever its size.

export interface SubjectRow {
  subject_id: string;
  kind: 'organization' | 'individual_business' | 'person';
  name: string;
  /** null when equal to the name. */
  name_key: string | null;
  uscc: string | null;
  citizen_id_digest: string | null;
  citizen_id_masked: string | null;
}
export interface EntryRow extends SubjectRow {
  id: string;
  list_type_id: string;
  reason: string;
  document_no: string | null;
  start_date: string | null;
  end_date: string | null;
  objection_pending: boolean;
  /** The decided measures' ids, ascending, joined by commas; '' when none were decided. */
  measure_ids: string;
  /** Temporary lifting of the measures (reorganization): { from, until, … }; null for nearly every entry. */
  measures_lifted: { from?: string | null; until?: string | null } | null;
}
/** A dishonesty record in effect and within its sharing window. */
export interface RecordIndexRow extends SubjectRow {
  id: string;
  department_id: string;
  domain: string;
  decision_no: string;
  decision_date: string;
  severity: string;
  penalty_type: string;
  objection_pending: boolean;
  disclosure_end: string;
}
export interface PersonRow extends SubjectRow {
  entry_id: string;
  role: string;
}

// name_key is null where it equals the name (most names are already in normalized form): one string less per row.
const SUBJECT_COLUMNS = sql.raw(
  's.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked',
);
const ENTRY_COLUMNS = sql.raw(
  'e.id, e.list_type_id, e.reason, e.start_date, e.end_date, e.objection_pending, e.document_no, e.measures_lifted',
);
// The decided measures come with their entry as one string ('' for none): entries decided alike share it (the index
// keeps one list per distinct string), and a load reads a million rows instead of four million measure links.
// array(… order by) takes the order from the primary key, where string_agg(… order by) would sort every entry's few.
const MEASURE_IDS = sql.raw(
  "array_to_string(array(select m.measure_id from entry_measures m where m.entry_id = e.id order by m.measure_id), ',') as measure_ids",
);
const RECORD_COLUMNS = sql.raw(
  'r.id, r.department_id, r.domain, r.decision_no, r.decision_date, r.severity, r.penalty_type, r.objection_pending, r.disclosure_end',
);

// The measures are looked up below the join (offset 0 keeps them there), in the order of the entries table: after
// the hash join, whose batches reorder the rows, the same lookups take twice as long (15 s against 7 s at 1M).
const allEntries = sql`
  select ${ENTRY_COLUMNS}, e.measure_ids, ${SUBJECT_COLUMNS}
  from (select ${ENTRY_COLUMNS}, e.subject_id, ${MEASURE_IDS} from entries e where e.state = 'in_effect' offset 0) e
  join subjects s on s.id = e.subject_id`;

const allPersons = sql`
  select ep.entry_id, ep.role, ${SUBJECT_COLUMNS}
  from entry_persons ep
  join entries e on e.id = ep.entry_id and e.state = 'in_effect'
  join subjects s on s.id = ep.person_id`;

// Records past their last day of sharing are left out even before the expiry job ends them.
const allRecords = (today: string) => sql`
  select ${RECORD_COLUMNS}, ${SUBJECT_COLUMNS}
  from records r
  join subjects s on s.id = r.subject_id
  where r.state = 'in_effect' and r.disclosure_end >= ${today}::date`;

export interface InEffectReader {
  entries(rows: EntryRow[]): void;
  persons(rows: PersonRow[]): void;
  records(rows: RecordIndexRow[]): void;
}

/**
 * Streams every entry in effect with its decided measures, then the persons the decisions name and the records, in
 * pages, from one snapshot. The reader runs between fetches: rows are not accumulated.
 *
 * With `parallel` (PostgreSQL; PGlite has one connection) the persons and the records are read on a second
 * connection that imports the first one's snapshot, and their first pages are asked for at the start: PostgreSQL
 * prepares those joins (about 3 s at a million entries) while Node indexes the entries. They are still indexed after
 * the entries, whose records the persons link to.
 */
export async function streamInEffect(
  db: Kysely<DB>,
  pageSize: number,
  today: string,
  reader: InEffectReader,
  options: { parallel?: boolean } = {},
): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      await readingSettings(tx);
      if (!options.parallel) {
        await drain(tx, pageSize, 'check_index_entries', allEntries, reader.entries.bind(reader));
        await drain(tx, pageSize, 'check_index_persons', allPersons, reader.persons.bind(reader));
        await drain(tx, pageSize, 'check_index_records', allRecords(today), reader.records.bind(reader));
        return;
      }
      const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(tx);
      let entriesRead!: (ok: boolean) => void;
      const entriesDone = new Promise<boolean>((resolve) => {
        entriesRead = resolve;
      });
      const others = db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx2) => {
          await sql`set transaction snapshot ${sql.lit(rows[0]!.snapshot)}`.execute(tx2);
          await readingSettings(tx2);
          const persons = await open<PersonRow>(tx2, pageSize, 'check_index_persons', allPersons);
          const records = await open<RecordIndexRow>(tx2, pageSize, 'check_index_records', allRecords(today));
          try {
            if (!(await entriesDone)) return;
            await persons.drain(reader.persons.bind(reader));
            await records.drain(reader.records.bind(reader));
          } finally {
            await persons.settle();
            await records.settle();
          }
        });
      // Awaited below; a failure while the entries are still being read must not count as unhandled meanwhile.
      others.catch(() => {});
      try {
        await drain(tx, pageSize, 'check_index_entries', allEntries, reader.entries.bind(reader));
        entriesRead(true);
      } catch (error) {
        entriesRead(false);
        await others.catch(() => {});
        throw error;
      }
      await others;
    });
}

// A cursor is planned for its first rows by default (nested loops); these are read to the end.
const readingSettings = (tx: Kysely<DB>) => sql`set local cursor_tuple_fraction = 1`.execute(tx);

async function drain<R>(
  tx: Kysely<DB>,
  pageSize: number,
  name: string,
  query: RawBuilder<unknown>,
  onRows: (rows: R[]) => void,
): Promise<void> {
  const cursor = await open<R>(tx, pageSize, name, query);
  try {
    await cursor.drain(onRows);
  } finally {
    await cursor.settle();
  }
}

/**
 * Declares the cursor and asks for its first page at once; drain() indexes page by page until the end. The page
 * asked for ahead is always awaited (settle()) before the transaction may end: Kysely sends COMMIT or ROLLBACK past
 * the queries still queued on the transaction, and a FETCH arriving after it would fail.
 */
async function open<R>(tx: Kysely<DB>, pageSize: number, name: string, query: RawBuilder<unknown>) {
  await sql`declare ${sql.id(name)} no scroll cursor for ${query}`.execute(tx);
  const fetchPage = () => {
    const page = sql<R>`fetch forward ${sql.lit(pageSize)} from ${sql.id(name)}`.execute(tx);
    // Awaited by drain() or settle(); a failure must not count as unhandled meanwhile.
    page.catch(() => {});
    return page;
  };
  let next = fetchPage();
  return {
    async drain(onRows: (rows: R[]) => void): Promise<void> {
      // The next page is requested before this one is indexed, so the database reads while Node builds.
      for (;;) {
        const { rows } = await next;
        if (rows.length === 0) break;
        next = fetchPage();
        onRows(rows);
      }
      await sql`close ${sql.id(name)}`.execute(tx);
    },
    async settle(): Promise<void> {
      await next.catch(() => {});
    },
  };
}

const idList = (list: readonly string[]) => sql`${list}::uuid[]`;

export async function entriesByIds(db: Kysely<DB>, list: readonly string[]): Promise<EntryRow[]> {
  const { rows } = await sql<EntryRow>`
    select ${ENTRY_COLUMNS}, ${MEASURE_IDS}, ${SUBJECT_COLUMNS}
    from entries e
    join subjects s on s.id = e.subject_id
    where e.state = 'in_effect' and e.id = any(${idList(list)})`.execute(db);
  return rows;
}

export async function personsByEntryIds(db: Kysely<DB>, list: readonly string[]): Promise<PersonRow[]> {
  const { rows } = await sql<PersonRow>`
    select ep.entry_id, ep.role, ${SUBJECT_COLUMNS}
    from entry_persons ep
    join subjects s on s.id = ep.person_id
    where ep.entry_id = any(${idList(list)})`.execute(db);
  return rows;
}

/** Entries in effect of the given subjects, as subject or as a person the decision names. */
export async function entryIdsOfSubjects(db: Kysely<DB>, subjectIds: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from entries where subject_id = any(${idList(subjectIds)}) and state = 'in_effect'
    union
    select entry_id from entry_persons where person_id = any(${idList(subjectIds)})`.execute(db);
  return rows.map((r) => r.id);
}

export async function recordsByIds(db: Kysely<DB>, list: readonly string[], today: string): Promise<RecordIndexRow[]> {
  const { rows } = await sql<RecordIndexRow>`
    select ${RECORD_COLUMNS}, ${SUBJECT_COLUMNS}
    from records r
    join subjects s on s.id = r.subject_id
    where r.state = 'in_effect' and r.disclosure_end >= ${today}::date and r.id = any(${idList(list)})`.execute(db);
  return rows;
}

/** Records in effect of the given subjects (a subject event may change the name they are found by). */
export async function recordIdsOfSubjects(db: Kysely<DB>, subjectIds: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from records where subject_id = any(${idList(subjectIds)}) and state = 'in_effect'`.execute(db);
  return rows.map((r) => r.id);
}

export interface CatalogRows {
  departments: { id: string; code: string; name: string }[];
  listTypes: {
    id: string;
    code: string;
    name: string;
    kind: 'red' | 'black';
    sharing: { departments: 'all' | string[] };
  }[];
  measures: {
    id: string;
    code: string;
    kind: 'incentive' | 'sanction';
    title: string;
    content: string;
    legal_basis: string;
    implementing_department_id: string;
    subject_roles: string[];
    scenarios: string[];
    active: boolean;
  }[];
  scenarios: { code: string }[];
  recordDomains: { code: string; name: string; sharing: { departments: 'all' | string[] } }[];
  eligibilityRules: {
    code: string;
    name: string;
    kind: 'red_list' | 'clean_record';
    params: Record<string, unknown>;
    grants: string[];
  }[];
}

export async function catalogRows(db: Kysely<DB>): Promise<CatalogRows> {
  const [departments, listTypes, measures, scenarios, recordDomains, eligibilityRules] = await Promise.all([
    db.selectFrom('departments').select(['id', 'code', 'name']).execute(),
    db.selectFrom('list_types').select(['id', 'code', 'name', 'kind', 'sharing']).execute(),
    db
      .selectFrom('measures')
      .select([
        'id',
        'code',
        'kind',
        'title',
        'content',
        'legal_basis',
        'implementing_department_id',
        'subject_roles',
        'scenarios',
        'active',
      ])
      .execute(),
    db.selectFrom('scenarios').select('code').execute(),
    db.selectFrom('record_domains').select(['code', 'name', 'sharing']).execute(),
    db
      .selectFrom('eligibility_rules')
      .select(['code', 'name', 'kind', 'params', 'grants'])
      .where('active', '=', true)
      .orderBy('code')
      .execute(),
  ]);
  return { departments, listTypes, measures, scenarios, recordDomains, eligibilityRules };
}
