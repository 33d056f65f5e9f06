import type { CalendarSeed, Executor } from '../shared/index.ts';

export async function readCalendarSeed(db: Executor): Promise<CalendarSeed> {
  const years = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
  const days = await db.selectFrom('calendar_days').selectAll().orderBy('day').execute();
  return {
    years: years.map((y) => y.year),
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => ({ date: d.day, name: d.name })),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => ({ date: d.day, name: d.name })),
  };
}

export async function listCalendarYear(db: Executor, year: number) {
  const known = await db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
  const days = await db
    .selectFrom('calendar_days')
    .selectAll()
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
  return { known, days };
}

/** Replaces one year's special days. */
export async function replaceCalendarYear(
  db: Executor,
  input: {
    year: number;
    source: string;
    now: Date;
    holidays: { date: string; name: string }[];
    workdays: { date: string; name: string }[];
  },
) {
  await db
    .deleteFrom('calendar_days')
    .where('day', '>=', `${input.year}-01-01`)
    .where('day', '<=', `${input.year}-12-31`)
    .execute();
  const rows = [
    ...input.holidays.map((d) => ({ day: d.date, kind: 'holiday' as const, name: d.name })),
    ...input.workdays.map((d) => ({ day: d.date, kind: 'workday' as const, name: d.name })),
  ];
  if (rows.length > 0) await db.insertInto('calendar_days').values(rows).execute();
  await db
    .insertInto('calendar_years')
    .values({ year: input.year, source: input.source, updated_at: input.now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: input.source, updated_at: input.now }))
    .execute();
}
