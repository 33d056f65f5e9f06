import type { z } from 'zod';
import type { CatalogRefs, DepartmentRefRow } from './catalog.repository.ts';
import type { ListType, ListTypeVersion, Measure, MeasureVersion, SUBJECT_ROLES } from './catalog.schemas.ts';
import type { ListTypeView } from './list-types.usecases.ts';
import type { MeasureView } from './measures.usecases.ts';

type DepartmentOut = { id: string; code: string; name: string };

const departmentRef = (d: DepartmentRefRow): DepartmentOut => ({ id: d.id, code: d.code, name: d.name });

/** Departments are never deleted, so a stored id or code always resolves; the fallback only keeps a reply well formed. */
function departmentById(refs: CatalogRefs, id: string): DepartmentOut {
  const d = refs.departmentsById.get(id);
  return d ? departmentRef(d) : { id, code: '', name: '' };
}

function listTypeBody(v: ListTypeView, refs: CatalogRefs) {
  const c = v.content;
  const sharing =
    c.sharing.departments === 'all'
      ? ('all' as const)
      : c.sharing.departments.flatMap((code) => {
          const d = refs.departmentsByCode.get(code);
          return d ? [departmentRef(d)] : [];
        });
  return {
    id: v.id,
    code: c.code,
    kind: c.kind,
    name: c.name,
    version: v.version,
    legalBasis: c.legalBasis,
    basisLevel: c.basisLevel as z.infer<typeof ListType>['basisLevel'],
    identifyingDepartment: departmentById(refs, c.identifyingDepartmentId),
    criteria: c.criteria,
    periodMonths: c.periodMonths,
    earlyRemovalMonths: c.earlyRemovalMonths,
    removalConditions: c.removalConditions,
    removalProcedure: c.removalProcedure,
    remedies: c.remedies,
    statementPeriodWorkingDays: c.statementPeriodWorkingDays,
    disclosure: {
      public: c.disclosure.public,
      fields: [...c.disclosure.fields],
      personIdentifiers: c.disclosure.personIdentifiers,
    },
    sharing: { departments: sharing },
    sourceNote: c.sourceNote,
    // Versions saved before the flag existed hold no value: they were not exposed.
    exposed: c.exposed ?? false,
  };
}

export const presentListType = (v: ListTypeView, refs: CatalogRefs): z.infer<typeof ListType> => ({
  ...listTypeBody(v, refs),
  updatedAt: v.at.toISOString(),
});

export const presentListTypeVersion = (v: ListTypeView, refs: CatalogRefs): z.infer<typeof ListTypeVersion> => ({
  ...listTypeBody(v, refs),
  changedAt: v.at.toISOString(),
  changedBy: v.changedBy ?? '',
});

function measureBody(v: MeasureView, refs: CatalogRefs) {
  const c = v.content;
  return {
    id: v.id,
    code: c.code,
    kind: c.kind,
    version: v.version,
    title: c.title,
    content: c.content,
    legalBasis: c.legalBasis,
    implementingDepartment: departmentById(refs, c.implementingDepartmentId),
    listTypes: c.listTypeIds.flatMap((id) => {
      const l = refs.listTypesById.get(id);
      return l ? [{ id: l.id, code: l.code, name: l.name, kind: l.kind }] : [];
    }),
    subjectRoles: c.subjectRoles as (typeof SUBJECT_ROLES)[number][],
    scenarios: [...c.scenarios],
    seedItem: c.seedItem,
    active: c.active,
  };
}

export const presentMeasure = (v: MeasureView, refs: CatalogRefs): z.infer<typeof Measure> => ({
  ...measureBody(v, refs),
  updatedAt: v.at.toISOString(),
});

export const presentMeasureVersion = (v: MeasureView, refs: CatalogRefs): z.infer<typeof MeasureVersion> => ({
  ...measureBody(v, refs),
  changedAt: v.at.toISOString(),
  changedBy: v.changedBy ?? '',
});
