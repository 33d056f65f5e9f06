// List types: read any version, create, change
// (each change is version N+1; docs/domain/rules.md §2, brief principle 4).
import { type Executor, uuidv7, write } from '../shared/index.ts';
import {
  codeImmutable,
  codeTaken,
  earlyRemovalBeyondPeriod,
  exposureNotAllowed,
  kindImmutable,
  legalBasisRequired,
  listTypeNotFound,
  listTypeVersionNotFound,
  unknownDepartment,
} from './catalog.errors.ts';
import {
  findListType,
  findListTypeByCode,
  findListTypeForUpdate,
  findListTypeVersion,
  listDepartments,
  listListTypes,
  listTypeContent,
  loadCatalogRefs,
  saveListTypeVersion,
  type ListTypeContent,
  type ListTypeRow,
} from './catalog.repository.ts';
import type { ListTypeCreateInput, ListTypePatchInput } from './catalog.schemas.ts';
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

export type ListTypeView = Versioned<ListTypeContent>;

const viewOf = (row: ListTypeRow): ListTypeView => ({
  id: row.id,
  version: row.version,
  content: listTypeContent(row),
  at: row.updated_at,
});

export async function browseListTypes(deps: CatalogReadDeps, filter: { kind?: 'red' | 'black' }) {
  const rows = await listListTypes(deps.db, filter);
  return { listTypes: rows.map(viewOf), refs: await loadCatalogRefs(deps.db) };
}

export async function getListType(deps: CatalogReadDeps, id: string) {
  const row = await findListType(deps.db, id);
  if (!row) throw listTypeNotFound();
  return { listType: viewOf(row), refs: await loadCatalogRefs(deps.db) };
}

export async function getListTypeVersion(deps: CatalogReadDeps, id: string, version: number) {
  const row = await findListTypeVersion(deps.db, id, version);
  if (!row) throw listTypeVersionNotFound();
  const listType: ListTypeView = {
    id,
    version: row.version,
    content: row.snapshot as unknown as ListTypeContent,
    at: row.changed_at,
    changedBy: row.changed_by,
  };
  return { listType, refs: await loadCatalogRefs(deps.db) };
}

export async function createListType(deps: CatalogWriteDeps, input: ListTypeCreateInput) {
  requireCatalogEditor(deps.actor);
  const content: ListTypeContent = {
    ...input,
    legalBasis: (input.legalBasis ?? '').trim(),
    earlyRemovalMonths: input.earlyRemovalMonths ?? null,
    // docs/domain/rules.md §2: statement period configurable, default 5 working days; red lists have no notice.
    statementPeriodWorkingDays: input.statementPeriodWorkingDays ?? (input.kind === 'black' ? 5 : 0),
    sharing: normalizeSharing(input.sharing),
    sourceNote: input.sourceNote ?? '',
    exposed: input.exposed ?? false,
  };
  try {
    const { result, dataVersion } = await write(deps, deps.actor.ref, async (w) => {
      await checkListType(w.tx, content);
      if (await findListTypeByCode(w.tx, content.code)) throw codeTaken(content.code);
      const id = uuidv7(w.now.getTime());
      await saveListTypeVersion(w.tx, { id, version: 1, content, actor: w.actor, now: w.now });
      w.event({
        stream: 'list_type',
        streamId: id,
        type: 'list_type.created',
        payload: { code: content.code, version: 1 },
      });
      w.audit({
        action: 'list_type.created',
        target: `list_type:${id}`,
        details: { code: content.code, kind: content.kind, version: 1 },
      });
      return { id, version: 1, content, at: w.now } satisfies ListTypeView;
    });
    return { listType: result, dataVersion, refs: await loadCatalogRefs(deps.db) };
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(content.code);
    throw error;
  }
}

/**
 * Applies the given fields as version N+1. The row is locked first, so concurrent edits queue and get consecutive
 * versions. An edit that changes nothing answers the current version and records nothing.
 */
export async function changeListType(deps: CatalogWriteDeps, id: string, patch: ListTypePatchInput) {
  requireCatalogEditor(deps.actor);
  const { result, dataVersion } = await write(deps, deps.actor.ref, async (w) => {
    const row = await findListTypeForUpdate(w.tx, id);
    if (!row) throw listTypeNotFound();
    const current = listTypeContent(row);
    if (patch.code !== undefined && patch.code !== current.code) throw codeImmutable();
    if (patch.kind !== undefined && patch.kind !== current.kind) throw kindImmutable();
    const given = definedOnly(patch);
    const next: ListTypeContent = {
      ...current,
      ...given,
      legalBasis: given.legalBasis !== undefined ? given.legalBasis.trim() : current.legalBasis,
      sharing: given.sharing ? normalizeSharing(given.sharing) : current.sharing,
    };
    await checkListType(w.tx, next);
    const changed = changedFields(current, next);
    if (changed.length === 0) return viewOf(row);
    const version = row.version + 1;
    await saveListTypeVersion(w.tx, { id, version, content: next, actor: w.actor, now: w.now });
    w.event({ stream: 'list_type', streamId: id, type: 'list_type.changed', payload: { code: next.code, version } });
    w.audit({ action: 'list_type.changed', target: `list_type:${id}`, details: { code: next.code, version, changed } });
    return { id, version, content: next, at: w.now } satisfies ListTypeView;
  });
  return { listType: result, dataVersion, refs: await loadCatalogRefs(deps.db) };
}

function normalizeSharing(sharing: { departments: 'all' | string[] }): ListTypeContent['sharing'] {
  return { departments: sharing.departments === 'all' ? 'all' : unique(sharing.departments) };
}

/**
 * docs/domain/rules.md §2: a list type exists only with a legal basis, an identifying department and a known
 * sharing scope.
 */
async function checkListType(tx: Executor, c: ListTypeContent): Promise<void> {
  if (!hasText(c.legalBasis)) throw legalBasisRequired();
  if (c.earlyRemovalMonths !== null && c.earlyRemovalMonths > c.periodMonths) throw earlyRemovalBeyondPeriod();
  if (c.exposed && (c.kind !== 'black' || !c.disclosure.public)) throw exposureNotAllowed();
  const departments = await listDepartments(tx);
  if (!departments.some((d) => d.id === c.identifyingDepartmentId)) throw unknownDepartment('identifyingDepartmentId');
  if (c.sharing.departments !== 'all') {
    const known = new Set(departments.map((d) => d.code));
    const missing = c.sharing.departments.filter((code) => !known.has(code));
    if (missing.length > 0) throw unknownDepartment('sharing.departments', missing);
  }
}
