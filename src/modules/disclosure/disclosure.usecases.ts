import type { Kysely } from 'kysely';
import { chinaDate, type Clock, type DB, unprocessable, validateUscc } from '../shared/index.ts';
import { normalizeSubjectName } from '../subjects/index.ts';
import * as repo from './disclosure.repository.ts';
import { presentEntry, presentRecord, presentSubject } from './disclosure.presenters.ts';
import type { DisclosureResponseBody } from './disclosure.schemas.ts';

type Disclosure = { public?: boolean };

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
  if (subjects.length === 0) return { date: today, items: [] };

  const ids = subjects.map((s) => s.id);
  const [records, allEntries] = await Promise.all([
    repo.disclosedRecords(deps.db, ids, today),
    repo.disclosedEntries(deps.db, ids, today),
  ]);
  const entries = allEntries.filter((e) => (e.disclosure as Disclosure).public === true);
  const persons =
    entries.length === 0
      ? []
      : await repo.personsOfEntries(
          deps.db,
          entries.map((e) => e.id),
        );

  const items: DisclosureResponseBody['items'] = [];
  for (const subject of subjects) {
    const own = records.filter((r) => r.subject_id === subject.id).map((r) => presentRecord(r, subject));
    const listed = entries
      .filter((e) => e.subject_id === subject.id)
      .map((e) =>
        presentEntry(
          e,
          subject,
          persons.filter((p) => p.entry_id === e.id),
        ),
      );
    if (own.length > 0 || listed.length > 0)
      items.push({ subject: presentSubject(subject), records: own, entries: listed });
  }
  return { date: today, items };
}
