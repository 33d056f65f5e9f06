import type { z } from 'zod';
import { addCalendarDays, addMonthsCivil, chinaDate, unprocessable } from '../shared/index.ts';
import { lockSubject } from '../subjects/index.ts';
import { leaveRedLists } from './entries.workflow.ts';
import { activeIncentiveMeasures, insertEntryMeasures } from './entry-links.repository.ts';
import type { PublicationBody, ReviewBody } from './entries.schemas.ts';
import {
  blackEntryInEffect,
  seriousRecordInEffect,
  DECIDERS,
  startOfDay,
  step,
  type EntryDeps,
} from './entries.usecases.ts';

/** How far ahead of the review a red-list validity may start (decision 0014). */
export const MAX_LEAD_MONTHS = 12;

/** Red list: the department's reviewer approves (with the validity period) or rejects a nomination. */
export async function review(deps: EntryDeps, entryId: string, input: z.infer<typeof ReviewBody>) {
  return step(deps, entryId, 'review', DECIDERS, async ({ w, entry, listType }) => {
    if (!input.approved) {
      return {
        changes: {
          state: 'ended',
          review: input,
          ended_reason: 'rejected',
          ended_note: input.opinion,
          ended_at: w.now,
        },
        type: 'entry.ended',
        payload: { state: 'ended', reason: 'rejected', note: input.opinion, previousState: entry.state },
      };
    }
    if (!input.validFrom)
      throw unprocessable('entry.valid_from_required', '审核通过时须填写有效期起算日。', { field: 'validFrom' });
    // A red list may be reviewed ahead of the period it covers (an annual honour decided before its year begins); it
    // applies from that day on (decision 0014), but no further ahead than one year.
    const latestStart = addMonthsCivil(chinaDate(w.now), MAX_LEAD_MONTHS);
    if (input.validFrom > latestStart) {
      throw unprocessable(
        'entry.valid_from_too_late',
        `有效期起算日不能晚于 ${latestStart}：红名单可以提前审核，但起算日最迟为审核之日起 ${MAX_LEAD_MONTHS} 个月。`,
        { field: 'validFrom', latest: latestStart },
      );
    }
    const endDate = addCalendarDays(addMonthsCivil(input.validFrom, listType.period_months), -1);
    if (endDate < chinaDate(w.now))
      throw unprocessable('entry.period_already_over', `有效期至 ${endDate} 已届满。`, { field: 'validFrom' });
    const measures = await activeIncentiveMeasures(w.tx);
    const applicable = measures.filter((m) => m.list_type_ids.includes(listType.id));
    if (applicable.length > 0) {
      await insertEntryMeasures(w.tx, entry.id, applicable);
    }
    return {
      changes: {
        state: 'reviewed',
        review: input,
        decision_date: chinaDate(w.now),
        document_no: input.documentNo ?? null,
        start_date: input.validFrom,
        end_date: endDate,
        list_type_version: listType.version,
        period_rule: {
          listTypeVersion: listType.version,
          periodMonths: listType.period_months,
          earlyRemovalMonths: null,
          earliestRemovalDate: null,
          startsFrom: 'validFrom',
        },
      },
      type: 'entry.reviewed',
      payload: { state: 'reviewed', startDate: input.validFrom, endDate, measureIds: applicable.map((m) => m.id) },
    };
  });
}

/**
 * Publication puts a decided entry in effect. Under the subject lock: a black-list entry ends every red-list entry
 * of the subject (with the reason recorded); a red-list entry cannot take effect while a black one is in effect.
 */
export async function publish(deps: EntryDeps, entryId: string, input: z.infer<typeof PublicationBody>) {
  return step(deps, entryId, 'publication', DECIDERS, async ({ w, entry }) => {
    await lockSubject(w.tx, entry.subject_id);
    if (entry.end_date && entry.end_date < chinaDate(w.now)) {
      throw unprocessable('entry.period_already_over', `名单期限已于 ${entry.end_date} 届满，不能发布。`, {
        field: 'state',
      });
    }
    const endedRed: string[] = [];
    if (entry.kind === 'red') {
      if (await blackEntryInEffect(w, entry.subject_id)) {
        throw unprocessable('entry.subject_on_black_list', '该主体正被列入严重失信主体名单，红名单记录不能生效。', {
          field: 'subjectId',
        });
      }
      if (await seriousRecordInEffect(w, entry.subject_id)) {
        throw unprocessable(
          'entry.subject_has_serious_record',
          '该主体有尚在公示期内的严重失信信息，红名单记录不能生效。',
          { field: 'subjectId' },
        );
      }
    } else {
      endedRed.push(...(await leaveRedLists(w, entry.subject_id, { blackEntryId: entry.id })));
    }
    // A validity that starts later takes effect on its first day: the event says so, and checks, eligibility and
    // public disclosure count the entry only from that day (with no further write).
    const startsLater = entry.start_date !== null && entry.start_date > chinaDate(w.now);
    return {
      changes: { state: 'in_effect' },
      type: 'entry.published',
      payload: {
        state: 'in_effect',
        note: input.note ?? null,
        startDate: entry.start_date,
        endDate: entry.end_date,
        endedRedEntryIds: endedRed,
      },
      effectiveAt: startsLater ? startOfDay(entry.start_date!) : undefined,
    };
  });
}
