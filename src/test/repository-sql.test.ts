import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import * as checkIndex from '../modules/checks/check-index.repository.ts';
import * as dispatch from '../modules/dispatch/dispatch.repository.ts';
import * as entries from '../modules/entries/entries.repository.ts';
import * as expiry from '../modules/expiry/expiry.repository.ts';
import * as objections from '../modules/objections/objections.repository.ts';
import * as records from '../modules/records/records.repository.ts';
import * as reminders from '../modules/reminders/reminders.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import * as webhooks from '../modules/webhooks/webhooks.repository.ts';
import { recordingDb } from './sql-recorder.ts';

// Style habit 6: the SQL of the repository queries on the hot and the concurrent paths is committed in
// repository-sql.snapshot.sql, so a review sees every change to it. After an intended change, rewrite the snapshot:
//   UPDATE_SQL_SNAPSHOTS=1 node scripts/run-tests.mjs src/test/repository-sql.test.ts

const id = '01900000-0000-7000-8000-000000000001';
const now = new Date('2026-06-01T02:00:00Z');
const cases: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'check index: entries in effect by id': (db) => checkIndex.entriesByIds(db, [id]),
  'check index: measures of entries': (db) => checkIndex.measuresByEntryIds(db, [id]),
  'check index: persons named by entries': (db) => checkIndex.personsByEntryIds(db, [id]),
  'check index: entries of subjects': (db) => checkIndex.entryIdsOfSubjects(db, [id]),
  'check index: records shared by id': (db) => checkIndex.recordsByIds(db, [id], '2026-06-01'),
  'check index: records of subjects': (db) => checkIndex.recordIdsOfSubjects(db, [id]),
  'check index: catalog': (db) => checkIndex.catalogRows(db),
  'entries: find for update': (db) => entries.findEntryForUpdate(db, id),
  'entries: of a subject in given states': (db) => entries.entriesOfSubject(db, id, 'black', ['in_effect']),
  'records: find for update': (db) => records.findRecordForUpdate(db, id),
  'dispatch: lock the cursor': (db) => dispatch.lockCursor(db, 'dispatch'),
  'dispatch: events after the cursor': (db) => dispatch.eventsAfter(db, 10n, 500),
  'dispatch: earlier receivers': (db) => dispatch.receiversOf(db, 'entry', id),
  'dispatch: change feed page': (db) => dispatch.dispatchesAfter(db, id, 10n, 100),
  'webhooks: claim due deliveries': (db) => webhooks.claimDue(db, now, new Date(now.getTime() + 60_000), 20),
  'expiry: claim expired entries': (db) => expiry.claimExpiredEntries(db, '2026-06-01', 200),
  'expiry: claim expired records': (db) => expiry.claimExpiredRecords(db, '2026-06-01', 200),
  'objections: another open objection on the target': (db) => objections.otherOpenObjection(db, { stream: 'entry', id }, id),
  'reminders: due rows of a department': (db) => reminders.dueRows(db, { departmentId: id, today: '2026-06-01', before: '2026-06-03' }, 100),
};

const snapshotFile = path.join(import.meta.dirname, 'repository-sql.snapshot.sql');

function render(): string {
  return Object.keys(cases).map((name) => `-- ${name}\n${compiled.get(name)!.map((q) => `${q};`).join('\n')}\n`).join('\n');
}
const compiled = new Map<string, string[]>();

test('the SQL of the hot and concurrent repository queries matches its committed snapshot', async () => {
  const { db, take } = recordingDb();
  for (const [name, run] of Object.entries(cases)) {
    try { await run(db); } catch { /* no rows: an OrThrow query may throw; its SQL is recorded all the same */ }
    const sqls = take();
    assert.ok(sqls.length > 0, `${name}: no query compiled`);
    compiled.set(name, sqls);
  }
  const actual = render();
  if (process.env.UPDATE_SQL_SNAPSHOTS === '1') fs.writeFileSync(snapshotFile, actual);
  const expected = fs.existsSync(snapshotFile) ? fs.readFileSync(snapshotFile, 'utf8') : '';
  assert.equal(actual, expected, 'repository SQL changed: review it, then run UPDATE_SQL_SNAPSHOTS=1 node scripts/run-tests.mjs src/test/repository-sql.test.ts');
});
