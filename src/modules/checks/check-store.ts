import type { EntryRow, PersonRow, RecordIndexRow, SubjectRow } from './check-index.repository.ts';

// The in-memory records of the check index. A million entries must fit in well under 1.5 GB: records are classes
// (one hidden class each), empty lists are null, a list of one is held as its item (an array grown by one push
// reserves 17 slots: about 180 bytes for one pointer), repeated strings (list type ids, dates, measure ids) are
// interned, and entries decided with the same measures share one list. No driver row is kept.

export type SubjectKind = 'organization' | 'individual_business' | 'person';
export type PersonRole = 'legalRepresentative' | 'principal' | 'responsiblePerson';

const NO_MEASURES: readonly string[] = Object.freeze([]);

export class SubjectRec {
  /** Entries in effect with this subject, ascending by id; a lone entry is held without an array (the usual case). */
  entries: EntryRec | EntryRec[] | null = null;
  /** Entries whose decision names this person; a lone link is held without an array (the usual case). */
  named: NamedLink | NamedLink[] | null = null;
  /** Dishonesty records in effect, ascending by id; most subjects have none. */
  records: RecordRec | RecordRec[] | null = null;
  constructor(
    readonly id: string,
    public kind: SubjectKind,
    public name: string,
    public nameKey: string,
    public uscc: string | null,
    public digest: string | null,
    public masked: string | null,
  ) {}
}

export class EntryRec {
  /** The persons the decision names; a lone link is held without an array (the usual case). */
  persons: NamedLink | NamedLink[] | null = null;
  constructor(
    readonly id: string,
    readonly listTypeId: string,
    readonly subject: SubjectRec,
    readonly reason: string,
    readonly documentNo: string | null,
    readonly startDate: string | null,
    /** Inclusive last day, 'YYYY-MM-DD'. */
    readonly endDate: string | null,
    readonly objectionPending: boolean,
  ) {}
  /** The decided measures, ascending; entries decided alike share one frozen list. */
  measureIds: readonly string[] = NO_MEASURES;
  /** Temporary lifting of the measures under a reorganization plan or settlement; null for nearly every entry. */
  lifted: Lifting | null = null;
}

/** Measures lifted from `from` to `until` (inclusive days; null = open). */
export class Lifting {
  constructor(
    readonly from: string | null,
    readonly until: string | null,
  ) {}
  activeOn(today: string): boolean {
    return (this.from === null || this.from <= today) && (this.until === null || today <= this.until);
  }
}

/** A dishonesty record in effect: information for checks, never a list hit and never measures. */
export class RecordRec {
  constructor(
    readonly id: string,
    readonly subject: SubjectRec,
    readonly departmentId: string,
    readonly domain: string,
    readonly decisionNo: string,
    readonly decisionDate: string,
    readonly severity: 'minor' | 'general' | 'serious',
    readonly penaltyType: string,
    readonly objectionPending: boolean,
    /** Inclusive last day of sharing, 'YYYY-MM-DD'. */
    readonly disclosureEnd: string,
  ) {}
}

/** A person named by a decision: held by both the entry and the person. */
export class NamedLink {
  constructor(
    readonly entry: EntryRec,
    readonly person: SubjectRec,
    readonly role: PersonRole,
  ) {}
}

const ROLES = new Set(['legalRepresentative', 'principal', 'responsiblePerson']);

export class CheckStore {
  readonly entries = new Map<string, EntryRec>();
  readonly records = new Map<string, RecordRec>();
  /** Subjects held; found by their code (uscc or ID digest), which every subject has. */
  subjectCount = 0;
  private readonly byUscc = new Map<string, SubjectRec>();
  private readonly byDigest = new Map<string, SubjectRec>();
  private readonly byName = new Map<string, SubjectRec | SubjectRec[]>();
  private readonly strings = new Map<string, string>();
  private readonly measureLists = new Map<string, readonly string[]>();

  findByUscc(uscc: string): SubjectRec | undefined {
    return this.byUscc.get(uscc);
  }
  findByDigest(digest: string): SubjectRec | undefined {
    return this.byDigest.get(digest);
  }
  findByName(nameKey: string): SubjectRec | SubjectRec[] | undefined {
    return this.byName.get(nameKey);
  }

  /** Adds (or replaces) one entry with its measures; the persons it names follow through addPerson(). */
  put(row: EntryRow): EntryRec {
    this.remove(row.id);
    return this.add(row);
  }

  /** Adds an entry not held yet (a load, where every id comes once). */
  add(row: EntryRow): EntryRec {
    const subject = this.subject(row);
    const entry = new EntryRec(
      row.id,
      this.intern(row.list_type_id),
      subject,
      row.reason,
      row.document_no,
      row.start_date === null ? null : this.intern(row.start_date),
      row.end_date === null ? null : this.intern(row.end_date),
      row.objection_pending,
    );
    if (row.measure_ids !== '') entry.measureIds = this.measureList(row.measure_ids);
    if (row.measures_lifted !== null) entry.lifted = lifting(row.measures_lifted);
    subject.entries = insertById(subject.entries, entry);
    this.entries.set(entry.id, entry);
    return entry;
  }

  /** Adds (or replaces) one record. */
  putRecord(row: RecordIndexRow): RecordRec {
    this.removeRecord(row.id);
    const subject = this.subject(row);
    const record = new RecordRec(
      row.id,
      subject,
      this.intern(row.department_id),
      this.intern(row.domain),
      row.decision_no,
      this.intern(row.decision_date),
      this.intern(row.severity) as RecordRec['severity'],
      this.intern(row.penalty_type),
      row.objection_pending,
      this.intern(row.disclosure_end),
    );
    subject.records = insertById(subject.records, record);
    this.records.set(record.id, record);
    return record;
  }

  removeRecord(recordId: string): boolean {
    const record = this.records.get(recordId);
    if (!record) return false;
    this.records.delete(recordId);
    record.subject.records = withoutItem(record.subject.records, record);
    this.dropIfUnused(record.subject);
    return true;
  }

  /** Links a person the decision of an entry held here names; ignored for entries not held (no longer in effect). */
  addPerson(row: PersonRow): void {
    const entry = this.entries.get(row.entry_id);
    if (entry === undefined || !ROLES.has(row.role)) return;
    const person = this.subject(row);
    const link = new NamedLink(entry, person, row.role as PersonRole);
    entry.persons = withItem(entry.persons, link);
    person.named = withItem(person.named, link);
  }

  remove(entryId: string): boolean {
    const entry = this.entries.get(entryId);
    if (!entry) return false;
    this.entries.delete(entryId);
    const subject = entry.subject;
    subject.entries = withoutItem(subject.entries, entry);
    this.dropIfUnused(subject);
    for (const link of itemsOf(entry.persons)) {
      link.person.named = withoutItem(link.person.named, link);
      this.dropIfUnused(link.person);
    }
    return true;
  }

  /** The subject record for a row, created or updated in place (a subject event may change its name). */
  private subject(row: SubjectRow): SubjectRec {
    const existing = row.uscc !== null ? this.byUscc.get(row.uscc) : this.byDigest.get(row.citizen_id_digest!);
    const nameKey = row.name_key ?? row.name;
    if (existing !== undefined && existing.id === row.subject_id) {
      if (
        existing.name !== row.name ||
        existing.nameKey !== nameKey ||
        existing.kind !== row.kind ||
        existing.masked !== row.citizen_id_masked
      ) {
        this.unindex(existing);
        existing.kind = row.kind;
        existing.name = row.name;
        existing.nameKey = nameKey;
        existing.masked = row.citizen_id_masked;
        this.index(existing);
      }
      return existing;
    }
    // The code now belongs to another subject (a corrected code): the old record keeps its entries until they are
    // reloaded, but is no longer found by that code.
    if (existing !== undefined) this.unindex(existing);
    const created = new SubjectRec(
      row.subject_id,
      this.intern(row.kind) as SubjectKind,
      row.name,
      nameKey,
      row.uscc,
      row.citizen_id_digest,
      row.citizen_id_masked,
    );
    this.subjectCount += 1;
    this.index(created);
    return created;
  }

  private index(s: SubjectRec): void {
    if (s.uscc !== null) this.byUscc.set(s.uscc, s);
    if (s.digest !== null) this.byDigest.set(s.digest, s);
    const other = this.byName.get(s.nameKey);
    if (other === undefined) this.byName.set(s.nameKey, s);
    else if (Array.isArray(other)) other.push(s);
    else this.byName.set(s.nameKey, [other, s]);
  }

  private unindex(s: SubjectRec): void {
    if (s.uscc !== null && this.byUscc.get(s.uscc) === s) this.byUscc.delete(s.uscc);
    if (s.digest !== null && this.byDigest.get(s.digest) === s) this.byDigest.delete(s.digest);
    const other = this.byName.get(s.nameKey);
    if (other === s) this.byName.delete(s.nameKey);
    else if (Array.isArray(other)) {
      const rest = other.filter((x) => x !== s);
      if (rest.length === 0) this.byName.delete(s.nameKey);
      else this.byName.set(s.nameKey, rest.length === 1 ? rest[0]! : rest);
    }
  }

  private dropIfUnused(s: SubjectRec): void {
    if (s.entries !== null || s.named !== null || s.records !== null) return;
    this.unindex(s);
    this.subjectCount -= 1;
  }

  private intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** The shared list for comma-joined measure ids: one per distinct set, made on first sight. */
  private measureList(joined: string): readonly string[] {
    let list = this.measureLists.get(joined);
    if (list === undefined) {
      list = Object.freeze(joined.split(',').map((id) => this.intern(id)));
      this.measureLists.set(joined, list);
    }
    return list;
  }
}

/** The items of a list held as null, one item, or an array. */
export function itemsOf<T>(held: T | T[] | null): readonly T[] {
  return held === null ? [] : Array.isArray(held) ? held : [held];
}

function withItem<T>(held: T | T[] | null, item: T): T | T[] {
  if (held === null) return item;
  if (!Array.isArray(held)) return [held, item];
  held.push(item);
  return held;
}

function insertById<T extends { id: string }>(held: T | T[] | null, item: T): T | T[] {
  if (held === null) return item;
  if (!Array.isArray(held)) return held.id > item.id ? [item, held] : [held, item];
  const list = held;
  let i = list.length;
  while (i > 0 && list[i - 1]!.id > item.id) i--;
  list.splice(i, 0, item);
  return list;
}

function withoutItem<T>(held: T | T[] | null, item: T): T | T[] | null {
  if (held === item || held === null) return null;
  if (!Array.isArray(held)) return held;
  const rest = without(held, item);
  return rest !== null && rest.length === 1 ? rest[0]! : rest;
}

/** Dates of a lifting as days (a timestamp counts by its date part). */
function lifting(value: { from?: string | null; until?: string | null }): Lifting {
  const day = (v: string | null | undefined) => (typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : null);
  return new Lifting(day(value.from), day(value.until));
}

function without<T>(list: T[] | null, item: T): T[] | null {
  if (list === null) return null;
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
  return list.length === 0 ? null : list;
}
