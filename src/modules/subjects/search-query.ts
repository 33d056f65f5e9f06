import { normalizeIdentifierInput, unprocessable, validateCitizenId, validateUscc } from '../shared/index.ts';
import { characters, searchKey } from './name-grams.ts';

// What a search string is: a valid USCC, a malformed code, an ID number (never a search key), or a name fragment.
// Each bad query gets its own code and a Chinese message; none of them repeats an ID number.

export const MAX_QUERY_CHARACTERS = 50;

export type ParsedQuery = { kind: 'code'; uscc: string } | { kind: 'names'; key: string };

// C0 and C1 controls, DEL, and the bidirectional overrides that make a pasted string read differently from its bytes.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// Shaped like an ID number: 18 characters from a province's region code (1–8, never a USCC's 9) and a birth date, or
// 15 digits (the old form). An 18-digit USCC with a wrong check character is a code to explain, not a number to refuse.
const CITIZEN_ID_LIKE = /^([1-8]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]|\d{15})$/;
// A run of digits as long as an ID number, or one with its check character, inside any string.
const CITIZEN_ID_INSIDE = /\d{14}[\dX]/;
/** A code the user meant: Latin letters and digits only, with digits in it, and about as long as a code. */
const CODE_LIKE = /^(?=.*\d)[0-9A-Z]{10,}$/;

const bad = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  unprocessable(code, message, { field: 'q', ...extra });

export function parseSearchQuery(raw: string): ParsedQuery {
  const q = raw.trim();
  if (CONTROL.test(q)) throw bad('search.control_characters', '查询内容包含控制字符，请删除后重新输入。');
  if (characters(q).length > MAX_QUERY_CHARACTERS)
    throw bad(
      'search.too_long',
      `查询内容过长：请输入不超过 ${MAX_QUERY_CHARACTERS} 个字的名称关键字，或 18 位统一社会信用代码。`,
    );
  const compact = normalizeIdentifierInput(q.normalize('NFKC'));
  if (/^[0-9A-Z]+$/.test(compact)) {
    const uscc = validateUscc(compact);
    const citizen = validateCitizenId(compact);
    if (uscc.valid && !citizen.valid) return { kind: 'code', uscc: uscc.normalized! };
    if (citizen.valid || CITIZEN_ID_LIKE.test(compact)) throw citizenIdRefused();
    if (CODE_LIKE.test(compact)) {
      const problems = uscc.problems
        .filter((p) => p.severity === 'error')
        .map(({ code, message }) => ({ code, message }));
      throw bad(
        'search.invalid_uscc',
        `统一社会信用代码有误：${problems.map((p) => p.message).join('；')}。请核对后重新输入。`,
        { problems },
      );
    }
  }
  if (CITIZEN_ID_INSIDE.test(compact)) throw citizenIdRefused();
  const key = searchKey(q);
  if (characters(key).length < 2)
    throw bad('search.too_short', '请至少输入 2 个字的名称关键字，或 18 位统一社会信用代码。');
  return { kind: 'names', key };
}

const citizenIdRefused = () =>
  bad(
    'search.citizen_id_refused',
    '不支持按公民身份号码查询：为保护个人信息，自然人只能在公开的名单中按姓名查找。请改为输入姓名或企业名称。',
  );
