import { penaltyTypeName, SEVERITY_LABELS } from '../records/index.ts';
import type {
  DisclosedEntryRow,
  DisclosedRecordRow,
  EntryPersonRow,
  PublicSubjectRow,
} from './disclosure.repository.ts';
import type { DisclosureResponseBody } from './disclosure.schemas.ts';

// The public audience: only what the list type's disclosure scope names, ID numbers masked or left out. Everything
// shaped here is for anyone on the internet.

type Item = DisclosureResponseBody['items'][number];
type PublicEntry = Item['entries'][number];
type Disclosure = { public: boolean; fields: string[]; personIdentifiers: 'masked' | 'hidden' };

const ROLE_LABELS = {
  legalRepresentative: '法定代表人',
  principal: '主要负责人',
  responsiblePerson: '直接责任人',
} as const;
type Role = keyof typeof ROLE_LABELS;

export function presentSubject(s: PublicSubjectRow): Item['subject'] {
  return s.kind === 'person'
    ? { kind: s.kind, name: s.name }
    : { kind: s.kind, name: s.name, uscc: s.uscc ?? undefined };
}

export function presentRecord(r: DisclosedRecordRow, subject: PublicSubjectRow): Item['records'][number] {
  return {
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    departmentName: r.department_name,
    domainName: r.domain_name,
    penaltyType: penaltyTypeName(r.penalty_type),
    facts: r.facts,
    basis: r.basis,
    amount: r.amount === null ? null : String(r.amount),
    severityLabel: SEVERITY_LABELS[r.severity],
    disclosureEnd: r.disclosure_end,
    ...(subject.kind === 'person' && subject.citizen_id_masked ? { citizenIdMasked: subject.citizen_id_masked } : {}),
    repairNoticeUrl: repairNoticeUrl('record', r.id),
  };
}

export function presentEntry(e: DisclosedEntryRow, subject: PublicSubjectRow, persons: EntryPersonRow[]): PublicEntry {
  const disclosure = e.disclosure as Disclosure;
  const showIds = disclosure.personIdentifiers === 'masked';
  const decision = (e.decision ?? {}) as Record<string, unknown>;
  const review = (e.review ?? {}) as Record<string, unknown>;
  const known: Record<string, () => unknown> = {
    subjectName: () => subject.name,
    uscc: () => subject.uscc,
    citizenId: () => (showIds && subject.kind === 'person' ? subject.citizen_id_masked : null),
    legalRepresentativeName: () =>
      persons
        .filter((p) => p.role === 'legalRepresentative')
        .map((p) => p.name)
        .join('、') || null,
    relatedPersons: () =>
      persons.map((p) => ({
        name: p.name,
        role: p.role as Role,
        roleLabel: ROLE_LABELS[p.role as Role] ?? p.role,
        ...(showIds && p.citizen_id_masked ? { citizenIdMasked: p.citizen_id_masked } : {}),
      })),
    listTypeName: () => e.list_type_name,
    reason: () => text(decision.reason) ?? e.reason,
    legalBasis: () => text(decision.basis) ?? e.legal_basis,
    decisionDocumentNo: () => e.document_no,
    basisDocumentNo: () => e.basis_document_no,
    basisDocumentDate: () => e.basis_document_date,
    decisionDate: () => e.decision_date,
    startDate: () => e.start_date,
    endDate: () => e.end_date,
    departmentName: () => e.department_name,
  };
  const fields: Record<string, unknown> = {};
  for (const name of disclosure.fields) {
    // A field the system does not model (e.g. a court's caseNumber) is shown when the decision holds it as text.
    const value = name in known ? known[name]!() : (text(decision[name]) ?? text(review[name]));
    if (value !== null && value !== undefined) fields[name] = value;
  }
  return {
    listType: { code: e.list_type_code, name: e.list_type_name, kind: e.list_type_kind },
    fields: fields as PublicEntry['fields'],
    ...(e.list_type_kind === 'black' ? { repairNoticeUrl: repairNoticeUrl('entry', e.id) } : {}),
  };
}

/** The party downloads its repair notice (两书同达) from what the public sees, without an account. */
const repairNoticeUrl = (stream: 'entry' | 'record', id: string) => `/api/v1/public/repair-notices/${stream}/${id}`;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
