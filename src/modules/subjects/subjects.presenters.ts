import type { SubjectNameRow } from './subject-names.repository.ts';
import type { SubjectRow } from './subjects.repository.ts';

/** Government view of a subject: ID numbers appear only masked. */
export const presentSubject = (s: SubjectRow) => ({
  id: s.id,
  kind: s.kind,
  name: s.name,
  uscc: s.uscc,
  citizenIdMasked: s.citizen_id_masked,
  status: s.status,
  statusDate: s.status_date,
  createdAt: s.created_at.toISOString(),
});

export const presentRelatedPerson = (p: {
  id: string;
  name: string;
  citizen_id_masked: string | null;
  role: string;
}) => ({
  personId: p.id,
  name: p.name,
  citizenIdMasked: p.citizen_id_masked,
  role: p.role as 'legalRepresentative' | 'principal' | 'responsiblePerson',
});

/** Former names (曾用名), most recent first. */
export const presentFormerNames = (names: SubjectNameRow[]) =>
  names
    .filter((n): n is SubjectNameRow & { valid_to: string } => n.valid_to !== null)
    .map((n) => ({ name: n.name, validFrom: n.valid_from, validTo: n.valid_to }));
