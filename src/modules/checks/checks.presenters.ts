import type { DepartmentRec, ListTypeRec, MeasureRec } from './check-catalog.ts';
import type { Hit, MeasureGroup, RecordHit } from './check-rules.ts';
import type { SubjectRec } from './check-store.ts';
import type { CheckResponseBody } from './checks.schemas.ts';
import type { CheckedSubject, CheckOutcome } from './checks.usecases.ts';

type Result = CheckResponseBody['results'][number];

// Catalog records are shared by every answer: their public shape is made once per record, not per request.
const listTypeViews = new WeakMap<ListTypeRec, Result['hits'][number]['listType']>();
const departmentViews = new WeakMap<DepartmentRec, Result['measures'][number]['department']>();
const measureViews = new WeakMap<MeasureRec, Omit<Result['measures'][number]['measures'][number], 'entryIds'>>();

export function presentCheck(outcome: CheckOutcome): CheckResponseBody {
  return {
    checkId: outcome.checkId,
    dataVersion: outcome.dataVersion.toString(),
    stale: outcome.stale,
    results: outcome.results.map(presentResult),
  };
}

function presentResult(r: CheckedSubject): Result {
  const m = r.match;
  return {
    index: r.index,
    query: r.query,
    matched: m.matched,
    subject: m.subject === null ? undefined : presentSubject(m.subject),
    hits: m.hits.length === 0 ? [] : m.hits.map(presentHit),
    measures: m.measures.length === 0 ? [] : m.measures.map(presentGroup),
    candidate: m.candidate,
    records: m.records.length === 0 ? [] : m.records.map(presentRecord),
    // Shared frozen objects of the shape the schema describes.
    eligibility: m.eligibility as Result['eligibility'],
    ...(r.problems === undefined ? {} : { problems: r.problems }),
  };
}

/** A record is information for the caller: no hit, no measures. */
function presentRecord({ record: r, department }: RecordHit): Result['records'][number] {
  return {
    recordId: r.id,
    department: departmentView(department),
    domain: r.domain,
    decisionNo: r.decisionNo,
    decisionDate: r.decisionDate,
    severity: r.severity,
    penaltyType: r.penaltyType,
    state: r.objectionPending ? 'objection_pending' : 'in_effect',
    disclosureEnd: r.disclosureEnd,
  };
}

/** Government-shared view: a person appears with the masked ID number only. */
function presentSubject(s: SubjectRec): NonNullable<Result['subject']> {
  if (s.kind === 'person') return { id: s.id, kind: s.kind, name: s.name, citizenIdMasked: s.masked ?? undefined };
  return { id: s.id, kind: s.kind, name: s.name, uscc: s.uscc ?? undefined };
}

function presentHit(h: Hit): Result['hits'][number] {
  const e = h.entry;
  return {
    entryId: e.id,
    listType: listTypeView(h.listType),
    role: h.role,
    reason: e.reason,
    decisionDocumentNo: e.documentNo,
    startDate: e.startDate,
    endDate: e.endDate,
    state: h.lifted ? 'measures_lifted' : e.objectionPending ? 'objection_pending' : 'in_effect',
    candidate: h.candidate,
  };
}

function presentGroup(g: MeasureGroup): Result['measures'][number] {
  return {
    department: departmentView(g.department),
    measures: g.measures.map((a) => ({ ...measureView(a.measure), entryIds: a.entryIds })),
  };
}

function listTypeView(lt: ListTypeRec) {
  let view = listTypeViews.get(lt);
  if (view === undefined)
    listTypeViews.set(lt, (view = Object.freeze({ id: lt.id, code: lt.code, name: lt.name, kind: lt.kind })));
  return view;
}

function departmentView(d: DepartmentRec) {
  let view = departmentViews.get(d);
  if (view === undefined) departmentViews.set(d, (view = Object.freeze({ id: d.id, code: d.code, name: d.name })));
  return view;
}

function measureView(m: MeasureRec) {
  let view = measureViews.get(m);
  if (view === undefined) {
    measureViews.set(
      m,
      (view = Object.freeze({
        id: m.id,
        code: m.code,
        kind: m.kind,
        title: m.title,
        content: m.content,
        legalBasis: m.legalBasis,
      })),
    );
  }
  return view;
}
