import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../app/database.ts';
import { takeCheckpoint } from '../modules/audit/audit.usecases.ts';
import { createDepartment, recordCheckBatch, type AuditFixture } from '../modules/audit/audit.test-support.ts';
import { configFor, startInstallation, tempParent } from '../test/installation.ts';
import { backupCli, BackupRefusedError, restoreCli } from './backup.ts';
import { auditVerifyCli, EXIT_NOTHING_TO_VERIFY } from './verify.ts';

// One installation on disk for the file, with audit rows, check batches and a signed checkpoint.
let dir: string;
let source: string;
let keyDir: string;
let auditSeq: bigint;
const lines = () => {
  const out: string[] = [];
  return { out, push: (line: string) => out.push(line) };
};
const filesIn = (d: string) => fs.readdirSync(d).sort();

before(async () => {
  dir = tempParent();
  source = path.join(dir, 'office');
  const app = await startInstallation(configFor(source));
  keyDir = path.dirname(app.config.secretKeyFile);
  const fixture = { db: app.ctx.db, clock: app.clock } as unknown as AuditFixture;
  const department = await createDepartment(app.ctx.db);
  await recordCheckBatch(fixture, department, 5);
  await recordCheckBatch(fixture, department, 2);
  await takeCheckpoint(app.ctx);
  auditSeq = (await app.ctx.db.selectFrom('ledger_head').select('audit_seq').executeTakeFirstOrThrow()).audit_seq;
  await app.close();
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a backup restored into a new data directory verifies its audit chain there, check batches and checkpoint included', async () => {
  const file = path.join(dir, 'office-backup.tar.gz');
  const backup = lines();
  assert.equal(await backupCli(configFor(source), file, backup.push), 0);
  assert.match(backup.out.join('\n'), /备份中不含密钥.*office-keys/);
  if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o600);

  const target = path.join(dir, 'restored');
  const restore = lines();
  assert.equal(await restoreCli(configFor(target), file, restore.push), 0);
  assert.match(restore.out.join('\n'), new RegExp(`审计记录至序号 ${auditSeq}`));
  assert.match(restore.out.join('\n'), /restored-keys.*server\.key/, 'it says where the keys must go');

  // Without the keys of the installation the backup came from, verification cannot start and makes no key.
  await assert.rejects(
    auditVerifyCli(
      configFor(target),
      () => {},
      () => {},
    ),
    /找不到服务器密钥文件/,
  );
  assert.equal(fs.existsSync(path.join(dir, 'restored-keys')), false);

  fs.cpSync(keyDir, path.join(dir, 'restored-keys'), { recursive: true });
  const report = lines();
  assert.equal(await auditVerifyCli(configFor(target), report.push, report.push), 0, report.out.join('\n'));
  const text = report.out.join('\n');
  assert.match(text, new RegExp(`已核验审计记录：${auditSeq} 条`));
  assert.match(text, /已核验核查批次：2 个/);
  assert.match(text, new RegExp(`最后一个有效检查点序号 ${auditSeq}`));
  assert.match(text, /审计链完整/);

  await assert.rejects(
    restoreCli(configFor(target), file, () => {}),
    (error: Error) => error instanceof BackupRefusedError && /不会覆盖/.test(error.message),
  );
  await assert.rejects(
    backupCli(configFor(source), file, () => {}),
    /已存在：不会覆盖/,
  );
});

test('a backup while the server holds the data directory is refused with how to stop it, and writes nothing', async () => {
  const running = await openDatabase({ databaseUrl: null, dataDir: source });
  try {
    const file = path.join(dir, 'during-run.tar.gz');
    await assert.rejects(
      backupCli(configFor(source), file, () => {}),
      (error: Error) =>
        error instanceof BackupRefusedError &&
        /正被进程 \d+/.test(error.message) &&
        /请先停止该进程.*kill -TERM/.test(error.message),
    );
    assert.equal(fs.existsSync(file), false);
  } finally {
    await running.close();
  }
});

test('PostgreSQL users are pointed to pg_dump', async () => {
  await assert.rejects(
    backupCli(configFor(source, { DATABASE_URL: 'postgres://u:secret@db.example/credlink' }), 'x.tar.gz', () => {}),
    /pg_dump/,
  );
});

test('audit verify reads the installation without the tip-off key and writes nothing', async () => {
  const before = { data: filesIn(source), keys: filesIn(keyDir), parent: filesIn(dir) };
  const report = lines();
  const code = await auditVerifyCli(
    configFor(source, { CREDLINK_TIPOFF_KEY_FILE: path.join(dir, 'no-such-tipoff.key') }),
    report.push,
    report.push,
  );
  assert.equal(code, 0, report.out.join('\n'));
  assert.deepEqual({ data: filesIn(source), keys: filesIn(keyDir), parent: filesIn(dir) }, before);
});

test('audit verify on a database without audit rows is an error of its own naming the data directory, not a clean chain', async () => {
  const empty = path.join(dir, 'no-audit');
  fs.cpSync(source, empty, { recursive: true });
  fs.cpSync(keyDir, path.join(dir, 'no-audit-keys'), { recursive: true });
  const database = await openDatabase({ databaseUrl: null, dataDir: empty });
  for (const statement of [
    'delete from check_records',
    'delete from audit_checkpoints',
    'delete from audit_log',
    'update ledger_head set audit_seq = 0',
  ]) {
    await sql.raw(statement).execute(database.db);
  }
  await database.close();
  const out = lines();
  const err = lines();
  assert.equal(await auditVerifyCli(configFor(empty), out.push, err.push), EXIT_NOTHING_TO_VERIFY);
  assert.match(err.out.join('\n'), new RegExp(`${empty.replaceAll('\\', '\\\\')} 中没有任何审计记录`));
  assert.doesNotMatch(out.out.join('\n'), /审计链完整/);
});
