import type { HitSubjectRow } from './subject-search.repository.ts';
import type { SubjectHit } from './subject-search.usecases.ts';

/** The public shape of a hit: a person's ID number only masked, and only where its list shows it. */
export function hit(s: HitSubjectRow, former: string | null, showId: boolean): SubjectHit {
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    uscc: s.kind === 'person' ? null : s.uscc,
    citizenIdMasked: s.kind === 'person' && showId ? s.citizen_id_masked : null,
    status: s.status,
    matchedFormerName: former,
  };
}
