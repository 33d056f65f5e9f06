import type { z } from 'zod';
import { unprocessable } from '../shared/errors.ts';
import { addMonthsCivil } from '../shared/periods.ts';
import { addCalendarDays, chinaDate } from '../shared/working-days.ts';
import { lockSubject } from '../subjects/subjects.repository.ts';
import * as repo from './entries.repository.ts';
import type { PublicationBody, ReviewBody } from './entries.schemas.ts';
import { blackEntryInEffect, seriousRecordInEffect, DECIDERS, recordChange, step, type EntryDeps } from './entries.usecases.ts';

/** Red list: the department's reviewer approves (with the validity period) or rejects a nomination. */
export async function review(deps: EntryDeps, entryId: string, input: z.infer<typeof ReviewBody>) {
  return step(deps, entryId, 'review', DECIDERS, async ({ w, entry, listType }) => {
    if (!input.approved) {
      return {
        changes: { state: 'ended', review: input, ended_reason: 'rejected', ended_note: input.opinion, ended_at: w.now },
        type: 'entry.ended', payload: { state: 'ended', reason: 'rejected', note: input.opinion, previousState: entry.state },
      };
    }
    if (!input.validFrom) throw unprocessable('entry.valid_from_required', '审核通过时须填写有效期起算日。', { field: 'validFrom' });
    const endDate = addCalendarDays(addMonthsCivil(input.validFrom, listType.period_months), -1);
    if (endDate < chinaDate(w.now)) throw unprocessable('entry.period_already_over', `有效期至 ${endDate} 已届满。`, { field: 'validFrom' });
    const measures = await w.tx.selectFrom('measures').select(['id', 'version', 'list_type_ids', 'kind', 'active']).where('kind', '=', 'incentive').where('active', '=', true).execute();
    const applicable = measures.filter((m) => m.list_type_ids.includes(listType.id));
    if (applicable.length > 0) {
      await w.tx.insertInto('entry_measures').values(applicable.map((m) => ({ entry_id: entry.id, measure_id: m.id, measure_version: m.version }))).execute();
    }
    return {
      changes: {
        state: 'reviewed', review: input, decision_date: chinaDate(w.now), document_no: input.documentNo ?? null, start_date: input.validFrom, end_date: endDate,
        list_type_version: listType.version,
        period_rule: { listTypeVersion: listType.version, periodMonths: listType.period_months, earlyRemovalMonths: null, earliestRemovalDate: null, startsFrom: 'validFrom' },
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
      throw unprocessable('entry.period_already_over', `名单期限已于 ${entry.end_date} 届满，不能发布。`, { field: 'state' });
    }
    const endedRed: string[] = [];
    if (entry.kind === 'red') {
      if (await blackEntryInEffect(w, entry.subject_id)) {
        throw unprocessable('entry.subject_on_black_list', '该主体正被列入严重失信主体名单，红名单记录不能生效。', { field: 'subjectId' });
      }
      if (await seriousRecordInEffect(w, entry.subject_id)) {
        throw unprocessable('entry.subject_has_serious_record', '该主体有尚在公示期内的严重失信信息，红名单记录不能生效。', { field: 'subjectId' });
      }
    } else {
      const reds = await repo.entriesOfSubject(w.tx, entry.subject_id, 'red', ['nominated', 'reviewed', 'in_effect']);
      for (const red of reds) {
        const note = `主体被列入严重失信主体名单（名单记录 ${entry.id}），依规退出红名单。`;
        await repo.updateEntry(w.tx, red.id, { state: 'ended', ended_reason: 'superseded_by_black', ended_note: note, ended_at: w.now, updated_at: w.now });
        recordChange(w, red, 'entry.ended', { state: 'ended', reason: 'superseded_by_black', note, previousState: red.state, blackEntryId: entry.id });
        endedRed.push(red.id);
      }
    }
    return {
      changes: { state: 'in_effect' },
      type: 'entry.published',
      payload: { state: 'in_effect', note: input.note ?? null, startDate: entry.start_date, endDate: entry.end_date, endedRedEntryIds: endedRed },
    };
  });
}
