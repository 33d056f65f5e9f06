import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cases } from './repository-sql.cases.ts';
import { recordingDb } from './sql-recorder.ts';

// Style habit 6: the SQL of every repository query (the cases in repository-sql.cases.ts) is committed in
// repository-sql.snapshot.sql, so a review sees every change to it. After an intended change, rewrite the snapshot:
//   UPDATE_SQL_SNAPSHOTS=1 node scripts/run-tests.mjs src/test/repository-sql.test.ts

const snapshotFile = path.join(import.meta.dirname, 'repository-sql.snapshot.sql');

function render(): string {
  return Object.keys(cases)
    .map(
      (name) =>
        `-- ${name}\n${compiled
          .get(name)!
          .map((q) => `${q};`)
          .join('\n')}\n`,
    )
    .join('\n');
}
const compiled = new Map<string, string[]>();

test('the SQL of every repository query matches its committed snapshot', async () => {
  const { db, take } = recordingDb();
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run(db);
    } catch {
      /* no rows: an OrThrow query may throw; its SQL is recorded all the same */
    }
    const sqls = take();
    assert.ok(sqls.length > 0, `${name}: no query compiled`);
    compiled.set(name, sqls);
  }
  const actual = render();
  if (process.env.UPDATE_SQL_SNAPSHOTS === '1') fs.writeFileSync(snapshotFile, actual);
  const expected = fs.existsSync(snapshotFile) ? fs.readFileSync(snapshotFile, 'utf8') : '';
  assert.equal(
    actual,
    expected,
    'repository SQL changed: review it, then run UPDATE_SQL_SNAPSHOTS=1 node scripts/run-tests.mjs src/test/repository-sql.test.ts',
  );
});
