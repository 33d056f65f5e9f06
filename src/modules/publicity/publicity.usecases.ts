import type { Kysely } from 'kysely';
import { deadlineDays } from '../deadlines/index.ts';
import { listDepartments } from '../departments/index.ts';
import { entryViews } from '../disclosure/index.ts';
import {
  chinaDate,
  type Clock,
  currentDataVersion,
  type DB,
  decodeCursor,
  type Executor,
  toPage,
} from '../shared/index.ts';
import { presentItem, splitRow } from './publicity.presenters.ts';
import * as repo from './publicity.repository.ts';
import type {
  OverviewBody,
  PoliciesBody,
  PublicityItemBody,
  PublicityPageBody,
  PublicityQueryInput,
} from './publicity.schemas.ts';

export interface PublicityDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const LATEST = 8;

/** The data version and China date an answer reflects (read first: what follows is at least as new). */
export async function stamp(deps: PublicityDeps) {
  const head = await currentDataVersion(deps.db);
  return { dataVersion: String(head.data_version), date: chinaDate(deps.clock.now()) };
}

async function items(db: Executor, rows: repo.PublicityRow[]): Promise<PublicityItemBody[]> {
  const split = rows.map(splitRow);
  const views = await entryViews(db, split);
  return rows.map((row, i) => presentItem(row, views[i]!));
}

/** The home page's figures: what is public today, and the newest publications. */
export async function publicOverview(deps: PublicityDeps): Promise<OverviewBody> {
  const version = await stamp(deps);
  const [byKind, records, latest] = await Promise.all([
    repo.countPublicEntries(deps.db, version.date),
    repo.countDisclosedRecords(deps.db, version.date),
    repo.publicityRows(deps.db, version.date, {}, null, LATEST),
  ]);
  const count = (kind: string) => Number(byKind.find((r) => r.kind === kind)?.count ?? 0);
  return {
    ...version,
    counts: { red: count('red'), black: count('black'), records: Number(records.count) },
    latest: await items(deps.db, latest.slice(0, LATEST)),
  };
}

/** One page of a red or black publicity list (or of the exposure page), newest decision first. */
export async function publicityList(
  deps: PublicityDeps,
  filter: repo.PublicityFilter,
  page: Pick<PublicityQueryInput, 'limit' | 'cursor'>,
): Promise<PublicityPageBody> {
  const version = await stamp(deps);
  const values = decodeCursor(page.cursor, ['string', 'string'] as const);
  const after = values && { decisionDate: values[0], id: values[1] };
  const rows = await repo.publicityRows(deps.db, version.date, filter, after, page.limit);
  const { rows: kept, nextCursor } = toPage(rows, page.limit, (r) => [r.decision_date!, r.id]);
  return { ...version, items: await items(deps.db, kept), nextCursor };
}

/** Every row of a filtered list, for the CSV download and the feed: pages of 500, at most `cap` rows. */
export async function publicityRowsAll(
  deps: PublicityDeps,
  filter: repo.PublicityFilter,
  cap: number,
): Promise<{ dataVersion: string; date: string; items: PublicityItemBody[]; capped: boolean }> {
  const version = await stamp(deps);
  const all: PublicityItemBody[] = [];
  let after: { decisionDate: string; id: string } | null = null;
  for (;;) {
    const limit = Math.min(500, cap - all.length);
    const rows = await repo.publicityRows(deps.db, version.date, filter, after, limit);
    const kept = rows.slice(0, limit);
    all.push(...(await items(deps.db, kept)));
    if (rows.length <= limit) return { ...version, items: all, capped: false };
    if (all.length >= cap) return { ...version, items: all, capped: true };
    const last = kept[kept.length - 1]!;
    after = { decisionDate: last.decision_date!, id: last.id };
  }
}

/** What the filter forms offer: the public list types (with their exposure mark) and the departments. */
export async function publicityFilters(deps: PublicityDeps) {
  const [listTypes, departments] = await Promise.all([repo.publicListTypes(deps.db), listDepartments(deps.db)]);
  return { listTypes, departments: departments.map((d) => ({ code: d.code, name: d.name })) };
}

/** The catalog as the public reads it, with the working-day deadlines of objections and repairs from the settings. */
export async function publicPolicies(deps: PublicityDeps): Promise<PoliciesBody> {
  const version = await stamp(deps);
  const [listTypes, measures, acceptance, decision, objection] = await Promise.all([
    repo.policyListTypes(deps.db),
    repo.activeMeasures(deps.db),
    deadlineDays(deps.db, 'repair_acceptance'),
    deadlineDays(deps.db, 'repair_decision'),
    deadlineDays(deps.db, 'objection'),
  ]);
  return {
    ...version,
    listTypes: listTypes.map((l) => ({
      code: l.code,
      kind: l.kind,
      name: l.name,
      version: l.version,
      legalBasis: l.legal_basis,
      identifyingDepartment: l.department_name,
      criteria: l.criteria,
      periodMonths: l.period_months,
      earlyRemovalMonths: l.early_removal_months,
      removalConditions: l.removal_conditions,
      removalProcedure: l.removal_procedure,
      remedies: l.remedies,
      statementPeriodWorkingDays: l.statement_period_working_days,
      measures: measures
        .filter((m) => m.list_type_ids.includes(l.id))
        .map((m) => ({
          kind: m.kind,
          title: m.title,
          content: m.content,
          legalBasis: m.legal_basis,
          department: m.department_name,
        })),
    })),
    repairGuide: { acceptanceWorkingDays: acceptance, decisionWorkingDays: decision, objectionWorkingDays: objection },
  };
}
