import type { Kysely } from 'kysely';
import { chinaDate, type Clock, type DB } from '../shared/index.ts';
import { bigrams, characters } from './name-grams.ts';
import { parseSearchQuery } from './search-query.ts';
import * as repo from './subject-search.repository.ts';
import { hit } from './subject-search.presenters.ts';

// Name-fragment search (docs/subjects-and-search.md): the rarest bigram of the fragment picks the postings to scan;
// each posting carries its name's search key, so the scan checks the whole fragment without touching the table.

/** At most this many hits are ranked and paged; `capped` says there were more (or the scan stopped early). */
export const SEARCH_CAP = 200;
/** Postings counted per gram to find the rarest: beyond this a gram is "common" and its exact count is not needed. */
const PROBE = 1_000;
/** Postings of one gram read at most: a fragment made only of common grams stops here and says it was capped. */
const SCAN_BUDGET = 30_000;
const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

export interface SubjectHit {
  id: string;
  kind: 'organization' | 'individual_business' | 'person';
  name: string;
  uscc: string | null;
  citizenIdMasked: string | null;
  status: 'active' | 'deregistered';
  /** Set when the hit came from a former name (曾用名). */
  matchedFormerName: string | null;
}

export type SubjectSearch =
  | { kind: 'code'; uscc: string; subject: SubjectHit | null }
  | {
      kind: 'names';
      q: string;
      items: SubjectHit[];
      page: number;
      pageSize: number;
      total: number;
      capped: boolean;
    };

interface Match {
  subjectId: string;
  nameId: string;
  key: string;
  rank: [number, number, number, number];
}

export async function searchSubjects(
  deps: { db: Kysely<DB>; clock: Clock },
  query: { q: string; page?: number; pageSize?: number },
): Promise<SubjectSearch> {
  const parsed = parseSearchQuery(query.q);
  const today = chinaDate(deps.clock.now());
  if (parsed.kind === 'code') {
    const row = await repo.subjectByUscc(deps.db, parsed.uscc);
    return { kind: 'code', uscc: parsed.uscc, subject: row ? hit(row, null, false) : null };
  }
  const { key } = parsed;
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));

  const grams = bigrams(key);
  const counts = await repo.gramFrequencies(deps.db, grams, PROBE);
  const rarest = counts.indexOf(Math.min(...counts));
  const gram = grams[rarest]!;
  const rows =
    counts[rarest] === 0
      ? []
      : await repo.scanPostings(deps.db, { gram, key, budget: SCAN_BUDGET, limit: SEARCH_CAP + 1, today });
  // Fewer hits than the cap from a gram no rarer than the probe: the budget may have cut the scan short.
  const cut =
    rows.length <= SEARCH_CAP && counts[rarest]! >= PROBE && (await repo.postingsBeyond(deps.db, gram, SCAN_BUDGET));

  // The scan's order (shortest names first) decides which hits are kept when there are more than the cap.
  rows.sort((a, b) => a.name_length - b.name_length || (a.name_id < b.name_id ? -1 : 1));
  const ranked = rankBySubject(key, rows.slice(0, SEARCH_CAP));
  const total = ranked.length;
  const pageItems = ranked.slice((page - 1) * pageSize, page * pageSize);
  const items = await hits(deps.db, pageItems, today);
  return { kind: 'names', q: query.q.trim(), items, page, pageSize, total, capped: rows.length > SEARCH_CAP || cut };
}

/**
 * Best first: the whole key (exact) > the key's start (prefix) > an earlier position > a shorter name; a current
 * name before a former one. A subject matched by several of its names counts once, by its current name if that
 * matched, else by its best former name.
 */
function rankBySubject(
  key: string,
  rows: { name_id: string; subject_id: string; search_key: string; name: string; valid_to: string | null }[],
) {
  const length = characters(key).length;
  const best = new Map<string, Match & { former: string | null }>();
  for (const r of rows) {
    const former = r.valid_to === null ? null : r.name;
    const position = characters(r.search_key.slice(0, r.search_key.indexOf(key))).length;
    const nameLength = characters(r.search_key).length;
    const tier = nameLength === length ? 0 : position === 0 ? 1 : 2;
    const match = {
      subjectId: r.subject_id,
      nameId: r.name_id,
      key: r.search_key,
      former,
      rank: [former ? 1 : 0, tier, position, nameLength] as Match['rank'],
    };
    const seen = best.get(r.subject_id);
    if (!seen || compare(match, seen) < 0) best.set(r.subject_id, match);
  }
  return [...best.values()].sort((a, b) => {
    const [, ...ra] = a.rank;
    const [, ...rb] = b.rank;
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return (
      a.rank[0] - b.rank[0] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.subjectId < b.subjectId ? -1 : 1)
    );
  });
}

/** Within one subject: its current name wins, then the better former name. */
function compare(a: Match, b: Match): number {
  for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
  return 0;
}

async function hits(db: Kysely<DB>, matches: { subjectId: string; former: string | null }[], today: string) {
  if (matches.length === 0) return [];
  const ids = matches.map((m) => m.subjectId);
  const subjects = new Map((await repo.hitSubjects(db, ids)).map((s) => [s.id, s]));
  const persons = ids.filter((id) => subjects.get(id)?.kind === 'person');
  const showIds = new Set(
    persons.length === 0 ? [] : (await repo.personsShowingIds(db, persons, today)).map((r) => r.subject_id),
  );
  return matches.flatMap((m) => {
    const s = subjects.get(m.subjectId);
    return s ? [hit(s, m.former, showIds.has(s.id))] : [];
  });
}
