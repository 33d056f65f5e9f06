import {
  type Actor,
  badRequest,
  chinaDate,
  type Clock,
  type DB,
  decodeCursor,
  inspectIdentifier,
  maskCitizenId,
  notFound,
  requireRole,
  type Secrets,
  toPage,
  unprocessable,
  usccKind,
  uuidv7,
  validateCitizenId,
  validateUscc,
  write,
  type Write,
} from '../shared/index.ts';
import type { Kysely } from 'kysely';
import { normalizeSubjectName } from './names.ts';
import { namesOf } from './subject-names.repository.ts';
import { recordFirstName } from './subject-names.usecases.ts';
import * as repo from './subjects.repository.ts';
import type { RelatedPersonInput, SubjectInput } from './subjects.schemas.ts';

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
}

/**
 * A subject's code, validated: exactly one of uscc / citizenId, of the right type. `field` names it in errors.
 * The field the caller filled says which kind of code it meant, so a malformed code is judged by the rules of that
 * kind and its message names that kind (a citizen ID with a bad birth date must not be told about USCC check
 * characters); only a code valid as the other kind is reported as filled into the wrong field.
 */
export function parseSubjectCode(input: { uscc?: string; citizenId?: string }, field: string, today: string) {
  if (input.uscc && input.citizenId)
    throw unprocessable('subject.ambiguous_code', '统一社会信用代码和公民身份号码只能填写其一。', { field });
  const raw = input.uscc ?? input.citizenId;
  const which = input.uscc ? 'uscc' : 'citizenId';
  if (!raw) throw unprocessable('subject.code_required', '请填写统一社会信用代码或公民身份号码。', { field });
  const expected = which === 'uscc' ? 'uscc' : 'citizen_id';
  const own = which === 'uscc' ? validateUscc(raw) : validateCitizenId(raw, { today });
  if (own.valid && own.normalized) return { type: expected, normalized: own.normalized } as const;
  const other = inspectIdentifier(raw, { today });
  if (other.valid && other.type !== null && other.type !== expected) {
    const message =
      which === 'uscc'
        ? '填写的不是统一社会信用代码，而是公民身份号码，请填入 citizenId。'
        : '填写的不是公民身份号码，而是统一社会信用代码，请填入 uscc。';
    throw unprocessable('subject.wrong_code_type', message, { field: `${field}.${which}` });
  }
  const errors = own.problems.filter((p) => p.severity === 'error');
  const fallback = which === 'uscc' ? '统一社会信用代码无效。' : '公民身份号码无效。';
  throw unprocessable('subject.invalid_code', errors[0]?.message ?? fallback, {
    field: `${field}.${which}`,
    problems: errors.map(({ code, message }) => ({ code, message })),
  });
}

/**
 * Finds the subject a code names, creating it on first mention. An existing subject keeps its recorded name:
 * a different spelling in one request does not rename it.
 */
export async function resolveSubject(
  w: Write,
  deps: { secrets: Secrets },
  input: SubjectInput,
  field: string,
): Promise<repo.SubjectRow> {
  return (await findOrCreateSubject(w, deps, input, field)).subject;
}

/** As resolveSubject, saying whether this call created the subject (of two concurrent creators, one did). */
async function findOrCreateSubject(
  w: Write,
  deps: { secrets: Secrets },
  input: SubjectInput,
  field: string,
): Promise<{ subject: repo.SubjectRow; created: boolean }> {
  const code = parseSubjectCode(input, field, chinaDate(w.now));
  const name = input.name.trim();
  if (code.type === 'uscc') {
    const found = await repo.findSubjectByUscc(w.tx, code.normalized);
    if (found) return { subject: found, created: false };
    const row: repo.SubjectRow = {
      id: uuidv7(w.now.getTime()),
      kind: usccKind(code.normalized),
      name,
      name_key: normalizeSubjectName(name),
      uscc: code.normalized,
      citizen_id_digest: null,
      citizen_id_masked: null,
      created_at: w.now,
      updated_at: w.now,
      status: 'active',
      status_date: null,
    };
    return (
      (await created(w, row, await repo.insertSubject(w.tx, row, null))) ?? {
        subject: (await repo.findSubjectByUscc(w.tx, code.normalized))!,
        created: false,
      }
    );
  }
  const digest = deps.secrets.digestCitizenId(code.normalized);
  const found = await repo.findSubjectByDigest(w.tx, digest);
  if (found) return { subject: found, created: false };
  const row: repo.SubjectRow = {
    id: uuidv7(w.now.getTime()),
    kind: 'person',
    name,
    name_key: normalizeSubjectName(name),
    uscc: null,
    citizen_id_digest: digest,
    citizen_id_masked: maskCitizenId(code.normalized),
    created_at: w.now,
    updated_at: w.now,
    status: 'active',
    status_date: null,
  };
  return (
    (await created(w, row, await repo.insertSubject(w.tx, row, code.normalized))) ?? {
      subject: (await repo.findSubjectByDigest(w.tx, digest))!,
      created: false,
    }
  );
}

async function created(w: Write, row: repo.SubjectRow, inserted: repo.SubjectRow | undefined) {
  if (!inserted) return undefined;
  await recordFirstName(w.tx, inserted, w.now);
  w.event({
    stream: 'subject',
    streamId: row.id,
    type: 'subject.created',
    payload: { kind: row.kind, name: row.name },
  });
  w.audit({
    action: 'subject.created',
    target: `subject:${row.id}`,
    details: { kind: row.kind, uscc: row.uscc, citizenIdMasked: row.citizen_id_masked },
  });
  return { subject: inserted, created: true };
}

/** Links a person to an organization in a role, creating the person on first mention. */
export async function addRelatedPerson(
  w: Write,
  deps: { secrets: Secrets },
  organization: repo.SubjectRow,
  person: RelatedPersonInput,
  field: string,
) {
  if (organization.kind === 'person')
    throw unprocessable('subject.not_organization', '只能为组织或个体工商户登记法定代表人、负责人等关联人员。', {
      field,
    });
  const subject = await resolveSubject(w, deps, { citizenId: person.citizenId, name: person.name }, field);
  if (
    await repo.linkRelatedPerson(w.tx, {
      organization_id: organization.id,
      person_id: subject.id,
      role: person.role,
      created_at: w.now,
    })
  ) {
    w.event({
      stream: 'subject',
      streamId: organization.id,
      type: 'subject.related_person_added',
      payload: { personId: subject.id, role: person.role },
    });
    w.audit({
      action: 'subject.related_person_added',
      target: `subject:${organization.id}`,
      details: { personId: subject.id, role: person.role },
    });
  }
  return subject;
}

const WRITERS = ['operator', 'reviewer', 'credit_office', 'admin'] as const;

/**
 * Registers a subject, or finds the one its code already names (created: false; the related persons given are
 * still linked to it).
 */
export async function createSubject(
  deps: Deps & { actor: Actor },
  input: SubjectInput & { relatedPersons?: RelatedPersonInput[] },
) {
  requireRole(deps.actor, ...WRITERS);
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const found = await findOrCreateSubject(w, deps, input, 'body');
    for (const [i, p] of (input.relatedPersons ?? []).entries())
      await addRelatedPerson(w, deps, found.subject, p, `relatedPersons[${i}]`);
    return found;
  });
  return result;
}

export async function getSubject(deps: { db: Kysely<DB> }, id: string) {
  const subject = await repo.findSubject(deps.db, id);
  if (!subject) throw notFound('主体', 'subject.not_found');
  const [relatedPersons, names] = await Promise.all([repo.relatedPersonsOf(deps.db, id), namesOf(deps.db, id)]);
  return { subject, relatedPersons, names };
}

export async function linkPerson(deps: Deps & { actor: Actor }, organizationId: string, person: RelatedPersonInput) {
  requireRole(deps.actor, ...WRITERS);
  await write(deps, deps.actor.ref, async (w) => {
    const organization = await repo.findSubject(w.tx, organizationId);
    if (!organization) throw notFound('主体', 'subject.not_found');
    await addRelatedPerson(w, deps, organization, person, 'body');
  });
  return getSubject(deps, organizationId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findSubjects(
  deps: { db: Kysely<DB> },
  query: { q?: string; uscc?: string; limit: number; cursor?: string },
) {
  const uscc = query.uscc ? (inspectIdentifier(query.uscc).normalized ?? query.uscc) : undefined;
  const after = decodeCursor(query.cursor, ['string'] as const);
  // The cursor is a subject id; anything else would reach PostgreSQL as an invalid uuid (a 500).
  if (after && !UUID.test(after[0]))
    throw badRequest(
      'page.invalid_cursor',
      '分页游标 cursor 无效：请使用上一页返回的 nextCursor，或不传以从第一页开始。',
      {
        field: 'cursor',
      },
    );
  const rows = await repo.searchSubjects(deps.db, {
    nameKey: query.q ? normalizeSubjectName(query.q) : undefined,
    uscc,
    limit: query.limit,
    afterId: after && after[0],
  });
  const page = toPage(rows, query.limit, (s) => [s.id]);
  return { subjects: page.rows, nextCursor: page.nextCursor };
}
