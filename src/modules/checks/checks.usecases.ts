import type { EventSync } from '../../app/sync.ts';
import { hasRole, type Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import {
  inspectIdentifier, maskCitizenId, maskIdentifier, normalizeIdentifierInput, validateCitizenId, validateUscc,
  type IdentifierValidation,
} from '../shared/identifiers.ts';
import { uuidv7 } from '../shared/ids.ts';
import type { Secrets } from '../shared/secrets.ts';
import { chinaDate } from '../shared/working-days.ts';
import { normalizeSubjectName } from '../subjects/names.ts';
import type { CheckIndex } from './check-index.ts';
import type { CheckRecorder, RecordedSubject } from './check-recorder.ts';
import type { CheckScope, SubjectMatch, SubjectQuery } from './check-rules.ts';
import { ambiguousSubject, emptySubject, invalidIdentifiers, unknownScenario, unrecorded, type IdentifierIssue } from './checks.errors.ts';
import type { CheckBodyInput } from './checks.schemas.ts';

export interface CheckDeps {
  index: CheckIndex;
  recorder: CheckRecorder;
  sync: Pick<EventSync, 'status'>;
  clock: Clock;
  secrets: Secrets;
}

/** The subject as asked, with nothing a check may not repeat: an ID number only masked. */
export interface ShownQuery { uscc?: string; citizenIdMasked?: string; name?: string }

export interface CheckedSubject { index: number; query: ShownQuery; match: SubjectMatch }

export interface CheckOutcome { checkId: string; dataVersion: bigint; stale: boolean; results: CheckedSubject[] }

interface ParsedSubject { query: SubjectQuery; shown: ShownQuery; recorded: RecordedSubject }

const MAX_ISSUES = 20;

/**
 * The joint check: answered from the in-memory index only — no database query, no wait on a write. The record
 * is queued before the answer leaves; if it cannot be queued, there is no answer (every check is recorded).
 */
export function runCheck(deps: CheckDeps, actor: Actor, input: CheckBodyInput): CheckOutcome {
  const now = deps.clock.now();
  const today = chinaDate(now);
  const scenario = input.scenario ?? null;
  if (scenario !== null && !deps.index.hasScenario(scenario)) throw unknownScenario();
  const parsed = parseSubjects(input.subjects, today, deps.secrets);

  const { dataVersion, stale } = deps.sync.status();
  const scope: CheckScope = { departmentId: actor.departmentId, scenario, today, seesAllRecords: hasRole(actor, 'credit_office', 'admin') };
  const results: CheckedSubject[] = new Array(parsed.length);
  const recorded: RecordedSubject[] = new Array(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i]!;
    const match = deps.index.check(p.query, scope);
    results[i] = { index: i, query: p.shown, match };
    p.recorded.subjectId = match.subject?.id ?? null;
    p.recorded.entryIds = match.hits.length === 0 ? [] : [...new Set(match.hits.map((h) => h.entry.id))];
    p.recorded.candidate = match.candidate;
    recorded[i] = p.recorded;
  }

  const checkId = uuidv7(now.getTime());
  const queued = deps.recorder.record({
    checkId, checkedAt: now, departmentId: actor.departmentId, actor: actor.ref, scenario, dataVersion, stale, subjects: recorded,
  });
  if (!queued) throw unrecorded();
  return { checkId, dataVersion, stale, results };
}

function parseSubjects(subjects: CheckBodyInput['subjects'], today: string, secrets: Secrets): ParsedSubject[] {
  const issues: IdentifierIssue[] = [];
  const parsed: ParsedSubject[] = [];
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i]!;
    const field = `subjects[${i}]`;
    const uscc = present(s.uscc);
    const citizenId = present(s.citizenId);
    const name = present(s.name);
    const nameKey = name === null ? null : normalizeSubjectName(name) || null;
    if (uscc !== null && citizenId !== null) throw ambiguousSubject(field);
    if (uscc === null && citizenId === null && nameKey === null) throw emptySubject(field);

    const query: SubjectQuery = { uscc: null, digest: null, nameKey };
    const shown: ShownQuery = {};
    const recorded: RecordedSubject = { subjectId: null, entryIds: [], candidate: false };
    if (uscc !== null) {
      const v = validateUscc(uscc);
      if (v.valid) {
        query.uscc = shown.uscc = recorded.uscc = v.normalized!;
      } else if (issues.length < MAX_ISSUES) {
        issues.push(issue(`${field}.uscc`, maskIdentifier(normalizeIdentifierInput(uscc)), v, uscc, 'citizen_id'));
      }
    } else if (citizenId !== null) {
      const v = validateCitizenId(citizenId, { today });
      if (v.valid) {
        query.digest = recorded.citizenIdDigest = secrets.digestCitizenId(v.normalized!);
        shown.citizenIdMasked = recorded.citizenIdMasked = maskCitizenId(v.normalized!);
      } else if (issues.length < MAX_ISSUES) {
        issues.push(issue(`${field}.citizenId`, maskCitizenId(normalizeIdentifierInput(citizenId)), v, citizenId, 'uscc'));
      }
    }
    if (name !== null) shown.name = recorded.name = name;
    parsed.push({ query, shown, recorded });
  }
  if (issues.length > 0) throw invalidIdentifiers(issues);
  return parsed;
}

/** The problems, plus a hint when the value is a valid identifier of the other kind (put in the wrong field). */
function issue(field: string, value: string, v: IdentifierValidation, raw: string, other: 'uscc' | 'citizen_id'): IdentifierIssue {
  const problems = v.problems.filter((p) => p.severity === 'error').map(({ code, message }) => ({ code, message }));
  const inspected = inspectIdentifier(raw);
  if (inspected.valid && inspected.type === other) {
    problems.push(other === 'uscc'
      ? { code: 'check.wrong_field', message: '该号码是统一社会信用代码，请填写在 uscc 字段' }
      : { code: 'check.wrong_field', message: '该号码是公民身份号码，请填写在 citizenId 字段' });
  }
  return { field, value, problems };
}

/** Blank strings count as absent: business systems often send "" for an empty field. */
function present(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
