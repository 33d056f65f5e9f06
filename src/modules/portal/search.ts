import { disclosuresOf, findPublicSubjectsByName } from '../disclosure/index.ts';
import { chinaDate, type Clock, type DB, inspectIdentifier, validateUscc } from '../shared/index.ts';
import type { Kysely } from 'kysely';

// The search page's model. `SubjectSearch` mirrors the subjects module's search answer (its front's
// `searchSubjects`), so the page renders either source the same way; `status` is optional here because a subject
// register without the status column has none to give.

export interface SubjectHit {
  id: string;
  kind: 'organization' | 'individual_business' | 'person';
  name: string;
  uscc: string | null;
  citizenIdMasked: string | null;
  status?: 'active' | 'deregistered';
  /** Set when the hit came from a former name (曾用名). */
  matchedFormerName: string | null;
}

export type SubjectSearch =
  | { kind: 'code'; uscc: string; subject: SubjectHit | null }
  | { kind: 'names'; q: string; items: SubjectHit[]; page: number; pageSize: number; total: number; capped: boolean };

/** Why a query is not searched, said to the user (the contract's codes; an ID number is never echoed). */
export interface Refusal {
  code:
    | 'search.too_short'
    | 'search.too_long'
    | 'search.control_characters'
    | 'search.invalid_uscc'
    | 'search.citizen_id_refused';
  message: string;
  problems?: string[];
}

export const MAX_QUERY = 100;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CODE_LIKE = /^(?=.*\d)[0-9A-Za-z]{15,20}$/;

/**
 * Screens a query before any search: control characters, one character, too long, an ID number (refused, never a
 * key), a malformed code (what is wrong with it). Null: search it.
 */
export function screenQuery(q: string, today: string): Refusal | null {
  if (CONTROL.test(q)) return { code: 'search.control_characters', message: '查询内容不能包含控制字符，请重新输入。' };
  const text = q.trim();
  if ([...text].length > MAX_QUERY)
    return { code: 'search.too_long', message: `查询内容过长：最多 ${MAX_QUERY} 个字，请输入名称中的关键字。` };
  if ([...text].length < 2)
    return { code: 'search.too_short', message: '请至少输入 2 个字（名称关键字）或完整的统一社会信用代码。' };
  const compact = text.replace(/[\s-]/g, '');
  if (inspectIdentifier(compact, { today }).type === 'citizen_id' || /^\d{15}$/.test(compact))
    return {
      code: 'search.citizen_id_refused',
      message: '为保护个人信息，不能使用公民身份号码查询。请输入主体名称或统一社会信用代码。',
    };
  if (CODE_LIKE.test(compact)) {
    const v = validateUscc(compact);
    if (!v.valid)
      return {
        code: 'search.invalid_uscc',
        message: '输入的统一社会信用代码有误，请核对：',
        problems: v.problems.map((p) => p.message),
      };
  }
  return null;
}

/** A valid code, normalized (upper case, no spaces): the search goes straight to the subject's page. */
export function codeOf(q: string): string | null {
  const v = validateUscc(q.trim().replace(/[\s-]/g, ''));
  return v.valid ? v.normalized : null;
}

/**
 * Names by exact (normalized) name, as the disclosure search finds them: persons only when something about them
 * is public. The subjects module's fragment search (`searchSubjects`) answers the same shape.
 */
export async function searchByName(
  deps: { db: Kysely<DB>; clock: Clock },
  q: string,
): Promise<Extract<SubjectSearch, { kind: 'names' }>> {
  const subjects = await findPublicSubjectsByName(deps.db, q);
  const disclosed = await disclosuresOf(deps.db, subjects, chinaDate(deps.clock.now()));
  const items = disclosed
    .filter((d) => d.subject.kind !== 'person' || d.entries.length > 0 || d.records.length > 0)
    .map(({ subject: s }) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      uscc: s.kind === 'person' ? null : s.uscc,
      citizenIdMasked: null,
      matchedFormerName: null,
    }));
  return { kind: 'names', q, items, page: 1, pageSize: items.length, total: items.length, capped: false };
}
