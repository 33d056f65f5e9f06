// Deadline settings (docs/domain/rules.md §4–§6, §10): the credit office edits the defaults; each item keeps
// the value it was created with (deadlines/deadlines.ts newDue copies it into due_days), so an edit never moves
// an existing deadline.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, type Clock, type DB, forbidden, hasRole, notFound, write } from '../shared/index.ts';
import { DEADLINE_KEYS, type DeadlineKey } from '../deadlines/index.ts';
import { findDeadlineSettingForUpdate, listDeadlineSettings, updateDeadlineSetting } from './settings.repository.ts';
import type { DeadlineSettingInput } from './settings.schemas.ts';

/** One event stream per setting, with a stable id, so a setting's history reads back from the event log. */
export function settingStreamId(key: string): string {
  const h = createHash('sha256').update(`deadline_settings:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function getDeadlineSettings(deps: { db: Kysely<DB> }) {
  const rows = await listDeadlineSettings(deps.db);
  const order = (key: string) => DEADLINE_KEYS.indexOf(key as DeadlineKey);
  return { settings: rows.sort((a, b) => order(a.key) - order(b.key)) };
}

export async function setDeadlineSetting(
  deps: { db: Kysely<DB>; clock: Clock; actor: Actor },
  key: DeadlineKey,
  input: DeadlineSettingInput,
) {
  if (!hasRole(deps.actor, 'credit_office', 'admin'))
    throw forbidden('只有信用办或系统管理员可以修改期限设置。', 'settings.forbidden');
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const before = await findDeadlineSettingForUpdate(w.tx, key);
    if (!before) throw notFound('期限设置', 'settings.not_found');
    const source = input.source ?? before.source;
    if (before.working_days === input.workingDays && before.source === source) return before;
    const after = { working_days: input.workingDays, source, updated_by: deps.actor.ref, updated_at: w.now };
    await updateDeadlineSetting(w.tx, key, after);
    const payload = { key, from: before.working_days, to: input.workingDays };
    w.event({ stream: 'settings', streamId: settingStreamId(key), type: 'settings.deadline_changed', payload });
    w.audit({
      action: 'settings.deadline_changed',
      target: `deadline_setting:${key}`,
      details: { ...payload, source, previousSource: before.source },
    });
    return { ...before, ...after };
  });
  return { setting: result };
}
