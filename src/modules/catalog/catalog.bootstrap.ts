import type { Kysely } from 'kysely';
import { type Clock, type DB, defaultCalendarSeed, uuidv7, write } from '../shared/index.ts';
import { replaceCalendarYear } from './calendar.repository.ts';
import * as repo from './catalog-bootstrap.repository.ts';
import { calendarStreamId } from './calendar.usecases.ts';
import { saveListTypeVersion, saveMeasureVersion } from './catalog.repository.ts';
import { catalogSeed } from './catalog.seed.ts';

/**
 * On first start (no departments yet) loads the seed catalog: the district's departments, the scenarios, the
 * departments that record in each record domain, the list types and measures of the seed document, and the official
 * calendar. Later starts change nothing.
 */
export async function ensureCatalogSeed(deps: { db: Kysely<DB>; clock: Clock }): Promise<boolean> {
  const existing = await repo.anyDepartment(deps.db);
  if (existing) return false;
  await write(deps, 'system:bootstrap', async (w) => {
    const departmentIds = new Map<string, string>();
    for (const d of catalogSeed.departments) {
      const id = uuidv7(w.now.getTime());
      departmentIds.set(d.code, id);
      await repo.insertSeedDepartment(w.tx, { id, code: d.code, name: d.name, kind: d.kind, created_at: w.now });
      w.event({
        stream: 'department',
        streamId: id,
        type: 'department.created',
        departmentId: id,
        payload: { code: d.code, name: d.name },
      });
    }
    await repo.insertScenarios(
      w.tx,
      catalogSeed.scenarios.map((s) => ({ code: s.code, name: s.name })),
    );
    const holders = Object.entries(catalogSeed.recordDomainHolders).flatMap(([domain, codes]) =>
      codes.map((code) => ({ domain, department_id: departmentIds.get(code)! })),
    );
    await repo.insertRecordDomainHolders(w.tx, holders);

    const listTypeIds = new Map<string, string>();
    for (const lt of catalogSeed.listTypes) {
      const id = uuidv7(w.now.getTime());
      listTypeIds.set(lt.code, id);
      const { identifyingDepartmentCode, ...rest } = lt;
      await saveListTypeVersion(w.tx, {
        id,
        version: 1,
        actor: w.actor,
        now: w.now,
        content: {
          ...rest,
          identifyingDepartmentId: departmentIds.get(identifyingDepartmentCode)!,
          sharing: { departments: lt.sharing.departments === 'all' ? 'all' : [...lt.sharing.departments] },
          disclosure: { ...lt.disclosure, fields: [...lt.disclosure.fields] },
          exposed: false,
        },
      });
      w.event({ stream: 'list_type', streamId: id, type: 'list_type.created', payload: { code: lt.code, version: 1 } });
    }
    for (const m of catalogSeed.measures) {
      const id = uuidv7(w.now.getTime());
      await saveMeasureVersion(w.tx, {
        id,
        version: 1,
        actor: w.actor,
        now: w.now,
        content: {
          code: m.code,
          kind: m.kind,
          title: m.title,
          content: m.content,
          legalBasis: m.legalBasis,
          implementingDepartmentId: departmentIds.get(m.implementingDepartmentCode)!,
          listTypeIds: m.listTypeCodes.map((c) => listTypeIds.get(c)!),
          subjectRoles: [...m.subjectRoles],
          scenarios: [...m.scenarios],
          seedItem: m.seedItem,
          active: true,
        },
      });
      w.event({ stream: 'measure', streamId: id, type: 'measure.created', payload: { code: m.code, version: 1 } });
    }

    for (const year of defaultCalendarSeed.years) {
      const inYear = (d: { date: string }) => d.date.startsWith(`${year}-`);
      await replaceCalendarYear(w.tx, {
        year,
        source: '国务院办公厅关于2026年部分节假日安排的通知',
        now: w.now,
        holidays: defaultCalendarSeed.holidays.filter(inYear),
        workdays: defaultCalendarSeed.workdays.filter(inYear),
      });
      w.event({ stream: 'calendar', streamId: calendarStreamId(year), type: 'calendar.year_set', payload: { year } });
    }
    w.audit({
      action: 'catalog.seeded',
      details: {
        departments: catalogSeed.departments.length,
        listTypes: catalogSeed.listTypes.length,
        measures: catalogSeed.measures.length,
        calendarYears: defaultCalendarSeed.years,
      },
    });
  });
  return true;
}
