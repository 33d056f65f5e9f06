import type { DisclosedEntryRow, PublicEntryView, PublicSubjectRow } from '../disclosure/index.ts';
import type { PublicityRow } from './publicity.repository.ts';
import type { PublicityItemBody } from './publicity.schemas.ts';

// A publicity row is shown through the disclosure presenter (only the fields its list type discloses, persons
// masked or left out); this file only adds what a list needs around it: the subject's link and the date.

export const SUBJECT_KIND_LABELS = {
  organization: '法人和非法人组织',
  individual_business: '个体工商户',
  person: '自然人',
} as const;

export function splitRow(row: PublicityRow): { entry: DisclosedEntryRow; subject: PublicSubjectRow } {
  const {
    subject_kind,
    subject_name,
    subject_uscc,
    subject_citizen_id_masked,
    subject_status,
    subject_status_date,
    updated_at: _updated,
    ...entry
  } = row;
  return {
    entry,
    subject: {
      id: row.subject_id,
      kind: subject_kind,
      name: subject_name,
      uscc: subject_uscc,
      citizen_id_masked: subject_citizen_id_masked,
      status: subject_status,
      status_date: subject_status_date,
    },
  };
}

/**
 * Where a subject's credit page is: organizations by their code, persons by their id (a code never names a
 * person). A link is given only when the list discloses what the page would show anyway.
 */
export function subjectPath(kind: PublicSubjectRow['kind'], id: string, uscc: string | undefined): string | null {
  if (kind === 'person') return `/subjects/${id}`;
  return uscc ? `/subjects/${uscc}` : null;
}

export function presentItem(row: PublicityRow, view: PublicEntryView): PublicityItemBody {
  const f = view.fields;
  return {
    id: row.id,
    listType: view.listType,
    subject: {
      kind: row.subject_kind,
      ...(f.subjectName ? { name: f.subjectName } : {}),
      ...(f.uscc ? { uscc: f.uscc } : {}),
      ...(f.citizenId ? { citizenIdMasked: f.citizenId } : {}),
      path: subjectPath(row.subject_kind, row.subject_id, f.uscc),
    },
    decisionDate: row.decision_date!,
    fields: f,
    ...(view.repairNoticeUrl ? { repairNoticeUrl: view.repairNoticeUrl } : {}),
  };
}
