// SQL snapshot cases of the subjects module's names over time and name search (the rules are in
// repository-sql.cases.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../modules/shared/db.types.ts';
import * as names from '../modules/subjects/subject-names.repository.ts';
import * as search from '../modules/subjects/subject-search.repository.ts';
import { id, otherId, now } from './repository-sql.fixtures.ts';

export const casesSubjects: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'subjects: insert a name with its search postings': (db) =>
    names.insertName(
      db,
      {
        id,
        subject_id: otherId,
        name: '济南鑫源商贸有限公司',
        search_key: '济南鑫源商贸有限公司',
        valid_from: '2026-03-01',
        valid_to: null,
        created_at: now,
      },
      false,
    ),
  'subjects: names of a subject': (db) => names.namesOf(db, id),
  'subjects: end the current name': (db) => names.closeCurrentName(db, id, '2026-02-28'),
  'subjects: set the current name': (db) => names.setSubjectName(db, id, '某某有限公司', '某某有限公司', now),
  'subjects: set the status': (db) => names.setSubjectStatus(db, id, 'deregistered', '2026-05-20', now),
  'subjects: search gram frequencies': (db) => search.gramFrequencies(db, ['鑫源', '源商'], 1000),
  'subjects: search scan of one gram': (db) =>
    search.scanPostings(db, { gram: '鑫源', key: '鑫源商', budget: 30000, limit: 201, today: '2026-06-01' }),
  'subjects: search postings beyond the budget': (db) => search.postingsBeyond(db, '有限', 30000),
  'subjects: search hits': (db) => search.hitSubjects(db, [id, otherId]),
  'subjects: search by code': (db) => search.subjectByUscc(db, '91110000000000000X'),
  'subjects: search persons showing masked ids': (db) => search.personsShowingIds(db, [id], '2026-06-01'),
};
