import type { CatalogRows } from './check-index.repository.ts';

export interface DepartmentRec {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface ListTypeRec {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: 'red' | 'black';
  /** null = shared with every department. */
  readonly sharedWith: ReadonlySet<string> | null;
}

export interface MeasureRec {
  readonly id: string;
  readonly code: string;
  readonly kind: 'incentive' | 'sanction';
  readonly title: string;
  readonly content: string;
  readonly legalBasis: string;
  readonly active: boolean;
  readonly department: DepartmentRec;
  readonly roles: ReadonlySet<string>;
  readonly scenarios: ReadonlySet<string>;
}

/** A domain of dishonesty records: who receives its records in checks. */
export interface RecordDomainRec {
  readonly code: string;
  readonly name: string;
  /** null = shared with every department. */
  readonly sharedWith: ReadonlySet<string> | null;
}

export interface EligibilityBasis {
  readonly kind: 'red_list' | 'rule';
  readonly entryId?: string;
  readonly ruleCode?: string;
  readonly name: string;
}
/** Green-channel handling and 容缺受理 a subject qualifies for, and why. */
export interface Eligibility {
  readonly greenChannel: boolean;
  readonly acceptWithCommitment: boolean;
  readonly basis: readonly EligibilityBasis[];
}

/** A red-list eligibility rule; `code` null is the default (any red list grants both) when none is configured. */
export interface RedListRule {
  readonly code: string | null;
  readonly listTypeCodes: ReadonlySet<string> | null;
  readonly greenChannel: boolean;
  readonly acceptWithCommitment: boolean;
}

export const NOT_ELIGIBLE: Eligibility = Object.freeze({
  greenChannel: false,
  acceptWithCommitment: false,
  basis: Object.freeze([]),
});
const DEFAULT_RED_RULE: RedListRule = Object.freeze({
  code: null,
  listTypeCodes: null,
  greenChannel: true,
  acceptWithCommitment: true,
});

const UNKNOWN_DEPARTMENT_NAME = '未知部门';

/**
 * The catalog parts a check needs, rebuilt whole when a list type, measure, department, record domain or eligibility
 * rule changes (it is small).
 */
export class CheckCatalog {
  readonly departments = new Map<string, DepartmentRec>();
  readonly listTypes = new Map<string, ListTypeRec>();
  readonly measures = new Map<string, MeasureRec>();
  readonly scenarios = new Set<string>();
  readonly recordDomains = new Map<string, RecordDomainRec>();
  /** The red-list rules in force: the configured ones, or the default. */
  readonly redListRules: readonly RedListRule[];
  /** What a subject with no black entry and no record in effect qualifies for (NOT_ELIGIBLE without such a rule). */
  readonly cleanEligibility: Eligibility;

  constructor(rows: CatalogRows) {
    const idByCode = new Map<string, string>();
    for (const d of rows.departments) {
      this.departments.set(d.id, { id: d.id, code: d.code, name: d.name });
      idByCode.set(d.code, d.id);
    }
    for (const d of rows.recordDomains) {
      this.recordDomains.set(d.code, {
        code: d.code,
        name: d.name,
        sharedWith: sharedWith(d.sharing?.departments, idByCode),
      });
    }
    const rules = rows.eligibilityRules.map((r) => ({
      ...r,
      grants: new Set(Array.isArray(r.grants) ? r.grants : []),
    }));
    const red = rules
      .filter((r) => r.kind === 'red_list')
      .map((r): RedListRule => {
        const codes = (r.params as { listTypeCodes?: unknown }).listTypeCodes;
        const list = Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
        return Object.freeze({
          code: r.code,
          listTypeCodes: list.length === 0 ? null : new Set(list),
          greenChannel: r.grants.has('green_channel'),
          acceptWithCommitment: r.grants.has('accept_with_commitment'),
        });
      });
    this.redListRules = red.length > 0 ? red : [DEFAULT_RED_RULE];
    const clean = rules.filter((r) => r.kind === 'clean_record' && r.grants.size > 0);
    this.cleanEligibility =
      clean.length === 0
        ? NOT_ELIGIBLE
        : Object.freeze({
            greenChannel: clean.some((r) => r.grants.has('green_channel')),
            acceptWithCommitment: clean.some((r) => r.grants.has('accept_with_commitment')),
            basis: Object.freeze(
              clean.map((r) => Object.freeze({ kind: 'rule' as const, ruleCode: r.code, name: r.name })),
            ),
          });
    for (const lt of rows.listTypes) {
      this.listTypes.set(lt.id, {
        id: lt.id,
        code: lt.code,
        name: lt.name,
        kind: lt.kind,
        sharedWith: sharedWith(lt.sharing?.departments, idByCode),
      });
    }
    for (const m of rows.measures) {
      const department = this.departments.get(m.implementing_department_id) ?? {
        id: m.implementing_department_id,
        code: '',
        name: UNKNOWN_DEPARTMENT_NAME,
      };
      this.measures.set(m.id, {
        id: m.id,
        code: m.code,
        kind: m.kind,
        title: m.title,
        content: m.content,
        legalBasis: m.legal_basis,
        active: m.active,
        department,
        roles: new Set(m.subject_roles),
        scenarios: new Set(m.scenarios),
      });
    }
    // A scenario is known if the catalog lists it or a measure names it (scenarios have no event stream of their own).
    for (const s of rows.scenarios) this.scenarios.add(s.code);
    for (const m of rows.measures) for (const code of m.scenarios) this.scenarios.add(code);
  }

  static empty(): CheckCatalog {
    return new CheckCatalog({
      departments: [],
      listTypes: [],
      measures: [],
      scenarios: [],
      recordDomains: [],
      eligibilityRules: [],
    });
  }
}

/**
 * A sharing scope as department ids: null for 'all'. It names department codes (ids are accepted too); a value
 * naming no department shares with nobody rather than everybody.
 */
function sharedWith(scope: 'all' | string[] | undefined, idByCode: Map<string, string>): ReadonlySet<string> | null {
  if (scope === 'all') return null;
  const ids = new Set(idByCode.values());
  return new Set(
    (Array.isArray(scope) ? scope : [])
      .map((v) => idByCode.get(v) ?? (ids.has(v) ? v : undefined))
      .filter((id): id is string => id !== undefined),
  );
}

export function sharesWith(scoped: { readonly sharedWith: ReadonlySet<string> | null }, departmentId: string): boolean {
  return scoped.sharedWith === null || scoped.sharedWith.has(departmentId);
}
