// The measure catalog: every measure traces to a legal basis (清单制管理, docs/domain/rules.md §4) and is versioned.
import { type Executor, uuidv7, write } from '../shared/index.ts';
import {
  codeImmutable,
  codeTaken,
  kindImmutable,
  legalBasisRequired,
  measureKindMismatch,
  measureNotFound,
  measureVersionNotFound,
  unknownDepartment,
  unknownListTypes,
  unknownScenarios,
} from './catalog.errors.ts';
import {
  findMeasure,
  findMeasureByCode,
  findMeasureForUpdate,
  findMeasureVersion,
  listDepartments,
  listListTypeRefs,
  listMeasures,
  listScenarios,
  loadCatalogRefs,
  measureContent,
  saveMeasureVersion,
  type MeasureContent,
  type MeasureRow,
} from './catalog.repository.ts';
import type { MeasureCreateInput, MeasurePatchInput } from './catalog.schemas.ts';
import {
  changedFields,
  definedOnly,
  hasText,
  isUniqueViolation,
  requireCatalogEditor,
  unique,
  type CatalogReadDeps,
  type CatalogWriteDeps,
  type Versioned,
} from './catalog.usecases.ts';

export type MeasureView = Versioned<MeasureContent>;

const viewOf = (row: MeasureRow): MeasureView => ({
  id: row.id,
  version: row.version,
  content: measureContent(row),
  at: row.updated_at,
});

export async function browseMeasures(
  deps: CatalogReadDeps,
  filter: { kind?: 'incentive' | 'sanction'; listTypeId?: string; scenario?: string },
) {
  const rows = await listMeasures(deps.db, filter);
  return { measures: rows.map(viewOf), refs: await loadCatalogRefs(deps.db) };
}

export async function getMeasure(deps: CatalogReadDeps, id: string) {
  const row = await findMeasure(deps.db, id);
  if (!row) throw measureNotFound();
  return { measure: viewOf(row), refs: await loadCatalogRefs(deps.db) };
}

export async function getMeasureVersion(deps: CatalogReadDeps, id: string, version: number) {
  const row = await findMeasureVersion(deps.db, id, version);
  if (!row) throw measureVersionNotFound();
  const measure: MeasureView = {
    id,
    version: row.version,
    content: row.snapshot as unknown as MeasureContent,
    at: row.changed_at,
    changedBy: row.changed_by,
  };
  return { measure, refs: await loadCatalogRefs(deps.db) };
}

export async function createMeasure(deps: CatalogWriteDeps, input: MeasureCreateInput) {
  requireCatalogEditor(deps.actor);
  const content = normalize({
    ...input,
    legalBasis: input.legalBasis ?? '',
    seedItem: input.seedItem ?? null,
    active: input.active ?? true,
  });
  try {
    const { result, dataVersion } = await write(deps, deps.actor.ref, async (w) => {
      await checkMeasure(w.tx, content);
      if (await findMeasureByCode(w.tx, content.code)) throw codeTaken(content.code);
      const id = uuidv7(w.now.getTime());
      await saveMeasureVersion(w.tx, { id, version: 1, content, actor: w.actor, now: w.now });
      w.event({
        stream: 'measure',
        streamId: id,
        type: 'measure.created',
        payload: { code: content.code, version: 1 },
      });
      w.audit({
        action: 'measure.created',
        target: `measure:${id}`,
        details: { code: content.code, kind: content.kind, version: 1 },
      });
      return { id, version: 1, content, at: w.now } satisfies MeasureView;
    });
    return { measure: result, dataVersion, refs: await loadCatalogRefs(deps.db) };
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(content.code);
    throw error;
  }
}

/** Version N+1 under the row lock, like list types; an edit that changes nothing records nothing. */
export async function changeMeasure(deps: CatalogWriteDeps, id: string, patch: MeasurePatchInput) {
  requireCatalogEditor(deps.actor);
  const { result, dataVersion } = await write(deps, deps.actor.ref, async (w) => {
    const row = await findMeasureForUpdate(w.tx, id);
    if (!row) throw measureNotFound();
    const current = measureContent(row);
    if (patch.code !== undefined && patch.code !== current.code) throw codeImmutable();
    if (patch.kind !== undefined && patch.kind !== current.kind) throw kindImmutable();
    const next = normalize({ ...current, ...definedOnly(patch) });
    await checkMeasure(w.tx, next);
    const changed = changedFields(current, next);
    if (changed.length === 0) return viewOf(row);
    const version = row.version + 1;
    await saveMeasureVersion(w.tx, { id, version, content: next, actor: w.actor, now: w.now });
    w.event({ stream: 'measure', streamId: id, type: 'measure.changed', payload: { code: next.code, version } });
    w.audit({ action: 'measure.changed', target: `measure:${id}`, details: { code: next.code, version, changed } });
    return { id, version, content: next, at: w.now } satisfies MeasureView;
  });
  return { measure: result, dataVersion, refs: await loadCatalogRefs(deps.db) };
}

const normalize = (c: MeasureContent): MeasureContent => ({
  ...c,
  legalBasis: c.legalBasis.trim(),
  listTypeIds: unique(c.listTypeIds),
  subjectRoles: unique(c.subjectRoles),
  scenarios: unique(c.scenarios),
});

async function checkMeasure(tx: Executor, c: MeasureContent): Promise<void> {
  if (!hasText(c.legalBasis)) throw legalBasisRequired();
  const departments = await listDepartments(tx);
  if (!departments.some((d) => d.id === c.implementingDepartmentId))
    throw unknownDepartment('implementingDepartmentId');

  const listTypes = new Map((await listListTypeRefs(tx)).map((l) => [l.id, l]));
  const missing = c.listTypeIds.filter((id) => !listTypes.has(id));
  if (missing.length > 0) throw unknownListTypes(missing);
  // An incentive rewards subjects on red lists; a sanction punishes subjects on black lists (seed 二.(二), 三.(二)).
  const fits = c.kind === 'incentive' ? 'red' : 'black';
  const wrong = c.listTypeIds.map((id) => listTypes.get(id)!).filter((l) => l.kind !== fits);
  if (wrong.length > 0)
    throw measureKindMismatch(
      c.kind,
      wrong.map((l) => l.code),
    );

  const scenarios = new Set((await listScenarios(tx)).map((s) => s.code));
  const unknown = c.scenarios.filter((code) => !scenarios.has(code));
  if (unknown.length > 0) throw unknownScenarios(unknown);
}
