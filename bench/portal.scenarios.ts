import { isIndividualBusiness, isPersonSubject, usccFor } from './synthetic.ts';
import { companyName, personName, TRADE_CHARACTERS, tradeName, tradeRanks } from './portal.names.ts';
import type { Scenario } from './portal.load.ts';

// The search scenarios: fragments of 2, 3 and 4 characters, rare and common, hits and misses, derived from the
// names the loader wrote (portal.names.ts), so the benchmark knows them without reading the database.
// rare hit: the trade name of a loaded company whose two characters are both rare, with the characters after it.
// rare miss: rare characters in an order no loaded name has (checked against every generated name).
// common hit: words in a large share of names (有限, 公司, 科技, 商贸, a region with a common trade character).
// common miss: common characters in an order no name has.
// common grams, rare combination: every bigram in thousands of names, the whole in few or none (the scan reads
// the postings of its rarest gram up to the budget).

const RARE_RANK = Math.floor(TRADE_CHARACTERS.length / 3);

function rareCompanies(entries: number, count: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < entries && found.length < count; i += 7) {
    if (isPersonSubject(i) || isIndividualBusiness(i)) continue;
    const [a, b] = tradeRanks(i);
    if (a >= RARE_RANK && b >= RARE_RANK && a !== b) found.push(i);
  }
  return found;
}

const COMMON_HITS: Record<number, string[]> = {
  2: ['有限', '公司', '科技', '商贸', '济南', '鑫源', '贸易', '工程'],
  3: ['有限公', '科技有', '商贸有', '济南鑫', '鑫源商', '建筑工', '网络科', '股份有'],
  4: ['有限公司', '科技有限', '商贸有限', '济南鑫源', '建筑工程', '信息技术', '股份有限', '城分公司'],
};
const COMMON_MISSES: Record<number, string[]> = {
  2: ['司有', '限有', '技科', '贸商', '司公', '程工'],
  3: ['有限有', '公司有', '科技科', '商贸商', '司公司', '工程工'],
  4: ['有限有限', '公司公司', '科技科技', '商贸商贸', '公司有限', '工程建筑'],
};
const COMBINATIONS = ['南鑫源科', '股份有限公司历城', '份有限公司历城分', '济南鑫源商贸股份', '鑫源科技股份有限'];

export function searchScenarios(entries: number): Scenario[] {
  const rare = rareCompanies(entries, 60);
  const rareHit = (n: number) =>
    rare.map((i) => {
      const name = companyName(i, false);
      const at = name.indexOf(tradeName(i));
      return Array.from(name.slice(at)).slice(0, n).join('');
    });
  // Reversed rare trade names are mostly names too (about 260 trade characters, a million names): keep only the
  // fragments no generated name contains, so these rows are true misses.
  const names = Array.from({ length: entries }, (_, i) =>
    isPersonSubject(i) ? personName(i) : companyName(i, isIndividualBusiness(i)),
  );
  const absent = (q: string) => !names.some((name) => name.includes(q));
  const rareMiss = (n: number) =>
    rare
      .map((i) => {
        const [a, b] = Array.from(tradeName(i));
        return Array.from(b! + a! + '商贸')
          .slice(0, n)
          .join('');
      })
      .filter(absent)
      .slice(0, 20);
  const scenarios: Scenario[] = [];
  for (const n of [2, 3, 4]) {
    scenarios.push(search(`${n} characters, rare, hit`, rareHit(n)));
    scenarios.push(search(`${n} characters, rare, miss`, rareMiss(n)));
    scenarios.push(search(`${n} characters, common, hit`, COMMON_HITS[n]!));
    scenarios.push(search(`${n} characters, common, miss`, COMMON_MISSES[n]!));
  }
  scenarios.push(search('common grams, rare combination (4–8 characters)', COMBINATIONS));
  return scenarios;
}

function search(name: string, fragments: string[]): Scenario {
  return {
    name,
    sample: fragments,
    paths: fragments.map((q) => `/api/v1/public/subjects?q=${encodeURIComponent(q)}`),
    inspect: (body) => {
      const b = body as { total?: number; capped?: boolean };
      return { total: b.total, capped: b.capped };
    },
  };
}

/**
 * The subject credit page: as HTML the first time each subject is viewed (rendered from the database, then kept
 * in the page cache), the same pages again (served from the cache), and the page's data as JSON.
 */
export function subjectPageScenarios(entries: number): Scenario[] {
  const codes: string[] = [];
  for (let i = 0; i < entries && codes.length < 600; i += Math.max(1, Math.floor(entries / 900))) {
    if (!isPersonSubject(i)) codes.push(usccFor(i, isIndividualBusiness(i)));
  }
  const page = (c: string) => `/subjects/${c}`;
  return [
    { name: 'subject page, HTML, first view of each subject', sample: codes, paths: codes.map(page) },
    { name: 'subject page, HTML, viewed again (page cache)', sample: codes, paths: codes.slice(0, 20).map(page) },
    {
      name: 'credit profile, JSON',
      sample: codes.slice(300),
      paths: codes.slice(300).map((c) => `/api/v1/public/credit-profiles/${c}`),
    },
  ];
}
