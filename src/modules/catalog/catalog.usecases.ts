import type { Kysely } from 'kysely';
import { type Actor, type Clock, type DB, requireRole, stableStringify } from '../shared/index.ts';
import { listScenarios } from './catalog.repository.ts';

export interface CatalogReadDeps {
  db: Kysely<DB>;
}
export interface CatalogWriteDeps {
  db: Kysely<DB>;
  clock: Clock;
  actor: Actor;
  log?: { info(obj: object, msg?: string): void };
}

/** A list type or measure as of one version: the current row, or a snapshot kept for entries decided under it. */
export interface Versioned<C> {
  id: string;
  version: number;
  content: C;
  /** When this version was made. */
  at: Date;
  /** Who made it; shown for historical versions. */
  changedBy?: string;
}

/** The catalog is kept by the credit office (brief: "keeps the catalog of list types and measures"). */
export function requireCatalogEditor(actor: Actor): void {
  requireRole(actor, 'credit_office', 'admin');
}

export const hasText = (value: string | null | undefined) => (value ?? '').trim().length > 0;

/** Names of the fields whose values differ; an empty list means the edit changes nothing and makes no version. */
export function changedFields<C extends object>(before: C, after: C): string[] {
  return (Object.keys(after) as (keyof C & string)[]).filter(
    (key) => stableStringify(before[key]) !== stableStringify(after[key]),
  );
}

/** A patch's given fields only: an absent field keeps its current value. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Two creates racing for one code: the loser hits the unique index instead of the pre-check. */
export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

export async function browseScenarios(deps: CatalogReadDeps) {
  return { scenarios: await listScenarios(deps.db) };
}
