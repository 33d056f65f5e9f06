import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../app/database.ts';
import { createLogger } from '../../app/logger.ts';
import { openTestDatabase } from '../../test/database.ts';
import { createSecrets, ManualClock, uuidv7 } from '../shared/index.ts';
import { CheckData } from './check-fixtures.ts';
import { CheckJournal, journalScope } from './check-journal.ts';
import { JournalReplayer } from './check-journal-replay.ts';
import { journalLine } from './check-record-line.ts';
import { CheckRecorder, type CheckRecordInput } from './check-recorder.ts';

const log = createLogger('silent');

/** The pid of a process that has ended: what a killed server leaves in its file names. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
  );
}

describe('the local check journal', () => {
  let database: Database;
  let dir: string;
  let departmentId: string;
  const clock = new ManualClock();

  before(async () => {
    database = await openTestDatabase();
    departmentId = await new CheckData({
      db: database.db,
      clock,
      secrets: createSecrets(randomBytes(32)),
    }).department();
  });
  after(() => database.close());

  const freshDir = async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'credlink-journal-test-')));
  const files = async () => (await fs.readdir(dir)).filter((f) => f.endsWith('.journal')).sort();
  const row = (): CheckRecordInput => ({
    checkId: uuidv7(),
    checkedAt: clock.now(),
    departmentId,
    actor: 'api_key:test',
    scenario: null,
    dataVersion: 3n,
    stale: false,
    subjects: [{ uscc: '91370125MA3C12345X', subjectId: null, entryIds: [], candidate: false }],
  });
  const stored = async (rows: CheckRecordInput[]) =>
    (
      await database.db
        .selectFrom('check_records')
        .select('check_id')
        .where(
          'check_id',
          'in',
          rows.map((r) => r.checkId),
        )
        .execute()
    ).length;
  const replayer = (owner: string) =>
    new JournalReplayer({ dir, owner, recorder: new CheckRecorder({ db: database.db, clock, log, limit: 1000 }), log });

  test('checks arriving together are made durable by one write and one fsync', async () => {
    await freshDir();
    const journal = await CheckJournal.open(dir, log);
    const rows = Array.from({ length: 200 }, row);
    await Promise.all(rows.map((r) => journal.append(r)));
    assert.ok(journal.groups <= 2, `${journal.groups} groups for 200 checks`);
    const [file] = await files();
    const lines = (await fs.readFile(path.join(dir, file!), 'utf8')).trim().split('\n');
    assert.deepEqual(lines, rows.map(journalLine));
    await journal.close();
  });

  test('a segment is deleted once all its rows are in the database, and kept while some are not', async () => {
    await freshDir();
    const journal = await CheckJournal.open(dir, log);
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 1000, journal });
    const rows = Array.from({ length: 3 }, row);
    await Promise.all(rows.map((r) => recorder.record(r) || assert.fail('the buffer has room for every check')));
    assert.equal((await files()).length, 1);
    await recorder.flush();
    assert.equal(journal.unsettled, 0);
    await journal.close();
    assert.deepEqual(await files(), []);

    const kept = await CheckJournal.open(dir, log);
    await kept.append(row());
    await kept.close();
    assert.equal((await files()).length, 1, 'a row not yet written stays for the next start');
  });

  test("two processes sweeping at once replay a dead process's journal once, and leave a live one's alone", async () => {
    await freshDir();
    const rows = Array.from({ length: 50 }, row);
    const dead = deadPid();
    await fs.writeFile(
      path.join(dir, `checks-${dead}-0a1b2c-1.journal`),
      `${rows.slice(0, 30).map(journalLine).join('\n')}\n`,
    );
    // A process that died while replaying a file leaves it under its own name: the next one claims it in turn.
    await fs.writeFile(
      path.join(dir, `replay-${dead}-0a1b2c-1.journal`),
      `${rows.slice(30).map(journalLine).join('\n')}\n`,
    );
    const live = row();
    await fs.writeFile(path.join(dir, `checks-${process.ppid}-0d0e0f-1.journal`), `${journalLine(live)}\n`);

    // Two server processes are two pids: each leaves the other's files alone while it lives.
    const servers = [0, 1].map(() => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']));
    const [a, b] = await Promise.all([
      replayer(`${servers[0]!.pid}-aaaaaa`).sweep(),
      replayer(`${servers[1]!.pid}-bbbbbb`).sweep(),
    ]).finally(() => servers.forEach((s) => s.kill()));
    assert.equal(a.files + b.files, 2);
    assert.equal(a.written + b.written, 50);
    assert.equal(await stored(rows), 50);
    assert.equal(await stored([live]), 0, 'the journal of a running process is its own to write');
    assert.deepEqual(await files(), [`checks-${process.ppid}-0d0e0f-1.journal`]);
  });

  test('replaying a journal whose rows are partly recorded records each check once, and skips a line cut short', async () => {
    await freshDir();
    const rows = Array.from({ length: 5 }, row);
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 1000 });
    for (const r of rows.slice(0, 2)) assert.notEqual(recorder.record(r), false);
    await recorder.flush();
    const torn = journalLine(row()).slice(0, 40);
    await fs.writeFile(
      path.join(dir, `checks-${deadPid()}-0a1b2c-7.journal`),
      `${rows.map(journalLine).join('\n')}\n${torn}`,
    );
    const result = await replayer(`${process.pid}-cccccc`).sweep();
    assert.deepEqual(result, { files: 1, written: 3, skipped: 2, torn: 1 });
    assert.equal(await stored(rows), 5);
    assert.deepEqual(await files(), []);
  });

  test('a journal waits while the database is down and is replayed by a later sweep', async () => {
    await freshDir();
    const rows = Array.from({ length: 4 }, row);
    await fs.writeFile(path.join(dir, `checks-${deadPid()}-0a1b2c-1.journal`), `${rows.map(journalLine).join('\n')}\n`);
    const { Outage } = await import('../../test/outage.ts');
    const outage = new Outage();
    outage.down = true;
    const r = new JournalReplayer({
      dir,
      owner: `${process.pid}-dddddd`,
      recorder: new CheckRecorder({ db: database.db.withPlugin(outage), clock, log, limit: 1000 }),
      log,
    });
    await assert.rejects(r.sweep(), /ECONNREFUSED/);
    assert.equal((await files()).length, 1, 'the claimed file stays');
    outage.down = false;
    assert.equal((await r.sweep()).written, 4);
    assert.equal(await stored(rows), 4);
    assert.deepEqual(await files(), []);
  });

  test('two installations given one journal directory keep apart: each database has its own subdirectory', () => {
    const a = journalScope({ url: 'postgres://app:secret@db1:5432/credlink', dataDir: './data' });
    assert.equal(
      a,
      journalScope({ url: 'postgres://app:other@db1:5432/credlink', dataDir: './elsewhere' }),
      'the password is not part of it',
    );
    assert.notEqual(a, journalScope({ url: 'postgres://app:secret@db2:5432/credlink', dataDir: './data' }));
    assert.notEqual(
      journalScope({ url: null, dataDir: '/srv/a/data' }),
      journalScope({ url: null, dataDir: '/srv/b/data' }),
    );
  });
});
