import { entriesOfSubject, recordChange as entryChange, updateEntry } from '../entries/index.ts';
import type { Write } from '../shared/index.ts';
import { lockSubject } from '../subjects/index.ts';

/**
 * docs/domain/rules.md §2: a subject that receives a serious dishonesty record leaves every red list at once,
 * with the reason recorded. Runs in the write that puts the record in effect, under the subject lock (as a
 * black-list publication).
 */
export async function leaveRedLists(w: Write, subjectId: string, recordId: string): Promise<string[]> {
  await lockSubject(w.tx, subjectId);
  const reds = await entriesOfSubject(w.tx, subjectId, 'red', ['nominated', 'reviewed', 'in_effect']);
  const note = `主体产生严重失信信息（失信信息 ${recordId}），依规退出红名单。`;
  for (const red of reds) {
    await updateEntry(w.tx, red.id, {
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
