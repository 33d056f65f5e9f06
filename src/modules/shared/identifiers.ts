// Unified social credit codes (GB 32100-2015) and citizen ID numbers (GB 11643-1999): docs/domain/rules.md §1.

export type IdentifierType = 'uscc' | 'citizen_id';

export interface IdentifierProblem {
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface IdentifierValidation {
  valid: boolean;
  /** The stored form; null when the input is invalid. */
  normalized: string | null;
  problems: IdentifierProblem[];
}

export interface IdentifierInspection extends IdentifierValidation {
  type: IdentifierType | null;
}

export interface CitizenIdOptions {
  /** 'YYYY-MM-DD' in China time; when given, a birth date after it is rejected. */
  today?: string;
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const CITIZEN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CITIZEN_CHECK = '10X98765432';
const CITIZEN_SHAPE = /^\d{17}[\dX]$/;
const LEGACY_SHAPE = /^\d{15}$/;

// Zero-width characters are not matched by \s but arrive with pasted text.
const WHITESPACE = /[\s\u200B-\u200D\u2060]+/g;

export function normalizeIdentifierInput(raw: string): string {
  return raw
    .replace(WHITESPACE, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

export function usccCheckCharacter(body17: string): string {
  if (body17.length !== 17) throw new RangeError('统一社会信用代码本体应为17位');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(body17[i]!);
    if (value < 0) throw new RangeError(`统一社会信用代码包含不允许的字符 ${body17[i]}`);
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

export function citizenIdCheckCharacter(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('公民身份号码本体应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * CITIZEN_WEIGHTS[i]!;
  return CITIZEN_CHECK[sum % 11]!;
}

/** Check character of the organization code (GB 11714) embedded in positions 9–17; null if it cannot be computed. */
function organizationCodeCheck(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(body8[i]!, 36);
    if (Number.isNaN(value)) return null;
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function upgradeLegacyCitizenId(id15: string): string {
  const id = normalizeIdentifierInput(id15);
  if (!LEGACY_SHAPE.test(id)) throw new RangeError('旧版公民身份号码应为15位数字');
  const body = `${id.slice(0, 6)}19${id.slice(6)}`;
  return body + citizenIdCheckCharacter(body);
}

const error = (code: string, message: string): IdentifierProblem => ({ code, message, severity: 'error' });
const result = (normalized: string, problems: IdentifierProblem[]): IdentifierValidation => {
  const valid = problems.every((p) => p.severity !== 'error');
  return { valid, normalized: valid ? normalized : null, problems };
};

/** `kind` names the code the caller meant, so that even an empty one is asked for by its own name. */
function lengthProblem(actual: number, expected: string, kind = '统一社会信用代码或公民身份号码'): IdentifierProblem {
  if (actual === 0) return error('identifier.empty', `请输入${kind}`);
  return error('identifier.length', `${expected}，实际为${actual}位`);
}

const ANY_LENGTH = '号码应为18位（统一社会信用代码或公民身份号码）或15位数字（旧版公民身份号码）';

export function validateUscc(raw: string): IdentifierValidation {
  const code = normalizeIdentifierInput(raw);
  if (code.length !== 18)
    return result(code, [lengthProblem(code.length, '统一社会信用代码应为18位', '统一社会信用代码')]);
  const bad = [...new Set([...code].filter((c) => !USCC_CHARSET.includes(c)))];
  if (bad.length > 0) {
    return result(code, [
      error('identifier.charset', `统一社会信用代码包含不允许的字符：${bad.join('、')}（代码不使用 I、O、Z、S、V）`),
    ]);
  }
  const problems: IdentifierProblem[] = [];
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    problems.push(error('uscc.division_not_digits', '统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字'));
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    problems.push(error('uscc.check_character', `统一社会信用代码第18位校验码错误，应为 ${expected}`));
  }
  if (problems.length === 0 && organizationCodeCheck(code.slice(8, 16)) !== code[16]) {
    problems.push({
      code: 'uscc.organization_code_check',
      message: '统一社会信用代码中的组织机构代码（第9至17位）校验位不符，请核对，代码仍可使用',
      severity: 'warning',
    });
  }
  return result(code, problems);
}

/** A real calendar date from 1800 on (records hold people born in the 1880s), not after `today` when given. */
function birthDateProblem(yyyymmdd: string, options: CitizenIdOptions): IdentifierProblem | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1800 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return error('citizen_id.birth_date', '公民身份号码中的出生日期（第7至14位）不是有效日期');
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (options.today !== undefined && iso > options.today) {
    return error('citizen_id.birth_date', '公民身份号码中的出生日期（第7至14位）晚于当前日期');
  }
  return null;
}

// Messages never contain the number itself: it is personal information (docs/domain/rules.md §1).
export function validateCitizenId(raw: string, options: CitizenIdOptions = {}): IdentifierValidation {
  const id = normalizeIdentifierInput(raw);
  if (id.length === 15) {
    if (!LEGACY_SHAPE.test(id)) return result(id, [error('citizen_id.format', '15位旧版公民身份号码应全部为数字')]);
    const problem = birthDateProblem(`19${id.slice(6, 12)}`, options);
    return result(upgradeLegacyCitizenId(id), problem ? [problem] : []);
  }
  if (id.length !== 18)
    return result(id, [lengthProblem(id.length, '公民身份号码应为18位（或15位旧版号码）', '公民身份号码')]);
  if (!CITIZEN_SHAPE.test(id)) {
    return result(id, [error('citizen_id.format', '公民身份号码前17位应为数字，第18位应为数字或 X')]);
  }
  const problems: IdentifierProblem[] = [];
  const dateProblem = birthDateProblem(id.slice(6, 14), options);
  if (dateProblem) problems.push(dateProblem);
  if (citizenIdCheckCharacter(id.slice(0, 17)) !== id[17]) {
    problems.push(error('citizen_id.check_character', '公民身份号码第18位校验码错误，请核对号码'));
  }
  return result(id, problems);
}

/**
 * Detects the identifier type and validates it. Some valid USCCs are all digits, so an 18-digit value is a citizen ID
 * only when its birth date is plausible, and the type whose check character validates wins.
 */
export function inspectIdentifier(raw: string, options: CitizenIdOptions = {}): IdentifierInspection {
  const value = normalizeIdentifierInput(raw);
  if (value.length === 15 && LEGACY_SHAPE.test(value)) {
    return { type: 'citizen_id', ...validateCitizenId(value, options) };
  }
  if (value.length !== 18) {
    return { type: null, valid: false, normalized: null, problems: [lengthProblem(value.length, ANY_LENGTH)] };
  }
  const uscc = validateUscc(value);
  const citizenShaped = CITIZEN_SHAPE.test(value) && birthDateProblem(value.slice(6, 14), options) === null;
  if (!citizenShaped) return { type: 'uscc', ...uscc };
  const citizen = validateCitizenId(value, options);
  if (citizen.valid && uscc.valid) {
    citizen.problems.push({
      code: 'identifier.ambiguous',
      message: '该号码同时符合公民身份号码和统一社会信用代码的校验规则，已按公民身份号码处理，请核对主体类型',
      severity: 'warning',
    });
  }
  if (!citizen.valid && uscc.valid) return { type: 'uscc', ...uscc };
  return { type: 'citizen_id', ...citizen };
}

export function usccKind(uscc: string): 'individual_business' | 'organization' {
  return uscc[0] === '9' && uscc[1] === '2' ? 'individual_business' : 'organization';
}

/** First 4 and last 4 characters kept, the rest starred (18 characters → `3701**********0019`). */
export function maskCitizenId(id: string): string {
  const value = normalizeIdentifierInput(id);
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** Masks a value that looks like a citizen ID; a USCC (including an all-digit one) is returned unchanged. */
export function maskIdentifier(value: string): string {
  const normalized = normalizeIdentifierInput(value);
  const citizenShaped = CITIZEN_SHAPE.test(normalized) || LEGACY_SHAPE.test(normalized);
  if (!citizenShaped) return value;
  // When in doubt, mask: only a valid USCC that is not also a valid citizen ID stays readable.
  if (normalized.length === 18 && validateUscc(normalized).valid && !validateCitizenId(normalized).valid) return value;
  return maskCitizenId(normalized);
}

// Logs favour over-redaction: every ID-shaped run is masked, all-digit USCCs included.
const ID_IN_TEXT =
  /(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])(?:[0-9０-９]{17}|[0-9０-９]{14})[0-9０-９XxＸｘ](?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])/g;

export function redactIdentifiersInText(text: string): string {
  return text.replace(ID_IN_TEXT, (match) => maskCitizenId(match));
}
