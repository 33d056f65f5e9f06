import type { Kysely } from 'kysely';
import type { DB } from '../src/modules/shared/db.types.ts';
import { addMonthsCivil } from '../src/modules/shared/periods.ts';
import { addCalendarDays } from '../src/modules/shared/working-days.ts';
import { isPersonSubject, mix } from './synthetic.ts';

// What entry i looks like: its list type, decided measures, dates and decision, derived from the seeded catalog.
// Organizations spread over every black list type but national defence; persons sit mostly on the court's list
// (失信被执行人), as in real data.

export interface MeasureRef {
  id: string;
  version: number;
}

export interface ListTypePlan {
  id: string;
  code: string;
  name: string;
  version: number;
  departmentId: string;
  departmentCode: string;
  periodMonths: number;
  earlyRemovalMonths: number | null;
  legalBasis: string;
  removalConditions: string;
  removalProcedure: string;
  remedies: string;
  /** The list type's sanctions, and those among them that apply to a person subject. */
  measures: MeasureRef[];
  personMeasures: MeasureRef[];
}

export interface BenchCatalog {
  organizationTypes: ListTypePlan[];
  personTypes: ListTypePlan[];
}

const PERSON_TYPE_CODES = ['black_court', 'black_court', 'black_court', 'black_defence', 'black_tax', 'black_wage'];

export async function readBenchCatalog(db: Kysely<DB>): Promise<BenchCatalog> {
  const listTypes = await db
    .selectFrom('list_types as lt')
    .innerJoin('departments as d', 'd.id', 'lt.identifying_department_id')
    .select([
      'lt.id',
      'lt.code',
      'lt.name',
      'lt.version',
      'lt.identifying_department_id',
      'd.code as department_code',
      'lt.period_months',
      'lt.early_removal_months',
      'lt.legal_basis',
      'lt.removal_conditions',
      'lt.removal_procedure',
      'lt.remedies',
    ])
    .where('lt.kind', '=', 'black')
    .orderBy('lt.code')
    .execute();
  const measures = await db
    .selectFrom('measures')
    .select(['id', 'code', 'version', 'list_type_ids', 'subject_roles'])
    .where('kind', '=', 'sanction')
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  const plans = new Map<string, ListTypePlan>(
    listTypes.map((lt) => {
      const own = measures.filter((m) => m.list_type_ids.includes(lt.id));
      return [
        lt.code,
        {
          id: lt.id,
          code: lt.code,
          name: lt.name,
          version: lt.version,
          departmentId: lt.identifying_department_id,
          departmentCode: lt.department_code,
          periodMonths: lt.period_months,
          earlyRemovalMonths: lt.early_removal_months,
          legalBasis: lt.legal_basis,
          removalConditions: lt.removal_conditions,
          removalProcedure: lt.removal_procedure,
          remedies: lt.remedies,
          measures: own.map((m) => ({ id: m.id, version: m.version })),
          personMeasures: own
            .filter((m) => m.subject_roles.includes('person'))
            .map((m) => ({ id: m.id, version: m.version })),
        },
      ];
    }),
  );
  const organizationTypes = [...plans.values()].filter((p) => p.code !== 'black_defence' && p.measures.length > 0);
  const personTypes = PERSON_TYPE_CODES.map((c) => plans.get(c)).filter(
    (p): p is ListTypePlan => p !== undefined && p.personMeasures.length > 0,
  );
  if (organizationTypes.length === 0 || personTypes.length === 0)
    throw new Error('种子目录中没有可用的黑名单类型和惩戒措施');
  return { organizationTypes, personTypes };
}

export interface EntryPlan {
  listType: ListTypePlan;
  measures: MeasureRef[];
  servedDate: string;
  decisionDate: string;
  basisDate: string;
  endDate: string;
  earliestRemovalDate: string | null;
  documentNo: string;
  noticeNo: string;
  basisNo: string;
  reason: string;
  objectionPending: boolean;
}

const REASONS = [
  '未按期履行生效法律文书确定的义务',
  '提供虚假材料骗取行政许可，情节严重',
  '拒不执行行政处罚决定，经催告仍不履行',
  '发生较大生产安全责任事故，负有主要责任',
  '拖欠劳动者劳动报酬数额较大，经责令仍不支付',
  '在政府采购活动中提供虚假材料谋取中标',
];

/** Entry i is in effect: its basis document lies 18 days to (period − 1) months back, so it ends in the future. */
export function entryPlan(i: number, catalog: BenchCatalog, today: string): EntryPlan {
  const person = isPersonSubject(i);
  const types = person ? catalog.personTypes : catalog.organizationTypes;
  const listType = types[mix(i, 11) % types.length]!;
  const pool = person ? listType.personMeasures : listType.measures;
  // A decision names a few of the list type's sanctions: 3 to 5 consecutive ones from a varying start.
  const count = Math.min(pool.length, 3 + (mix(i, 13) % 3));
  const start = mix(i, 17) % pool.length;
  const measures = Array.from({ length: count }, (_, k) => pool[(start + k) % pool.length]!);

  const monthsBack = mix(i, 19) % (listType.periodMonths - 1);
  const basisDate = addCalendarDays(addMonthsCivil(today, -monthsBack), -(18 + (mix(i, 23) % 28)));
  const year = basisDate.slice(0, 4);
  const dept = listType.departmentCode;
  return {
    listType,
    measures,
    basisDate,
    servedDate: addCalendarDays(basisDate, 3),
    decisionDate: addCalendarDays(basisDate, 17),
    endDate: addMonthsCivil(basisDate, listType.periodMonths),
    earliestRemovalDate:
      listType.earlyRemovalMonths === null ? null : addMonthsCivil(basisDate, listType.earlyRemovalMonths),
    documentNo: `示${dept}信认〔${year}〕${i + 1}号`,
    noticeNo: `示${dept}信告〔${year}〕${i + 1}号`,
    basisNo: `示${dept}决〔${year}〕${i + 1}号`,
    reason: `该主体${REASONS[mix(i, 29) % REASONS.length]}（案件编号 BENCH-${i + 1}），依法认定列入${listType.name}。`,
    objectionPending: mix(i, 31) % 200 === 0,
  };
}

export interface NamedPersonJson {
  personId: string;
  name: string;
  citizenIdMasked: string;
  role: string;
}

/** The decision as entries.black.usecases.ts stores it (without the ID number in clear). */
export function decisionJson(plan: EntryPlan, named: NamedPersonJson | null): string {
  const lt = plan.listType;
  return JSON.stringify({
    documentNo: plan.documentNo,
    date: plan.decisionDate,
    reason: plan.reason,
    basis: lt.legalBasis,
    measureIds: plan.measures.map((m) => m.id),
    removalConditions: lt.removalConditions,
    removalProcedure: lt.removalProcedure,
    remedies: lt.remedies,
    basisDocument: { kind: 'penalty_decision', documentNo: plan.basisNo, date: plan.basisDate },
    relatedPersons: named ? [named] : [],
  });
}

export function noticeJson(plan: EntryPlan): string {
  return JSON.stringify({
    documentNo: plan.noticeNo,
    servedDate: plan.servedDate,
    content: `拟将该主体列入${plan.listType.name}，事由：${plan.reason}当事人可在期限内陈述申辩。`,
    statementPeriodWorkingDays: 5,
    statementDue: addCalendarDays(plan.servedDate, 7),
  });
}

export function periodRuleJson(plan: EntryPlan): string {
  const lt = plan.listType;
  return JSON.stringify({
    listTypeVersion: lt.version,
    periodMonths: lt.periodMonths,
    earlyRemovalMonths: lt.earlyRemovalMonths,
    earliestRemovalDate: plan.earliestRemovalDate,
    startsFrom: 'basisDocument.date',
  });
}
