import type { Kysely } from 'kysely';
import { chinaDate, type Clock, type DB, type Executor, unprocessable, validateUscc } from '../shared/index.ts';
import { normalizeSubjectName } from '../subjects/index.ts';
import * as repo from './disclosure.repository.ts';
import { presentEntry, presentRecord, presentSubject } from './disclosure.presenters.ts';
import type { DisclosureResponseBody } from './disclosure.schemas.ts';

type Disclosure = { public?: boolean };
type Item = DisclosureResponseBody['items'][number];
export type PublicEntryView = Item['entries'][number];
export type PublicRecordView = Item['records'][number];
export type PublicSubjectView = Item['subject'];

/** What the public may see about one subject today: the rows (for what else a page derives) and their public views. */
export interface SubjectDisclosure {
  subject: repo.PublicSubjectRow;
  records: { row: repo.DisclosedRecordRow; view: PublicRecordView }[];
  entries: { row: repo.DisclosedEntryRow; view: PublicEntryView }[];
}

/**
 * What the public may see today (China date) about a subject named by its code or its exact name: records in
 * effect, disclosed, with decision_date ≤ today ≤ disclosure_end; entries in effect on list types disclosed to the
 * public. A subject whose items are all non-public is left out, so the answer is the same as for an unknown one.
 */
export async function publicDisclosures(
  deps: { db: Kysely<DB>; clock: Clock },
  query: { uscc?: string; name?: string },
): Promise<DisclosureResponseBody> {
  const today = chinaDate(deps.clock.now());
  const uscc = query.uscc?.trim() || undefined;
  const name = query.name?.trim() || undefined;
  if (uscc && name)
    throw unprocessable('disclosure.ambiguous_query', '请只按统一社会信用代码或名称之一查询。', { field: 'name' });
  let subjects: repo.PublicSubjectRow[];
  if (uscc) {
    const v = validateUscc(uscc);
    if (!v.valid)
      throw unprocessable('disclosure.invalid_uscc', '统一社会信用代码无效，请核对后重新查询。', { field: 'uscc' });
    subjects = await repo.subjectsByUscc(deps.db, v.normalized!);
  } else if (name) {
    const nameKey = normalizeSubjectName(name);
    if (nameKey.length < 2)
      throw unprocessable('disclosure.name_too_short', '请输入完整的主体名称（至少 2 个字）。', { field: 'name' });
    subjects = await repo.subjectsByName(deps.db, nameKey);
  } else {
    throw unprocessable('disclosure.query_required', '请提供统一社会信用代码或主体名称。', { field: 'uscc' });
  }
  const disclosed = await disclosuresOf(deps.db, subjects, today);
  const items = disclosed
    .filter((d) => d.records.length > 0 || d.entries.length > 0)
    .map((d) => ({
      subject: presentSubject(d.subject),
      records: d.records.map((r) => r.view),
      entries: d.entries.map((e) => e.view),
    }));
  return { date: today, items };
}

/** The subject a public page names: by its code (organizations, individual businesses) or its id (persons). */
export async function findPublicSubject(db: Executor, key: { uscc: string } | { id: string }) {
  if ('uscc' in key) return (await repo.subjectsByUscc(db, key.uscc))[0];
  return repo.subjectById(db, key.id);
}

/** Each subject with what the public may see of it today (empty lists when nothing is public). */
export async function disclosuresOf(
  db: Executor,
  subjects: repo.PublicSubjectRow[],
  today: string,
): Promise<SubjectDisclosure[]> {
  if (subjects.length === 0) return [];
  const ids = subjects.map((s) => s.id);
  const [records, allEntries] = await Promise.all([
    repo.disclosedRecords(db, ids, today),
    repo.disclosedEntries(db, ids, today),
  ]);
  const entries = allEntries.filter((e) => (e.disclosure as Disclosure).public === true);
  const bySubject = new Map(subjects.map((s) => [s.id, s]));
  const views = await entryViews(
    db,
    entries.map((entry) => ({ entry, subject: bySubject.get(entry.subject_id)! })),
  );
  return subjects.map((subject) => ({
    subject,
    records: records
      .filter((r) => r.subject_id === subject.id)
      .map((row) => ({ row, view: presentRecord(row, subject) })),
    entries: entries.flatMap((row, i) => (row.subject_id === subject.id ? [{ row, view: views[i]! }] : [])),
  }));
}

/**
 * The public view of entries already known to be disclosed (e.g. a publicity list's rows): only the fields the
 * list type's disclosure scope names, with the persons it names, ID numbers masked or left out.
 */
export async function entryViews(
  db: Executor,
  items: { entry: repo.DisclosedEntryRow; subject: repo.PublicSubjectRow }[],
): Promise<PublicEntryView[]> {
  const persons =
    items.length === 0
      ? []
      : await repo.personsOfEntries(
          db,
          items.map((i) => i.entry.id),
        );
  return items.map(({ entry, subject }) =>
    presentEntry(
      entry,
      subject,
      persons.filter((p) => p.entry_id === entry.id),
    ),
  );
}

export { presentSubject };
