import {
  type Actor,
  chinaDate,
  type Clock,
  hasRole,
  type IdentifierValidation,
  inspectIdentifier,
  maskCitizenId,
  maskIdentifier,
  normalizeIdentifierInput,
  type Secrets,
  type SyncStatus,
  uuidv7,
  validateCitizenId,
  validateUscc,
} from '../shared/index.ts';
import { normalizeSubjectName } from '../subjects/index.ts';
import type { CheckIndex } from './check-index.ts';
import type { CheckRecorder, RecordedSubject } from './check-recorder.ts';
import type { CheckScope, SubjectMatch, SubjectQuery } from './check-rules.ts';
import { ambiguousSubject, emptySubject, unjournaled, unknownScenario, unrecorded } from './checks.errors.ts';
import { NOT_ELIGIBLE } from './check-catalog.ts';
import type { CheckBodyInput } from './checks.schemas.ts';

export interface CheckDeps {
  index: CheckIndex;
  recorder: CheckRecorder;
  sync: { status(): SyncStatus };
  clock: Clock;
  secrets: Secrets;
  log?: { error(obj: object, msg: string): void };
}

/** The subject as asked, with nothing a check may not repeat: an ID number only masked. */
export interface ShownQuery {
  uscc?: string;
  citizenIdMasked?: string;
  name?: string;
}

/** What is wrong with one subject of a check: it is then not checked (no hits), the others are. */
export interface SubjectProblem {
  field: string;
  code: string;
  message: string;
}

export interface CheckedSubject {
  index: number;
  query: ShownQuery;
  match: SubjectMatch;
  problems?: SubjectProblem[];
}

export interface CheckOutcome {
  checkId: string;
  dataVersion: bigint;
  stale: boolean;
  results: CheckedSubject[];
}

interface ParsedSubject {
  query: SubjectQuery;
  shown: ShownQuery;
  recorded: RecordedSubject;
  problems: SubjectProblem[] | null;
}

/** The answer for a subject that was not checked: nothing found, nothing it qualifies for. */
const UNCHECKED: SubjectMatch = Object.freeze({
  matched: false,
  subject: null,
  hits: Object.freeze([]) as never,
  measures: Object.freeze([]) as never,
  candidate: false,
  records: Object.freeze([]) as never,
  eligibility: NOT_ELIGIBLE,
});

/**
 * A check answered only once its record is durable: runCheck queues the record, and the answer waits for the
 * journal's group write (local disk, never the database). A journal that cannot be written refuses the check.
 */
export async function acknowledgedCheck(deps: CheckDeps, actor: Actor, input: CheckBodyInput): Promise<CheckOutcome> {
  const { outcome, durable } = runCheck(deps, actor, input);
  try {
    await durable;
  } catch (error) {
    deps.log?.error(
      { err: { type: (error as Error)?.name, code: (error as NodeJS.ErrnoException)?.code } },
      'check journal could not be written',
    );
    throw unjournaled();
  }
  return outcome;
}

/**
 * The joint check: answered from the in-memory index only — no database query, no wait on a write. The record
 * is queued before the answer is built; if it cannot be queued, there is no answer (every check is recorded).
 * `durable` settles when the record is in the journal: the answer must not leave before.
 *
 * Every subject is answered on its own: one with a malformed code (or none) gets its problems and no hits,
 * and the record says it was not checked.
 */
export function runCheck(
  deps: CheckDeps,
  actor: Actor,
  input: CheckBodyInput,
): { outcome: CheckOutcome; durable: Promise<void> } {
  const now = deps.clock.now();
  const today = chinaDate(now);
  const scenario = input.scenario ?? null;
  if (scenario !== null && !deps.index.hasScenario(scenario)) throw unknownScenario();
  const parsed = parseSubjects(input.subjects, today, deps.secrets);

  const { dataVersion, stale } = deps.sync.status();
  const scope: CheckScope = {
    departmentId: actor.departmentId,
    scenario,
    today,
    seesAllRecords: hasRole(actor, 'credit_office', 'admin'),
  };
  const results: CheckedSubject[] = new Array(parsed.length);
  const recorded: RecordedSubject[] = new Array(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i]!;
    recorded[i] = p.recorded;
    if (p.problems !== null) {
      results[i] = { index: i, query: p.shown, match: UNCHECKED, problems: p.problems };
      continue;
    }
    const match = deps.index.check(p.query, scope);
    results[i] = { index: i, query: p.shown, match };
    p.recorded.subjectId = match.subject?.id ?? null;
    p.recorded.entryIds = match.hits.length === 0 ? [] : [...new Set(match.hits.map((h) => h.entry.id))];
    p.recorded.candidate = match.candidate;
  }

  const checkId = uuidv7(now.getTime());
  const durable = deps.recorder.record({
    checkId,
    checkedAt: now,
    departmentId: actor.departmentId,
    actor: actor.ref,
    scenario,
    dataVersion,
    stale,
    subjects: recorded,
  });
  if (durable === false) throw unrecorded();
  return { outcome: { checkId, dataVersion, stale, results }, durable };
}

function parseSubjects(subjects: CheckBodyInput['subjects'], today: string, secrets: Secrets): ParsedSubject[] {
  const parsed: ParsedSubject[] = new Array(subjects.length);
  for (let i = 0; i < subjects.length; i++) parsed[i] = parseSubject(subjects[i]!, `subjects[${i}]`, today, secrets);
  return parsed;
}

function parseSubject(
  s: CheckBodyInput['subjects'][number],
  field: string,
  today: string,
  secrets: Secrets,
): ParsedSubject {
  const uscc = present(s.uscc);
  const citizenId = present(s.citizenId);
  const name = present(s.name);
  const nameKey = name === null ? null : normalizeSubjectName(name) || null;
  const query: SubjectQuery = { uscc: null, digest: null, nameKey };
  const shown: ShownQuery = {};
  const recorded: RecordedSubject = { subjectId: null, entryIds: [], candidate: false };
  let problems: SubjectProblem[] | null = null;
  if (name !== null) shown.name = recorded.name = name;

  if (uscc !== null && citizenId !== null) {
    shown.uscc = recorded.uscc = maskIdentifier(normalizeIdentifierInput(uscc));
    shown.citizenIdMasked = recorded.citizenIdMasked = maskCitizenId(citizenId);
    problems = [ambiguousSubject(field)];
  } else if (uscc !== null) {
    const v = validateUscc(uscc);
    if (v.valid) {
      query.uscc = shown.uscc = recorded.uscc = v.normalized!;
    } else {
      shown.uscc = recorded.uscc = maskIdentifier(normalizeIdentifierInput(uscc));
      problems = identifierProblems(`${field}.uscc`, v, uscc, 'citizen_id');
    }
  } else if (citizenId !== null) {
    const v = validateCitizenId(citizenId, { today });
    if (v.valid) {
      query.digest = recorded.citizenIdDigest = secrets.digestCitizenId(v.normalized!);
      shown.citizenIdMasked = recorded.citizenIdMasked = maskCitizenId(v.normalized!);
    } else {
      shown.citizenIdMasked = recorded.citizenIdMasked = maskCitizenId(normalizeIdentifierInput(citizenId));
      problems = identifierProblems(`${field}.citizenId`, v, citizenId, 'uscc');
    }
  } else if (nameKey === null) {
    problems = [emptySubject(field)];
  }
  // The record says which subjects were not checked, and why (codes only: the messages are the API's).
  if (problems !== null) {
    recorded.answered = false;
    recorded.problems = problems.map((p) => p.code);
  }
  return { query, shown, recorded, problems };
}

/** The problems, plus a hint when the value is a valid identifier of the other kind (put in the wrong field). */
function identifierProblems(
  field: string,
  v: IdentifierValidation,
  raw: string,
  other: 'uscc' | 'citizen_id',
): SubjectProblem[] {
  const problems = v.problems
    .filter((p) => p.severity === 'error')
    .map(({ code, message }) => ({ field, code, message }));
  const inspected = inspectIdentifier(raw);
  if (inspected.valid && inspected.type === other) {
    problems.push(
      other === 'uscc'
        ? { field, code: 'check.wrong_field', message: '该号码是统一社会信用代码，请填写在 uscc 字段' }
        : { field, code: 'check.wrong_field', message: '该号码是公民身份号码，请填写在 citizenId 字段' },
    );
  }
  return problems;
}

/** Blank strings count as absent: business systems often send "" for an empty field. */
function present(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
