import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../test/database.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';

const PARSE_SCRIPT = `
import { openTestDatabase } from './src/test/database.ts';
import { sql } from 'kysely';
const d = await openTestDatabase({ migrate: false });
const { rows } = await sql\`select date '2026-02-28' as d, 9007199254740993::int8 as big, 12.50::numeric as num,
  timestamptz '2026-06-01 08:30:00+08' as at, 7::int4 as small\`.execute(d.db);
const r = rows[0];
console.log(JSON.stringify({ d: r.d, big: typeof r.big + ':' + String(r.big), num: typeof r.num + ':' + r.num,
  at: r.at instanceof Date ? r.at.toISOString() : 'not a Date', small: r.small }));
await d.close();
`;

test('column types parse the same on both drivers and in every server time zone', () => {
  const outputs = ['UTC', 'Asia/Shanghai'].map((tz) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PARSE_SCRIPT], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
  });
  for (const out of outputs) {
    assert.deepEqual(out, {
      d: '2026-02-28',
      big: 'bigint:9007199254740993',
      num: 'string:12.50',
      at: '2026-06-01T00:30:00.000Z',
      small: 7,
    });
  }
});

test('a transaction that fails leaves nothing behind, and queries inside it see its own writes', async () => {
  const d = await openTestDatabase();
  try {
    await assert.rejects(
      d.db.transaction().execute(async (tx) => {
        await tx.insertInto('scenarios').values({ code: 'rollback_probe', name: '回滚探针' }).execute();
        const seen = await tx
          .selectFrom('scenarios')
          .select('code')
          .where('code', '=', 'rollback_probe')
          .executeTakeFirst();
        assert.ok(seen, 'the transaction sees its own insert');
        throw new Error('abort');
      }),
      /abort/,
    );
    const after = await sql<{ n: bigint }>`select count(*) as n from scenarios where code = 'rollback_probe'`.execute(
      d.db,
    );
    assert.equal(after.rows[0]!.n, 0n);
  } finally {
    await d.close();
  }
});

test("a second opener of the same embedded data directory is refused at once with the holder's PID", async (t) => {
  if (process.env.DATABASE_URL) return t.skip('embedded database only');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-lock-'));
  const first = await openDatabase({ databaseUrl: null, dataDir: dir });
  try {
    await assert.rejects(
      openDatabase({ databaseUrl: null, dataDir: dir }),
      DataDirLockedError,
      'not even the same process opens it twice',
    );
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { openDatabase } from './src/app/database.ts'; try { await openDatabase({ databaseUrl: null, dataDir: ${JSON.stringify(dir)} }); console.log('opened'); } catch (e) { console.log(e.name + ': ' + e.message); }`,
      ],
      { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..'), timeout: 60_000 },
    );
    assert.match(child.stdout, /DataDirLockedError: 数据目录 .* 正被进程 \d+ 使用/);
    assert.match(child.stdout, new RegExp(`进程 ${process.pid} `));
  } finally {
    await first.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock file left by a dead process is taken over', async (t) => {
  if (process.env.DATABASE_URL) return t.skip('embedded database only');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-lock-'));
  const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  fs.writeFileSync(path.join(dir, 'credlink.lock'), dead.stdout.trim());
  try {
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'credlink.lock'), 'utf8'), String(process.pid));
    await database.close();
    assert.equal(fs.existsSync(path.join(dir, 'credlink.lock')), false, 'released on close');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('of eight processes racing for a data directory whose lock a dead process left, exactly one gets it', async (t) => {
  if (process.env.DATABASE_URL) return t.skip('embedded database only');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-lock-'));
  const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  fs.writeFileSync(path.join(dir, 'credlink.lock'), dead.stdout.trim());
  // Every child loads first, then all try at the same instant, so that their attempts overlap for real.
  const startAt = Date.now() + 4000;
  // A winner holds the lock until its standard input closes, which happens only once every child has answered:
  // a child that starts late on a busy machine still finds the lock held.
  const script = `import { acquireDataDirLock } from './src/app/data-dir-lock.ts';
    while (Date.now() < ${startAt}) {}
    try { const lock = acquireDataDirLock(${JSON.stringify(dir)}); console.log('got'); process.stdin.on('end', () => lock.release()).resume(); }
    catch (e) { console.log(e.name); }`;
  try {
    const children = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: path.resolve(import.meta.dirname, '../..'),
      });
      child.stdin.on('error', () => {}); // a child that has already exited has no reader left
      let out = '';
      const answered = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.trim());
        });
        child.on('error', reject);
        child.on('exit', () => resolve(out.trim()));
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      return { child, answered, exited };
    });
    const outcomes = (await Promise.all(children.map((c) => c.answered))).sort();
    for (const c of children) c.child.stdin.end();
    await Promise.all(children.map((c) => c.exited));
    assert.deepEqual(outcomes, [
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'got',
    ]);
    assert.deepEqual(fs.readdirSync(dir), [], 'released, with nothing left beside it');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
