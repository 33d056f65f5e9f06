import type { Kysely } from 'kysely';
import { type Actor, addCalendarDays, chinaDate, type Clock, type DB, seesAllDepartments } from '../shared/index.ts';
import { badPeriod, statsOtherDepartment } from './feedback.errors.ts';
import { departmentsByCode, dispatchStats, measureStats } from './feedback.repository.ts';

const startOfChinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Per department and period: items dispatched (by China date of dispatch) and their feedback — required, fed back,
 * on time, late, overdue now — and, by the handling date of the feedback, how often each measure was applied.
 */
export async function feedbackStats(
  deps: { db: Kysely<DB>; clock: Clock; actor: Actor },
  query: { from: string; to: string; departmentId?: string },
) {
  const { actor } = deps;
  if (!seesAllDepartments(actor) && query.departmentId && query.departmentId !== actor.departmentId)
    throw statsOtherDepartment();
  if (query.from > query.to || addCalendarDays(query.from, 366 * 3) < query.to) throw badPeriod();
  const departmentId = seesAllDepartments(actor) ? query.departmentId : actor.departmentId;
  const today = chinaDate(deps.clock.now());
  const filter = {
    from: query.from,
    to: query.to,
    today,
    departmentId,
    fromInstant: startOfChinaDay(query.from),
    toInstant: startOfChinaDay(addCalendarDays(query.to, 1)),
  };
  const [items, measures, departments] = await Promise.all([
    dispatchStats(deps.db, filter),
    measureStats(deps.db, filter),
    departmentsByCode(deps.db),
  ]);
  const ids = new Set([...items.map((r) => r.department_id), ...measures.map((r) => r.department_id)]);
  if (departmentId) ids.add(departmentId);
  const rows = departments
    .filter((d) => ids.has(d.id))
    .map((department) => {
      const i = items.find((r) => r.department_id === department.id);
      return {
        department,
        dispatched: Number(i?.dispatched ?? 0),
        feedbackRequired: Number(i?.required ?? 0),
        fedBack: Number(i?.fed_back ?? 0),
        onTime: Number(i?.on_time ?? 0),
        late: Number(i?.late ?? 0),
        overdue: Number(i?.overdue ?? 0),
        measures: measures
          .filter((m) => m.department_id === department.id)
          .map((m) => ({
            measureId: m.measure_id,
            code: m.code,
            title: m.title,
            applied: Number(m.applied),
            notApplied: Number(m.not_applied),
          })),
      };
    });
  return { from: query.from, to: query.to, today, items: rows };
}
