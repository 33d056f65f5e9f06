import type { CatalogRows } from './check-index.repository.ts';

export interface DepartmentRec { readonly id: string; readonly code: string; readonly name: string }

export interface ListTypeRec {
  readonly id: string; readonly code: string; readonly name: string; readonly kind: 'red' | 'black';
  /** null = shared with every department. */
  readonly sharedWith: ReadonlySet<string> | null;
}

export interface MeasureRec {
  readonly id: string; readonly code: string; readonly kind: 'incentive' | 'sanction'; readonly title: string;
  readonly content: string; readonly legalBasis: string; readonly active: boolean;
  readonly department: DepartmentRec;
  readonly roles: ReadonlySet<string>;
  readonly scenarios: ReadonlySet<string>;
}

const UNKNOWN_DEPARTMENT_NAME = '未知部门';

/** The catalog parts a check needs, rebuilt whole when a list type, measure or department changes (it is small). */
export class CheckCatalog {
  readonly departments = new Map<string, DepartmentRec>();
  readonly listTypes = new Map<string, ListTypeRec>();
  readonly measures = new Map<string, MeasureRec>();
  readonly scenarios = new Set<string>();

  constructor(rows: CatalogRows) {
    const idByCode = new Map<string, string>();
    for (const d of rows.departments) {
      this.departments.set(d.id, { id: d.id, code: d.code, name: d.name });
      idByCode.set(d.code, d.id);
    }
    for (const lt of rows.listTypes) {
      const scope = lt.sharing?.departments;
      // Sharing names department codes; a code with no department shares with nobody rather than everybody.
      const sharedWith = scope === 'all' ? null
        : new Set((Array.isArray(scope) ? scope : []).map((code) => idByCode.get(code)).filter((id): id is string => id !== undefined));
      this.listTypes.set(lt.id, { id: lt.id, code: lt.code, name: lt.name, kind: lt.kind, sharedWith });
    }
    for (const m of rows.measures) {
      const department = this.departments.get(m.implementing_department_id)
        ?? { id: m.implementing_department_id, code: '', name: UNKNOWN_DEPARTMENT_NAME };
      this.measures.set(m.id, {
        id: m.id, code: m.code, kind: m.kind, title: m.title, content: m.content, legalBasis: m.legal_basis, active: m.active,
        department, roles: new Set(m.subject_roles), scenarios: new Set(m.scenarios),
      });
    }
    // A scenario is known if the catalog lists it or a measure names it (scenarios have no event stream of their own).
    for (const s of rows.scenarios) this.scenarios.add(s.code);
    for (const m of rows.measures) for (const code of m.scenarios) this.scenarios.add(code);
  }

  static empty(): CheckCatalog {
    return new CheckCatalog({ departments: [], listTypes: [], measures: [], scenarios: [] });
  }
}

export function sharesWith(listType: ListTypeRec, departmentId: string): boolean {
  return listType.sharedWith === null || listType.sharedWith.has(departmentId);
}
