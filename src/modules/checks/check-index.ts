import type { Kysely } from 'kysely';
import { chinaDate, type Clock, type DB, type EventRow, type Secrets } from '../shared/index.ts';
import { CheckCatalog } from './check-catalog.ts';
import {
  catalogRows,
  entriesByIds,
  entryIdsOfSubjects,
  personsByEntryIds,
  recordIdsOfSubjects,
  recordsByIds,
  streamInEffect,
} from './check-index.repository.ts';
import { matchSubject, type CheckScope, type SubjectMatch, type SubjectQuery } from './check-rules.ts';
import { CheckStore } from './check-store.ts';

const LOAD_PAGE = 10_000;
const RELOAD_BATCH = 1_000;
const CATALOG_STREAMS = new Set([
  'list_type',
  'measure',
  'department',
  'scenario',
  'eligibility_rule',
  'record_domain',
  'penalty_class',
  'severity_rule',
]);

export interface CheckIndexDeps {
  db: Kysely<DB>;
  clock: Clock;
  log: { info(obj: object, msg: string): void };
  secrets: Secrets;
  /** Rows per cursor fetch during a load (10,000; smaller in tests). */
  pageSize?: number;
  /** Read on two connections during a load (PostgreSQL; PGlite has one). */
  parallelLoad?: boolean;
}

/**
 * Entries in effect, with the subjects and persons they name, their decided measures, the dishonesty records in
 * effect within their sharing window, and the catalog a check needs: the check path's only data source. Persons
 * are held by the keyed digest of their ID number, never the number itself.
 */
export class CheckIndex {
  private store = new CheckStore();
  private catalog = CheckCatalog.empty();
  private isLoaded = false;

  constructor(private readonly deps: CheckIndexDeps) {}

  get loaded(): boolean {
    return this.isLoaded;
  }
  /** Entries held. */
  get size(): number {
    return this.store.entries.size;
  }
  /** Records held. */
  get recordCount(): number {
    return this.store.records.size;
  }

  /** Builds a new index aside and swaps it in, so checks keep being answered during a reload. */
  async load(): Promise<void> {
    const { db, log } = this.deps;
    const started = performance.now();
    const catalog = new CheckCatalog(await catalogRows(db));
    const store = new CheckStore();
    await streamInEffect(
      db,
      this.deps.pageSize ?? LOAD_PAGE,
      this.today(),
      {
        entries: (rows) => {
          for (const row of rows) store.add(row);
        },
        persons: (rows) => {
          for (const row of rows) store.addPerson(row);
        },
        records: (rows) => {
          for (const row of rows) store.putRecord(row);
        },
      },
      { parallel: this.deps.parallelLoad ?? false },
    );
    this.catalog = catalog;
    this.store = store;
    this.isLoaded = true;
    log.info(
      {
        entries: store.entries.size,
        records: store.records.size,
        subjects: store.subjectCount,
        ms: Math.round(performance.now() - started),
      },
      'check index loaded',
    );
  }

  /** Brings the index up to a page of events. Idempotent: applying a page twice leaves the same index. */
  async apply(events: EventRow[]): Promise<void> {
    const entryIds = new Set<string>();
    const recordIds = new Set<string>();
    const subjectIds = new Set<string>();
    let catalogChanged = false;
    for (const event of events) {
      if (event.stream === 'entry') entryIds.add(event.streamId);
      else if (event.stream === 'record') recordIds.add(event.streamId);
      else if (event.stream === 'subject') subjectIds.add(event.streamId);
      else if (CATALOG_STREAMS.has(event.stream)) catalogChanged = true;
    }
    if (catalogChanged) this.catalog = new CheckCatalog(await catalogRows(this.deps.db));
    // Entries of a subject in the index are in effect in the database too (leaving effect has its own event).
    if (subjectIds.size > 0) {
      for (const id of await entryIdsOfSubjects(this.deps.db, [...subjectIds])) entryIds.add(id);
      for (const id of await recordIdsOfSubjects(this.deps.db, [...subjectIds])) recordIds.add(id);
    }
    const ids = [...entryIds];
    for (let i = 0; i < ids.length; i += RELOAD_BATCH) await this.reload(ids.slice(i, i + RELOAD_BATCH));
    const records = [...recordIds];
    for (let i = 0; i < records.length; i += RELOAD_BATCH) await this.reloadRecords(records.slice(i, i + RELOAD_BATCH));
  }

  /** One subject against the index: synchronous, no database. */
  check(query: SubjectQuery, scope: CheckScope): SubjectMatch {
    return matchSubject(this.store, this.catalog, query, scope);
  }

  hasScenario(code: string): boolean {
    return this.catalog.scenarios.has(code);
  }

  private today(): string {
    return chinaDate(this.deps.clock.now());
  }

  private async reloadRecords(ids: string[]): Promise<void> {
    const rows = await recordsByIds(this.deps.db, ids, this.today());
    const held = new Set(rows.map((r) => r.id));
    for (const id of ids) if (!held.has(id)) this.store.removeRecord(id);
    for (const row of rows) this.store.putRecord(row);
  }

  private async reload(ids: string[]): Promise<void> {
    const { db } = this.deps;
    // Reads that may see different commits: a change between them has a later event, which reloads again.
    const rows = await entriesByIds(db, ids);
    const persons = await personsByEntryIds(db, ids);
    const inEffect = new Set(rows.map((r) => r.id));
    for (const id of ids) if (!inEffect.has(id)) this.store.remove(id);
    for (const row of rows) this.store.put(row);
    for (const person of persons) this.store.addPerson(person);
  }
}
