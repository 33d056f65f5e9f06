import type { z } from 'zod';
import { addMonthsCivil, chinaDate, partyDeadlineEnd, unprocessable, type WorkingCalendar } from '../shared/index.ts';
import { addRelatedPerson, findSubject } from '../subjects/index.ts';
import { insertEntryMeasures, linkEntryPerson, measuresByIds } from './entry-links.repository.ts';
import type { DecisionBody, NoticeBody, StatementBody } from './entries.schemas.ts';
import { DECIDERS, PREPARERS, step, type EntryDeps } from './entries.usecases.ts';

type BlackDeps = EntryDeps & { calendar: { get(): WorkingCalendar } };

function notInFuture(date: string, today: string, field: string) {
  if (date > today) throw unprocessable('entry.date_in_future', '日期不能晚于今天。', { field });
}

/** 事前告知: serves the notice; the statement period runs in working days from the day after service. */
export async function serveNotice(deps: BlackDeps, entryId: string, input: z.infer<typeof NoticeBody>) {
  return step(deps, entryId, 'notice', PREPARERS, async ({ w, listType }) => {
    notInFuture(input.servedDate, chinaDate(w.now), 'servedDate');
    const calendar = deps.calendar.get();
    const statementDue = partyDeadlineEnd(
      calendar.addWorkingDays(input.servedDate, listType.statement_period_working_days),
      calendar,
    );
    const notice = { ...input, statementPeriodWorkingDays: listType.statement_period_working_days, statementDue };
    return {
      changes: { state: 'notice_served', notice },
      type: 'entry.notice_served',
      payload: { state: 'notice_served', documentNo: input.documentNo, servedDate: input.servedDate, statementDue },
    };
  });
}

/** 陈述申辩: records what the party stated and how it was handled. */
export async function recordStatement(deps: EntryDeps, entryId: string, input: z.infer<typeof StatementBody>) {
  return step(deps, entryId, 'statement', PREPARERS, async ({ w, entry }) => {
    notInFuture(input.receivedDate, chinaDate(w.now), 'receivedDate');
    const servedDate = (entry.notice as { servedDate: string }).servedDate;
    if (input.receivedDate < servedDate)
      throw unprocessable('entry.date_before_notice', '收到陈述申辩的日期不能早于告知送达日期。', {
        field: 'receivedDate',
      });
    return {
      changes: { state: 'statement_recorded', statement: input },
      type: 'entry.statement_recorded',
      payload: { state: 'statement_recorded', receivedDate: input.receivedDate, adopted: input.adopted },
    };
  });
}

/**
 * 认定决定: only the department's reviewer, only after the statement period has run (or a statement was recorded),
 * on a legally effective basis document. The period runs from that document's date under the list type's rule,
 * whose version is stored with the entry.
 */
export async function decide(deps: EntryDeps, entryId: string, input: z.infer<typeof DecisionBody>) {
  return step(deps, entryId, 'decision', DECIDERS, async ({ w, entry, listType }) => {
    const today = chinaDate(w.now);
    const notice = entry.notice as { servedDate: string; statementDue: string };
    notInFuture(input.date, today, 'date');
    // The period runs from the basis document, which must already be legally effective: a black list never starts later.
    if (input.basisDocument.date > today) {
      throw unprocessable(
        'entry.date_in_future',
        '生效法律文书日期不能晚于今天：严重失信主体名单的期限自生效法律文书之日起算，不能从将来开始。',
        { field: 'basisDocument.date' },
      );
    }
    if (input.date < notice.servedDate)
      throw unprocessable('entry.date_before_notice', '决定日期不能早于事前告知送达日期。', { field: 'date' });
    if (entry.state === 'notice_served' && input.date <= notice.statementDue) {
      throw unprocessable(
        'entry.statement_period_running',
        `陈述申辩期限至 ${notice.statementDue} 届满，期满或记录陈述申辩后方可作出决定。`,
        { field: 'date', statementDue: notice.statementDue },
      );
    }
    if (input.basisDocument.date > input.date)
      throw unprocessable('entry.basis_after_decision', '生效法律文书日期不能晚于决定日期。', {
        field: 'basisDocument.date',
      });

    const measures = await measuresByIds(w.tx, input.measureIds);
    input.measureIds.forEach((id, i) => {
      const m = measures.find((x) => x.id === id);
      if (!m || !m.active || m.kind !== 'sanction' || !m.list_type_ids.includes(listType.id)) {
        throw unprocessable('entry.measure_not_applicable', '所选措施不在该名单类型适用的惩戒措施清单中。', {
          field: `measureIds[${i}]`,
        });
      }
    });

    const subject = (await findSubject(w.tx, entry.subject_id))!;
    if (subject.kind === 'person' && input.relatedPersons.length > 0) {
      throw unprocessable('entry.related_persons_for_person', '自然人主体的决定不列关联人员。', {
        field: 'relatedPersons',
      });
    }
    if (
      subject.kind !== 'person' &&
      !input.relatedPersons.some((p) => p.role === 'legalRepresentative' || p.role === 'principal')
    ) {
      throw unprocessable('entry.related_persons_required', '对组织的认定决定须载明其法定代表人或主要负责人。', {
        field: 'relatedPersons',
      });
    }

    const endDate = addMonthsCivil(input.basisDocument.date, listType.period_months);
    if (endDate < today)
      throw unprocessable(
        'entry.period_already_over',
        `按该名单期限，自生效文书之日起至 ${endDate} 已届满，不能再列入。`,
        { field: 'basisDocument.date' },
      );
    const earliestRemovalDate =
      listType.early_removal_months === null
        ? null
        : addMonthsCivil(input.basisDocument.date, listType.early_removal_months);

    const persons = [];
    for (const [i, p] of input.relatedPersons.entries()) {
      const person = await addRelatedPerson(w, deps, subject, p, `relatedPersons[${i}]`);
      await linkEntryPerson(w.tx, entry.id, person.id, p.role);
      persons.push({ personId: person.id, name: person.name, citizenIdMasked: person.citizen_id_masked, role: p.role });
    }
    await insertEntryMeasures(w.tx, entry.id, measures);

    const { relatedPersons: _clear, ...decision } = input;
    return {
      changes: {
        state: 'decided',
        decision: { ...decision, relatedPersons: persons },
        decision_date: input.date,
        document_no: input.documentNo,
        basis_document_no: input.basisDocument.documentNo,
        basis_document_date: input.basisDocument.date,
        start_date: input.basisDocument.date,
        end_date: endDate,
        list_type_version: listType.version,
        period_rule: {
          listTypeVersion: listType.version,
          periodMonths: listType.period_months,
          earlyRemovalMonths: listType.early_removal_months,
          earliestRemovalDate,
          startsFrom: 'basisDocument.date',
        },
      },
      type: 'entry.decided',
      payload: {
        state: 'decided',
        documentNo: input.documentNo,
        date: input.date,
        startDate: input.basisDocument.date,
        endDate,
        measureIds: input.measureIds,
        listTypeVersion: listType.version,
      },
    };
  });
}
