import { normalizeSubjectName } from './names.ts';

// The form in which search compares names and fragments, and the bigrams the search index holds. A user types a
// fragment without the brackets of 济南鑫源（集团）有限公司, or stops halfway through a legal form (鑫源有限责任), so
// both sides drop brackets and read 有限责任 as 有限 on top of normalizeSubjectName (NFKC, no whitespace, one
// spelling per legal form). Migration 0014 computes the same key from name_key in SQL: keep the two in step.

const BRACKETS = /[()]/g;

export function searchKey(name: string): string {
  return normalizeSubjectName(name)
    .replace(BRACKETS, '')
    .replace(/有限责任/g, '有限');
}

/** Characters, not UTF-16 units: a name may hold characters outside the BMP (PostgreSQL's substr counts them as one). */
export const characters = (key: string): string[] => Array.from(key);

/** The distinct pairs of adjacent characters of a search key, in order of first appearance. */
export function bigrams(key: string): string[] {
  const chars = characters(key);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}
