import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../app/database.ts';
import { makeUscc } from '../../test/entry-fixtures.ts';
import { waitUntilReady } from '../../test/server-process.ts';
import { verifyAudit } from '../audit/index.ts';
import { createSecrets } from '../shared/index.ts';

// A real server process acknowledges checks and is killed with SIGKILL mid-burst; the next start replays its
// journal, and every acknowledged check is in check_records exactly once. On PGlite by default, on PostgreSQL
// when DATABASE_URL is set.
const root = path.resolve(import.meta.dirname, '../../..');
const pgUrl = process.env.DATABASE_URL || null;
const schema = `t_${randomBytes(6).toString('hex')}`;
const secret = randomBytes(32).toString('hex');
const ADMIN_PASSWORD = 'Crash-Journal-2026';
let work: string;

function serverUrl(): string | null {
  if (pgUrl === null) return null;
  const separator = pgUrl.includes('?') ? '&' : '?';
  return `${pgUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

before(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'credlink-crash-'));
  if (pgUrl === null) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
});

after(async () => {
  await fs.rm(work, { recursive: true, force: true });
  if (pgUrl === null) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
});

async function startServer(): Promise<{ proc: ChildProcess; base: string; exited: Promise<unknown> }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CREDLINK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CREDLINK_SECRET_KEY: secret,
    CREDLINK_TIPOFF_KEYS: `t1:${secret}`,
    LOG_LEVEL: 'warn',
    CREDLINK_DATA_DIR: path.join(work, 'data'),
    CREDLINK_CHECK_JOURNAL_DIR: path.join(work, 'journal'),
  };
  delete env.DATABASE_URL;
  const url = serverUrl();
  if (url !== null) env.DATABASE_URL = url;
  const proc = spawn(process.execPath, ['bin/credlink.mjs', 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(proc, base);
  return { proc, base, exited };
}

async function post(base: string, route: string, token: string | null, body: unknown) {
  const res = await fetch(base + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function storedChecks(ids: string[]) {
  const database = await openDatabase({ databaseUrl: serverUrl(), dataDir: path.join(work, 'data') });
  try {
    const rows = await database.db
      .selectFrom('check_records')
      .select('check_id')
      .where('check_id', 'in', ids)
      .execute();
    const setAside = await database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'check.set_aside')
      .execute();
    const audit = await verifyAudit({ db: database.db, secrets: createSecrets(Buffer.from(secret, 'hex')) });
    return {
      ids: rows.map((r) => r.check_id),
      setAside: setAside.length,
      auditProblems: audit.problems.map((p) => p.code),
    };
  } finally {
    await database.close();
  }
}

/**
 * Checks from 16 clients at once until the process is killed: those answered 200 were acknowledged. The client
 * whose answer makes the 200th acknowledgement sends the kill itself, so the newest acknowledgements are still
 * waiting for the recorder's next batch when the process dies.
 */
async function burstThenKill(server: Awaited<ReturnType<typeof startServer>>, key: string): Promise<string[]> {
  const acknowledged: string[] = [];
  let killed = false;
  const client = async () => {
    while (!killed) {
      try {
        const res = await post(server.base, '/api/v1/checks', key, { subjects: [{ uscc: makeUscc() }] });
        if (res.status === 200 && !killed) {
          acknowledged.push(res.body.checkId as string);
          if (acknowledged.length >= 200) {
            server.proc.kill('SIGKILL');
            killed = true;
          }
        }
      } catch {
        /* the connection died with the process */
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, client));
  await server.exited;
  return acknowledged;
}

test(
  'every check acknowledged before a kill -9 is recorded exactly once after the next start',
  { timeout: 600_000 },
  async () => {
    let server = await startServer();
    const login = await post(server.base, '/api/v1/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD });
    const admin = login.body.token as string;
    const departments = (await (
      await fetch(`${server.base}/api/v1/departments`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { items: { id: string; code: string }[] };
    const created = await post(server.base, '/api/v1/api-keys', admin, {
      name: '行政审批系统',
      departmentId: departments.items.find((d) => d.code === 'approval')!.id,
    });
    const key = created.body.key as string;

    // The recorder writes a batch every second, so on a busy machine a kill can land just after a batch that
    // held every acknowledgement. Such a round proves nothing: the server is started again (replaying nothing
    // lost) and killed again, at most three times, until a kill leaves acknowledged checks only in the journal.
    const answered: string[] = [];
    let journalOnly = 0;
    for (let round = 1; round <= 3 && journalOnly === 0; round++) {
      if (round > 1) server = await startServer();
      const acknowledged = await burstThenKill(server, key);
      answered.push(...acknowledged);
      journalOnly = acknowledged.length - (await storedChecks(acknowledged)).ids.length;
    }
    assert.ok(journalOnly > 0, 'some kill came before acknowledged records reached the database');

    const second = await startServer();
    second.proc.kill('SIGTERM');
    await second.exited;

    const after = await storedChecks(answered);
    assert.equal(after.ids.length, answered.length, 'every acknowledged check is recorded');
    assert.equal(new Set(after.ids).size, answered.length);
    assert.equal(after.setAside, 0);
    assert.deepEqual(
      after.auditProblems.filter((c) => c !== 'audit.checkpoint_other_key'),
      [],
    );
    const left = await fs.readdir(path.join(work, 'journal'), { recursive: true });
    assert.deepEqual(
      left.filter((f) => f.endsWith('.journal')),
      [],
      'the replayed journal is gone',
    );
  },
);
