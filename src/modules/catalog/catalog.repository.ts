import { sql, type Selectable } from 'kysely';
import { type Executor, json, type ListTypesTable, type MeasuresTable } from '../shared/index.ts';

export type ListTypeRow = Selectable<ListTypesTable>;
export type MeasureRow = Selectable<MeasuresTable>;

/** The editable content of a list type, as stored in each version's snapshot. */
export interface ListTypeContent {
  code: string;
  kind: 'red' | 'black';
  name: string;
  legalBasis: string;
  basisLevel: ListTypeRow['basis_level'];
  identifyingDepartmentId: string;
  criteria: string;
  periodMonths: number;
  earlyRemovalMonths: number | null;
  removalConditions: string;
  removalProcedure: string;
  remedies: string;
  statementPeriodWorkingDays: number;
  disclosure: { public: boolean; fields: string[]; personIdentifiers: 'masked' | 'hidden' };
  sharing: { departments: 'all' | string[] };
  sourceNote: string;
  /** Shown on the public exposure page (曝光台), as the credit office decides (seed 五.(二)). */
  exposed: boolean;
}

export interface MeasureContent {
  code: string;
  kind: 'incentive' | 'sanction';
  title: string;
  content: string;
  legalBasis: string;
  implementingDepartmentId: string;
  listTypeIds: string[];
  subjectRoles: string[];
  scenarios: string[];
  seedItem: string | null;
  active: boolean;
}

export const listTypeContent = (r: ListTypeRow): ListTypeContent => ({
  code: r.code,
  kind: r.kind,
  name: r.name,
  legalBasis: r.legal_basis,
  basisLevel: r.basis_level,
  identifyingDepartmentId: r.identifying_department_id,
  criteria: r.criteria,
  periodMonths: r.period_months,
  earlyRemovalMonths: r.early_removal_months,
  removalConditions: r.removal_conditions,
  removalProcedure: r.removal_procedure,
  remedies: r.remedies,
  statementPeriodWorkingDays: r.statement_period_working_days,
  disclosure: r.disclosure,
  sharing: r.sharing,
  sourceNote: r.source_note,
  exposed: r.exposed,
});

export const measureContent = (r: MeasureRow): MeasureContent => ({
  code: r.code,
  kind: r.kind,
  title: r.title,
  content: r.content,
  legalBasis: r.legal_basis,
  implementingDepartmentId: r.implementing_department_id,
  listTypeIds: r.list_type_ids,
  subjectRoles: r.subject_roles,
  scenarios: r.scenarios,
  seedItem: r.seed_item,
  active: r.active,
});

const listTypeColumns = (c: ListTypeContent) => ({
  code: c.code,
  kind: c.kind,
  name: c.name,
  legal_basis: c.legalBasis,
  basis_level: c.basisLevel,
  identifying_department_id: c.identifyingDepartmentId,
  criteria: c.criteria,
  period_months: c.periodMonths,
  early_removal_months: c.earlyRemovalMonths,
  removal_conditions: c.removalConditions,
  removal_procedure: c.removalProcedure,
  remedies: c.remedies,
  statement_period_working_days: c.statementPeriodWorkingDays,
  disclosure: json(c.disclosure),
  sharing: json(c.sharing),
  source_note: c.sourceNote,
  exposed: c.exposed,
});

const measureColumns = (c: MeasureContent) => ({
  code: c.code,
  kind: c.kind,
  title: c.title,
  content: c.content,
  legal_basis: c.legalBasis,
  implementing_department_id: c.implementingDepartmentId,
  list_type_ids: json(c.listTypeIds),
  subject_roles: json(c.subjectRoles),
  scenarios: json(c.scenarios),
  seed_item: c.seedItem,
  active: c.active,
});

/** Writes a list type's new version: the current row and an immutable snapshot of it. */
export async function saveListTypeVersion(
  db: Executor,
  input: { id: string; version: number; content: ListTypeContent; actor: string; now: Date },
) {
  const columns = { ...listTypeColumns(input.content), version: input.version, updated_at: input.now };
  if (input.version === 1)
    await db
      .insertInto('list_types')
      .values({ id: input.id, ...columns })
      .execute();
  else await db.updateTable('list_types').set(columns).where('id', '=', input.id).execute();
  await db
    .insertInto('list_type_versions')
    .values({
      list_type_id: input.id,
      version: input.version,
      snapshot: json(input.content),
      changed_by: input.actor,
      changed_at: input.now,
    })
    .execute();
}

export async function saveMeasureVersion(
  db: Executor,
  input: { id: string; version: number; content: MeasureContent; actor: string; now: Date },
) {
  const columns = { ...measureColumns(input.content), version: input.version, updated_at: input.now };
  if (input.version === 1)
    await db
      .insertInto('measures')
      .values({ id: input.id, ...columns })
      .execute();
  else await db.updateTable('measures').set(columns).where('id', '=', input.id).execute();
  await db
    .insertInto('measure_versions')
    .values({
      measure_id: input.id,
      version: input.version,
      snapshot: json(input.content),
      changed_by: input.actor,
      changed_at: input.now,
    })
    .execute();
}

export const findListType = (db: Executor, id: string) =>
  db.selectFrom('list_types').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the row: two concurrent edits produce consecutive versions, never the same one twice. */
export const findListTypeForUpdate = (db: Executor, id: string) =>
  db.selectFrom('list_types').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findMeasureForUpdate = (db: Executor, id: string) =>
  db.selectFrom('measures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findMeasure = (db: Executor, id: string) =>
  db.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst();

export function listListTypes(db: Executor, filter: { kind?: 'red' | 'black' } = {}) {
  let q = db.selectFrom('list_types').selectAll().orderBy('kind').orderBy('code');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  return q.execute();
}

export function listMeasures(
  db: Executor,
  filter: { kind?: 'incentive' | 'sanction'; listTypeId?: string; scenario?: string } = {},
) {
  let q = db.selectFrom('measures').selectAll().orderBy('kind').orderBy('code');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.listTypeId) q = q.where(sql<boolean>`list_type_ids @> ${json([filter.listTypeId])}::jsonb`);
  if (filter.scenario) q = q.where(sql<boolean>`scenarios @> ${json([filter.scenario])}::jsonb`);
  return q.execute();
}

export const findListTypeByCode = (db: Executor, code: string) =>
  db.selectFrom('list_types').select(['id']).where('code', '=', code).executeTakeFirst();

export const findMeasureByCode = (db: Executor, code: string) =>
  db.selectFrom('measures').select(['id']).where('code', '=', code).executeTakeFirst();

export const listDepartments = (db: Executor) =>
  db.selectFrom('departments').select(['id', 'code', 'name']).orderBy('code').execute();

export const listListTypeRefs = (db: Executor) =>
  db.selectFrom('list_types').select(['id', 'code', 'name', 'kind']).orderBy('code').execute();

export const listScenarios = (db: Executor) => db.selectFrom('scenarios').selectAll().orderBy('code').execute();

export const findListTypeVersion = (db: Executor, id: string, version: number) =>
  db
    .selectFrom('list_type_versions')
    .selectAll()
    .where('list_type_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();

export const findMeasureVersion = (db: Executor, id: string, version: number) =>
  db
    .selectFrom('measure_versions')
    .selectAll()
    .where('measure_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();

export interface DepartmentRefRow {
  id: string;
  code: string;
  name: string;
}
export interface ListTypeRefRow {
  id: string;
  code: string;
  name: string;
  kind: 'red' | 'black';
}

/** The names presenters show next to ids: every department and list type (a catalog holds tens of each). */
export interface CatalogRefs {
  departmentsById: Map<string, DepartmentRefRow>;
  departmentsByCode: Map<string, DepartmentRefRow>;
  listTypesById: Map<string, ListTypeRefRow>;
}

export async function loadCatalogRefs(db: Executor): Promise<CatalogRefs> {
  const departments = await listDepartments(db);
  const listTypes = await listListTypeRefs(db);
  return {
    departmentsById: new Map(departments.map((d) => [d.id, d])),
    departmentsByCode: new Map(departments.map((d) => [d.code, d])),
    listTypesById: new Map(listTypes.map((l) => [l.id, l])),
  };
}
