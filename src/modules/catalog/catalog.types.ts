// Shapes of the catalog seed: departments, scenarios, list types and measures (docs/domain/rules.md §2, §4).

export type ListKind = 'red' | 'black';
export type BasisLevel = 'law' | 'regulation' | 'central_policy' | 'ministry_rule' | 'local_regulation';
export type SubjectRole = 'organization' | 'legalRepresentative' | 'principal' | 'responsiblePerson' | 'person';
export type Scenario = string; // a ScenarioSeed code

export interface DepartmentSeed {
  code: string;
  name: string;
  kind: 'credit_office' | 'department';
}

export interface ListTypeSeed {
  code: string;
  kind: ListKind;
  name: string;
  legalBasis: string;
  basisLevel: BasisLevel;
  /** The department that identifies (认定部门). */
  identifyingDepartmentCode: string;
  /** 认定标准 */
  criteria: string;
  /** Period from the legally effective basis document's date (black) or validity (red). */
  periodMonths: number;
  /** Earliest early removal (repair) after N months; null = no early removal. */
  earlyRemovalMonths: number | null;
  removalConditions: string;
  removalProcedure: string;
  remedies: string;
  /** 陈述申辩 period after notice, default 5 (black lists); 0 for red. */
  statementPeriodWorkingDays: number;
  /** Public disclosure scope. */
  disclosure: { public: boolean; fields: string[]; personIdentifiers: 'masked' | 'hidden' };
  /** Department codes that receive it. */
  sharing: { departments: 'all' | string[] };
  /** Where the rule and numbers come from (seed item, 国办发〔2020〕49号, …), shown to admins. */
  sourceNote: string;
}

export interface MeasureSeed {
  code: string;
  kind: 'incentive' | 'sanction';
  title: string;
  content: string;
  legalBasis: string;
  implementingDepartmentCode: string;
  listTypeCodes: string[];
  subjectRoles: SubjectRole[];
  scenarios: Scenario[];
  /** e.g. '二.(二)2' or '三.(二)14' */
  seedItem: string;
}

export interface ScenarioSeed {
  code: string;
  name: string;
}
