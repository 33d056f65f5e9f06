// Company Law Art. 7: a limited liability company may call itself 有限责任公司 or 有限公司, a joint-stock company
// 股份有限公司 or 股份公司. Each pair names the same legal form; the two forms stay distinct.
const LEGAL_FORM_VARIANTS: [RegExp, string][] = [
  [/有限责任公司/g, '有限公司'],
  [/股份公司/g, '股份有限公司'],
];

const OPENING_BRACKETS = /[([【〔〖［（]/g;
const CLOSING_BRACKETS = /[)\]】〕〗］）]/g;
const WHITESPACE = /[\s\u200B-\u200D\u2060]+/g;

/**
 * The form of a subject name used to match names, never to display them: NFKC (which also folds full-width
 * characters), one bracket style, no whitespace, one spelling per legal form, lower-case Latin letters.
 * A branch (分公司) keeps its suffix, so it never matches its head office.
 */
export function normalizeSubjectName(name: string): string {
  let value = name
    .normalize('NFKC')
    .replace(WHITESPACE, '')
    .replace(OPENING_BRACKETS, '(')
    .replace(CLOSING_BRACKETS, ')')
    .toLowerCase();
  for (const [variant, canonical] of LEGAL_FORM_VARIANTS) value = value.replace(variant, canonical);
  return value;
}
