import type { Executor } from '../shared/index.ts';

// Lookups of the subjects and targets parties name: by code, by id, by decision/document number.

/** The subject with this USCC, or else with this citizen ID digest. */
export async function subjectIdByCode(db: Executor, code: { uscc: string | null; citizenIdDigest: string | null }) {
  let q = db.selectFrom('subjects').select('id');
  if (code.uscc) q = q.where('uscc', '=', code.uscc);
  else if (code.citizenIdDigest) q = q.where('citizen_id_digest', '=', code.citizenIdDigest);
  else return null;
  return (await q.executeTakeFirst())?.id ?? null;
}

/** Whether the entry's decision names the person (legal representative, principal, responsible person). */
export const isPersonOfEntry = async (db: Executor, entryId: string, personId: string) =>
  (await db
    .selectFrom('entry_persons')
    .select('person_id')
    .where('entry_id', '=', entryId)
    .where('person_id', '=', personId)
    .executeTakeFirst()) !== undefined;

export const findRecord = (db: Executor, id: string) =>
  db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();

export const entriesByDocumentNo = (db: Executor, subjectId: string, no: string) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where((eb) => eb.or([eb('document_no', '=', no), eb('basis_document_no', '=', no)]))
    .execute();

export const recordsByDecisionNo = (db: Executor, subjectId: string, no: string) =>
  db.selectFrom('records').selectAll().where('subject_id', '=', subjectId).where('decision_no', '=', no).execute();

/** What a list type says of itself to a party: whether it is disclosed, its remedies, its name. */
export const listTypeOfEntry = (db: Executor, listTypeId: string) =>
  db
    .selectFrom('list_types')
    .select(['name', 'disclosure', 'remedies'])
    .where('id', '=', listTypeId)
    .executeTakeFirst();
