import {
  NOT_ELIGIBLE,
  sharesWith,
  type CheckCatalog,
  type DepartmentRec,
  type Eligibility,
  type EligibilityBasis,
  type ListTypeRec,
  type MeasureRec,
} from './check-catalog.ts';
import {
  itemsOf,
  type CheckStore,
  type EntryRec,
  type PersonRole,
  type RecordRec,
  type SubjectRec,
} from './check-store.ts';

// The rules of the joint check (issue 2, item 9; records and eligibility: issue 3, items 1 and 7), on the in-memory
// records only.

/** What to look for: a code (uscc, or a person's ID digest) and/or a normalized name. */
export interface SubjectQuery {
  uscc: string | null;
  digest: string | null;
  nameKey: string | null;
}

export interface CheckScope {
  /** The caller's department: sharing scopes and the order of measure groups depend on it. */
  departmentId: string;
  scenario: string | null;
  /** 'YYYY-MM-DD' in China time: an entry applies only when its start date ≤ today ≤ its end date. */
  today: string;
  /** The credit office and administrators receive every record whatever its domain's sharing scope. */
  seesAllRecords: boolean;
}

export type HitRole = 'subject' | PersonRole;

export interface Hit {
  entry: EntryRec;
  listType: ListTypeRec;
  role: HitRole;
  subject: SubjectRec;
  candidate: boolean;
  /** Measures lifted today (reorganization): shown, but applies none. */
  lifted: boolean;
}
export interface RecordHit {
  record: RecordRec;
  department: DepartmentRec;
}
export interface AppliedMeasure {
  measure: MeasureRec;
  entryIds: string[];
}
export interface MeasureGroup {
  department: DepartmentRec;
  measures: AppliedMeasure[];
}

export interface SubjectMatch {
  matched: boolean;
  /** The subject found; null when none, or when a name matched several subjects. */
  subject: SubjectRec | null;
  hits: Hit[];
  measures: MeasureGroup[];
  candidate: boolean;
  /** Dishonesty records the caller may see: information only (no hit, no measures); for an exact code match only. */
  records: RecordHit[];
  eligibility: Eligibility;
}

const none = <T>() => Object.freeze([]) as unknown as T[];
const NO_MATCH: SubjectMatch = Object.freeze({
  matched: false,
  subject: null,
  hits: none<Hit>(),
  measures: none<MeasureGroup>(),
  candidate: false,
  records: none<RecordHit>(),
  eligibility: NOT_ELIGIBLE,
});
/** The answer for a code no subject in the index has, per catalog (it says what a clean record qualifies for). */
const unknownMatches = new WeakMap<CheckCatalog, SubjectMatch>();

function unknownSubject(catalog: CheckCatalog): SubjectMatch {
  let match = unknownMatches.get(catalog);
  if (match === undefined)
    unknownMatches.set(catalog, (match = Object.freeze({ ...NO_MATCH, eligibility: catalog.cleanEligibility })));
  return match;
}

export function matchSubject(
  store: CheckStore,
  catalog: CheckCatalog,
  query: SubjectQuery,
  scope: CheckScope,
): SubjectMatch {
  let subjects: SubjectRec | SubjectRec[] | undefined;
  let candidate: boolean;
  const byCode = query.uscc !== null || query.digest !== null;
  if (byCode) {
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
  if (subjects === undefined) return byCode ? unknownSubject(catalog) : NO_MATCH;

  const hits: Hit[] = [];
  if (Array.isArray(subjects)) for (const s of subjects) collectHits(s, catalog, scope, candidate, hits);
  else collectHits(subjects, catalog, scope, candidate, hits);
  // Records and eligibility need the subject for certain: a code match whose name agrees (a code finds one subject).
  const exact = byCode && !candidate && !Array.isArray(subjects) ? subjects : null;
  const records = exact !== null && exact.records !== null ? visibleRecords(exact, catalog, scope) : NO_MATCH.records;
  const eligibility = exact !== null ? eligibilityOf(exact, hits, catalog, scope.today) : NOT_ELIGIBLE;
  if (hits.length === 0 && records.length === 0) {
    if (eligibility === NOT_ELIGIBLE) return NO_MATCH;
    return eligibility === catalog.cleanEligibility ? unknownSubject(catalog) : { ...NO_MATCH, eligibility };
  }

  // Only records: the exact subject. Hits of several subjects (a shared name): none named.
  let subject: SubjectRec | null = hits.length === 0 ? exact : hits[0]!.subject;
  for (const h of hits)
    if (h.subject !== subject) {
      subject = null;
      break;
    }
  return {
    matched: true,
    subject,
    hits,
    measures: candidate ? [] : applicableMeasures(hits, catalog, scope),
    candidate,
    records,
    eligibility,
  };
}

/** Records in their sharing window whose domain shares with the caller (the deciding department always sees its own). */
function visibleRecords(subject: SubjectRec, catalog: CheckCatalog, scope: CheckScope): RecordHit[] {
  const held = subject.records!;
  const out: RecordHit[] = [];
  for (const record of Array.isArray(held) ? held : [held]) {
    if (!recordInEffect(record, scope.today)) continue;
    const domain = catalog.recordDomains.get(record.domain);
    const visible =
      scope.seesAllRecords ||
      record.departmentId === scope.departmentId ||
      (domain !== undefined && sharesWith(domain, scope.departmentId));
    if (visible)
      out.push({
        record,
        department: catalog.departments.get(record.departmentId) ?? unknownDepartment(record.departmentId),
      });
  }
  return out;
}

const unknownDepartment = (id: string): DepartmentRec => ({ id, code: '', name: '未知部门' });

function collectHits(
  subject: SubjectRec,
  catalog: CheckCatalog,
  scope: CheckScope,
  candidate: boolean,
  into: Hit[],
): void {
  const own = subject.entries;
  if (own !== null) {
    if (Array.isArray(own)) for (const entry of own) ownHit(entry, subject, catalog, scope, candidate, into);
    else ownHit(own, subject, catalog, scope, candidate, into);
  }
  if (subject.named !== null) {
    for (const link of itemsOf(subject.named)) {
      const listType = visibleListType(link.entry, catalog, scope);
      if (listType)
        into.push({
          entry: link.entry,
          listType,
          role: link.role,
          subject,
          candidate,
          lifted: isLifted(link.entry, scope.today),
        });
    }
  }
}

function ownHit(
  entry: EntryRec,
  subject: SubjectRec,
  catalog: CheckCatalog,
  scope: CheckScope,
  candidate: boolean,
  into: Hit[],
): void {
  const listType = visibleListType(entry, catalog, scope);
  if (listType)
    into.push({ entry, listType, role: 'subject', subject, candidate, lifted: isLifted(entry, scope.today) });
}

const isLifted = (entry: EntryRec, today: string) => entry.lifted !== null && entry.lifted.activeOn(today);

/** The entry's list type when the caller may see the entry today; otherwise undefined. */
function visibleListType(entry: EntryRec, catalog: CheckCatalog, scope: CheckScope): ListTypeRec | undefined {
  if (!appliesOn(entry, scope.today)) return undefined;
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
    // Measures lifted under a reorganization plan or settlement apply to nobody while the lifting lasts.
    if (hit.lifted) continue;
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

const recordInEffect = (record: RecordRec, today: string) => record.disclosureEnd >= today;
/**
 * An entry applies from its start date to its end date, both inclusive, judged on the day of the check: a validity
 * that starts later (a red list reviewed ahead of its period) begins on its first day, and an entry is over from the
 * day after its last, with no write either time (the expiry job only records the end afterwards).
 */
const appliesOn = (entry: EntryRec, today: string) =>
  (entry.startDate === null || entry.startDate <= today) && (entry.endDate === null || entry.endDate >= today);

/**
 * Green-channel handling and 容缺受理 (docs/domain/rules.md §2, §7): from the subject's red-list hits under the red-list
 * rules in force, and from the clean-record rules. A black entry in effect (as subject or as a named person), whether
 * or not the caller may see it, rules out every incentive.
 */
function eligibilityOf(subject: SubjectRec, hits: Hit[], catalog: CheckCatalog, today: string): Eligibility {
  if (onBlackList(subject, catalog, today)) return NOT_ELIGIBLE;
  let greenChannel = false;
  let acceptWithCommitment = false;
  let basis: EligibilityBasis[] | null = null;
  for (const hit of hits) {
    if (hit.role !== 'subject' || hit.listType.kind !== 'red') continue;
    for (const rule of catalog.redListRules) {
      if (rule.listTypeCodes !== null && !rule.listTypeCodes.has(hit.listType.code)) continue;
      greenChannel ||= rule.greenChannel;
      acceptWithCommitment ||= rule.acceptWithCommitment;
      (basis ??= []).push(
        rule.code === null
          ? { kind: 'red_list', entryId: hit.entry.id, name: hit.listType.name }
          : { kind: 'red_list', entryId: hit.entry.id, ruleCode: rule.code, name: hit.listType.name },
      );
    }
  }
  const clean = hasRecordInEffect(subject, today) ? NOT_ELIGIBLE : catalog.cleanEligibility;
  if (basis === null) return clean;
  return {
    greenChannel: greenChannel || clean.greenChannel,
    acceptWithCommitment: acceptWithCommitment || clean.acceptWithCommitment,
    basis: clean.basis.length === 0 ? basis : [...basis, ...clean.basis],
  };
}

function onBlackList(subject: SubjectRec, catalog: CheckCatalog, today: string): boolean {
  const black = (entry: EntryRec) => appliesOn(entry, today) && catalog.listTypes.get(entry.listTypeId)?.kind !== 'red';
  const own = subject.entries;
  if (own !== null && (Array.isArray(own) ? own.some(black) : black(own))) return true;
  return subject.named !== null && itemsOf(subject.named).some((link) => black(link.entry));
}

function hasRecordInEffect(subject: SubjectRec, today: string): boolean {
  const held = subject.records;
  if (held === null) return false;
  return Array.isArray(held) ? held.some((r) => recordInEffect(r, today)) : recordInEffect(held, today);
}
