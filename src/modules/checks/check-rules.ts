import { sharesWith, type CheckCatalog, type DepartmentRec, type ListTypeRec, type MeasureRec } from './check-catalog.ts';
import type { CheckStore, EntryRec, PersonRole, SubjectRec } from './check-store.ts';

// The rules of the joint check (issue 2, item 9), on the in-memory records only.

/** What to look for: a code (uscc, or a person's ID digest) and/or a normalized name. */
export interface SubjectQuery { uscc: string | null; digest: string | null; nameKey: string | null }

export interface CheckScope {
  /** The caller's department: sharing scopes and the order of measure groups depend on it. */
  departmentId: string;
  scenario: string | null;
  /** 'YYYY-MM-DD' in China time: an entry whose end date is before it is over. */
  today: string;
}

export type HitRole = 'subject' | PersonRole;

export interface Hit { entry: EntryRec; listType: ListTypeRec; role: HitRole; subject: SubjectRec; candidate: boolean }
export interface AppliedMeasure { measure: MeasureRec; entryIds: string[] }
export interface MeasureGroup { department: DepartmentRec; measures: AppliedMeasure[] }

export interface SubjectMatch {
  matched: boolean;
  /** The subject found; null when none, or when a name matched several subjects. */
  subject: SubjectRec | null;
  hits: Hit[];
  measures: MeasureGroup[];
  candidate: boolean;
}

const NO_MATCH: SubjectMatch = Object.freeze({ matched: false, subject: null, hits: Object.freeze([]) as unknown as Hit[], measures: Object.freeze([]) as unknown as MeasureGroup[], candidate: false });

export function matchSubject(store: CheckStore, catalog: CheckCatalog, query: SubjectQuery, scope: CheckScope): SubjectMatch {
  let subjects: SubjectRec | SubjectRec[] | undefined;
  let candidate: boolean;
  if (query.uscc !== null || query.digest !== null) {
    // A code that matches no listed subject is a miss even when the name matches one: codes are unique, so a
    // subject with that name and another code is another subject.
    subjects = query.uscc !== null ? store.findByUscc(query.uscc) : store.findByDigest(query.digest!);
    // A code match whose given name is not the subject's name may be a wrong code: shown, but not acted on.
    candidate = subjects !== undefined && query.nameKey !== null && query.nameKey !== subjects.nameKey;
  } else if (query.nameKey !== null) {
    subjects = store.findByName(query.nameKey);
    candidate = true;
  } else {
    return NO_MATCH;
  }
  if (subjects === undefined) return NO_MATCH;

  const hits: Hit[] = [];
  if (Array.isArray(subjects)) for (const s of subjects) collectHits(s, catalog, scope, candidate, hits);
  else collectHits(subjects, catalog, scope, candidate, hits);
  if (hits.length === 0) return NO_MATCH;

  let subject: SubjectRec | null = hits[0]!.subject;
  for (const h of hits) if (h.subject !== subject) { subject = null; break; }
  return {
    matched: true,
    subject,
    hits,
    measures: candidate ? [] : applicableMeasures(hits, catalog, scope),
    candidate,
  };
}

function collectHits(subject: SubjectRec, catalog: CheckCatalog, scope: CheckScope, candidate: boolean, into: Hit[]): void {
  const own = subject.entries;
  if (own !== null) {
    if (Array.isArray(own)) for (const entry of own) ownHit(entry, subject, catalog, scope, candidate, into);
    else ownHit(own, subject, catalog, scope, candidate, into);
  }
  if (subject.named !== null) {
    for (const link of subject.named) {
      const listType = visibleListType(link.entry, catalog, scope);
      if (listType) into.push({ entry: link.entry, listType, role: link.role, subject, candidate });
    }
  }
}

function ownHit(entry: EntryRec, subject: SubjectRec, catalog: CheckCatalog, scope: CheckScope, candidate: boolean, into: Hit[]): void {
  const listType = visibleListType(entry, catalog, scope);
  if (listType) into.push({ entry, listType, role: 'subject', subject, candidate });
}

/** The entry's list type when the caller may see the entry today; otherwise undefined. */
function visibleListType(entry: EntryRec, catalog: CheckCatalog, scope: CheckScope): ListTypeRec | undefined {
  // The end date is the inclusive last day: the entry is over from the next day, even before the expiry job runs.
  if (entry.endDate !== null && entry.endDate < scope.today) return undefined;
  const listType = catalog.listTypes.get(entry.listTypeId);
  return listType !== undefined && sharesWith(listType, scope.departmentId) ? listType : undefined;
}

/** The role a measure must name for a hit: a subject's own hit by its kind, a named person by the decision's role. */
function measureRole(hit: Hit): string {
  if (hit.role !== 'subject') return hit.role;
  return hit.subject.kind === 'person' ? 'person' : 'organization';
}

function applicableMeasures(hits: Hit[], catalog: CheckCatalog, scope: CheckScope): MeasureGroup[] {
  const byMeasure = new Map<string, AppliedMeasure>();
  for (const hit of hits) {
    const role = measureRole(hit);
    for (const id of hit.entry.measureIds) {
      const measure = catalog.measures.get(id);
      if (measure === undefined || !measure.active || !measure.roles.has(role)) continue;
      if (scope.scenario !== null && !measure.scenarios.has(scope.scenario)) continue;
      const applied = byMeasure.get(id);
      if (applied === undefined) byMeasure.set(id, { measure, entryIds: [hit.entry.id] });
      else if (!applied.entryIds.includes(hit.entry.id)) applied.entryIds.push(hit.entry.id);
    }
  }
  if (byMeasure.size === 0) return [];
  const groups = new Map<string, MeasureGroup>();
  for (const applied of byMeasure.values()) {
    const department = applied.measure.department;
    const group = groups.get(department.id);
    if (group === undefined) groups.set(department.id, { department, measures: [applied] });
    else group.measures.push(applied);
  }
  const list = [...groups.values()];
  for (const g of list) g.measures.sort((a, b) => compare(a.measure.code, b.measure.code));
  // The caller's own department first: those are the measures its business system must apply itself.
  return list.sort((a, b) => {
    if (a.department.id === scope.departmentId) return -1;
    if (b.department.id === scope.departmentId) return 1;
    return compare(a.department.code, b.department.code);
  });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
