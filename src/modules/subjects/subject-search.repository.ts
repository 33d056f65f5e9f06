import { sql } from 'kysely';
import type { Executor } from '../shared/index.ts';

// The name-fragment search over the bigram postings (subject_name_grams, migration 0014). Every query here reads a
// bounded number of index entries: a probe per gram, one gram's postings up to a budget, then the few hits.

/** How many postings each gram has, counting no further than `probe` (a common gram costs `probe` index entries). */
export async function gramFrequencies(db: Executor, grams: string[], probe: number): Promise<number[]> {
  const row = await db
    .selectNoFrom((eb) =>
      grams.map((gram, i) =>
        eb
          .selectFrom(
            eb
              .selectFrom('subject_name_grams')
              .select(sql<number>`1`.as('one'))
              .where('gram', '=', gram)
              .limit(probe)
              .as('postings'),
          )
          .select((e) => e.fn.countAll<string>().as('n'))
          .as(`g${i}`),
      ),
    )
    .executeTakeFirstOrThrow();
  return grams.map((_, i) => Number((row as Record<string, unknown>)[`g${i}`]));
}

/**
 * A natural person is found only while a list entry in effect discloses it: a list type disclosed to the public
 * that shows the subject's name. Organizations are found whatever their lists.
 */
const disclosedPerson = (today: string) => sql<boolean>`exists (
  select 1 from entries e join list_types lt on lt.id = e.list_type_id
  where e.subject_id = p.subject_id and e.state = 'in_effect'
    and (e.start_date is null or e.start_date <= ${today}) and (e.end_date is null or e.end_date >= ${today})
    and lt.disclosure @> '{"public": true, "fields": ["subjectName"]}'::jsonb)`;

/**
 * Names containing `key`, read from the postings of `gram` (one of key's bigrams) in name-length order: at most
 * `budget` postings are read and at most `limit` hits returned, so a gram in nearly every name stops early.
 */
export const scanPostings = (
  db: Executor,
  q: { gram: string; key: string; budget: number; limit: number; today: string },
) =>
  db
    .selectFrom(
      db
        .selectFrom(
          db
            .selectFrom('subject_name_grams')
            .select(['name_id', 'subject_id', 'search_key', 'name_length', 'person'])
            .where('gram', '=', q.gram)
            .orderBy('name_length')
            .orderBy('name_id')
            .limit(q.budget)
            .as('p'),
        )
        .select(['p.name_id', 'p.subject_id', 'p.search_key', 'p.name_length'])
        .where(sql<boolean>`strpos(p.search_key, ${q.key}) > 0`)
        .where((eb) => eb.or([eb('p.person', '=', false), disclosedPerson(q.today)]))
        .orderBy('p.name_length')
        .orderBy('p.name_id')
        .limit(q.limit)
        .as('h'),
    )
    // The hits' names (whether current), read by key for the few hits rather than carried in every posting.
    .innerJoin('subject_names as n', 'n.id', 'h.name_id')
    .select(['h.name_id', 'h.subject_id', 'h.search_key', 'h.name_length', 'n.name', 'n.valid_to'])
    .execute();

/** Whether `gram` has more postings than a scan of `budget` reads. */
export async function postingsBeyond(db: Executor, gram: string, budget: number): Promise<boolean> {
  const row = await db
    .selectFrom('subject_name_grams')
    .select('name_id')
    .where('gram', '=', gram)
    .orderBy('name_length')
    .orderBy('name_id')
    .offset(budget)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export const hitSubjects = (db: Executor, ids: string[]) =>
  db
    .selectFrom('subjects')
    .select(['id', 'kind', 'name', 'uscc', 'citizen_id_masked', 'status'])
    .where('id', 'in', ids)
    .execute();

export type HitSubjectRow = Awaited<ReturnType<typeof hitSubjects>>[number];

export const subjectByUscc = (db: Executor, uscc: string) =>
  db
    .selectFrom('subjects')
    .select(['id', 'kind', 'name', 'uscc', 'citizen_id_masked', 'status'])
    .where('uscc', '=', uscc)
    .executeTakeFirst();

/** Persons among `ids` whose disclosing entries show ID numbers masked (the others show none). */
export const personsShowingIds = (db: Executor, ids: string[], today: string) =>
  db
    .selectFrom('entries as e')
    .innerJoin('list_types as lt', 'lt.id', 'e.list_type_id')
    .select('e.subject_id')
    .distinct()
    .where('e.subject_id', 'in', ids)
    .where('e.state', '=', 'in_effect')
    .where((eb) => eb.or([eb('e.start_date', 'is', null), eb('e.start_date', '<=', today)]))
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', today)]))
    .where(sql<boolean>`lt.disclosure @> '{"public": true, "fields": ["subjectName", "citizenId"]}'::jsonb`)
    .where(sql<boolean>`lt.disclosure ->> 'personIdentifiers' = 'masked'`)
    .execute();
