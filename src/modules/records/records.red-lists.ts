import * as entries from '../entries/entries.repository.ts';
import { recordChange as entryChange } from '../entries/entries.usecases.ts';
import type { Write } from '../shared/ledger.ts';
import { lockSubject } from '../subjects/subjects.repository.ts';

/**
 * docs/domain/rules.md §2: a subject that receives a serious dishonesty record leaves every red list at once,
 * with the reason recorded. Runs in the write that puts the record in effect, under the subject lock (as a
 * black-list publication).
 */
export async function leaveRedLists(w: Write, subjectId: string, recordId: string): Promise<string[]> {
  await lockSubject(w.tx, subjectId);
  const reds = await entries.entriesOfSubject(w.tx, subjectId, 'red', ['nominated', 'reviewed', 'in_effect']);
  const note = `主体产生严重失信信息（失信信息 ${recordId}），依规退出红名单。`;
  for (const red of reds) {
    await entries.updateEntry(w.tx, red.id, {
      state: 'ended',
      ended_reason: 'superseded_by_black',
      ended_note: note,
      ended_at: w.now,
      updated_at: w.now,
    });
    entryChange(w, red, 'entry.ended', {
      state: 'ended',
      reason: 'superseded_by_black',
      note,
      previousState: red.state,
      recordId,
    });
  }
  return reds.map((r) => r.id);
}
