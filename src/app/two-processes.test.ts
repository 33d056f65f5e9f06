import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { makeCitizenId, makeUscc } from '../test/entry-fixtures.ts';
import { chinaDate } from '../modules/shared/working-days.ts';

// Two real server processes on one PostgreSQL: what one publishes, the other's checks answer.
const url = process.env.DATABASE_URL;
const root = path.resolve(import.meta.dirname, '../..');
const schema = `t_${randomBytes(6).toString('hex')}`;
const servers: { proc: ChildProcess; base: string }[] = [];
const ADMIN_PASSWORD = 'Two-Process-2026';

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: Error | undefined;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}: ${last ?? ''}`);
}

async function call(base: string, method: string, route: string, token: string | null, body?: unknown) {
  const res = await fetch(base + route, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function ok(base: string, method: string, route: string, token: string | null, body?: unknown) {
  const res = await call(base, method, route, token, body);
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

before(async () => {
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const secret = randomBytes(32).toString('hex');
  const separator = url.includes('?') ? '&' : '?';
  for (const port of [0, 1].map(() => 20000 + Math.floor(Math.random() * 20000))) {
    const proc = spawn(process.execPath, ['bin/credlink.mjs', 'start'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        CREDLINK_ADMIN_PASSWORD: ADMIN_PASSWORD,
        CREDLINK_SECRET_KEY: secret,
        CREDLINK_TIPOFF_KEYS: `t1:${secret}`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    servers.push({ proc, base: `http://127.0.0.1:${port}` });
    // One at a time: the first migrates and seeds, the second finds it done.
    await waitFor('readyz', 120, async () =>
      (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined,
    );
  }
});

after(async () => {
  for (const s of servers) s.proc.kill('SIGTERM');
  await Promise.all(
    servers.map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once('exit', r)))),
  );
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
});

test(
  'an entry published through one server process shows in checks answered by another',
  { timeout: 240_000 },
  async (t) => {
    if (!url) return t.skip('needs PostgreSQL (DATABASE_URL)');
    const [a, b] = servers.map((s) => s.base) as [string, string];
    const admin = (await ok(a, 'POST', '/api/v1/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD }))
      .token;
    const departments: { id: string; code: string }[] = (await ok(a, 'GET', '/api/v1/departments', admin)).items;
    const dept = (code: string) => departments.find((d) => d.code === code)!.id;

    const user = async (role: 'operator' | 'reviewer') => {
      const username = `amr_${role}_${randomBytes(3).toString('hex')}`;
      await ok(a, 'POST', '/api/v1/users', admin, {
        username,
        displayName: username,
        departmentId: dept('amr'),
        roles: [role],
        password: 'Temporary-2026',
      });
      const token = (await ok(a, 'POST', '/api/v1/auth/login', null, { username, password: 'Temporary-2026' })).token;
      await ok(a, 'POST', '/api/v1/auth/password', token, {
        currentPassword: 'Temporary-2026',
        newPassword: 'Permanent-2026',
      });
      return token;
    };
    const operator = await user('operator');
    const reviewer = await user('reviewer');
    const { key } = await ok(a, 'POST', '/api/v1/api-keys', admin, {
      name: '公共资源交易系统',
      departmentId: dept('prtc'),
    });

    const uscc = makeUscc();
    const check = () => call(b, 'POST', '/api/v1/checks', key, { subjects: [{ uscc }] });
    const before = await waitFor('the API key to reach the other process', 10, async () => {
      const res = await check();
      return res.status === 200 ? res.body : undefined;
    });
    assert.equal(before.results[0].hits.length, 0);

    const listTypes: { id: string; code: string }[] = (await ok(a, 'GET', '/api/v1/list-types?kind=black', admin))
      .items;
    const listTypeId = listTypes.find((l) => l.code === 'black_amr')!.id;
    const measures: { id: string }[] = (await ok(a, 'GET', `/api/v1/measures?listTypeId=${listTypeId}`, admin)).items;
    const entry = await ok(a, 'POST', '/api/v1/entries', operator, {
      listTypeId,
      subject: { uscc, name: '示例区双进程测试有限公司' },
      reason: '测试',
    });
    await ok(a, 'POST', `/api/v1/entries/${entry.id}/notice`, operator, {
      documentNo: '告知1',
      servedDate: '2026-11-02',
      content: '告知',
    });
    await ok(a, 'POST', `/api/v1/entries/${entry.id}/decision`, reviewer, {
      documentNo: '认定1',
      date: chinaDate(new Date()),
      reason: '测试',
      basis: '依据',
      measureIds: measures.map((m) => m.id),
      removalConditions: '期满',
      removalProcedure: '申请',
      remedies: '复议或诉讼',
      basisDocument: { kind: 'penalty_decision', documentNo: '罚1', date: '2026-10-30' },
      relatedPersons: [{ citizenId: makeCitizenId(), name: '法人甲', role: 'legalRepresentative' }],
    });
    const published = await ok(a, 'POST', `/api/v1/entries/${entry.id}/publication`, reviewer, {});

    const seen = await waitFor('the publication to reach the other process', 10, async () => {
      const res = await check();
      return res.body.results[0].hits.length > 0 ? res.body : undefined;
    });
    assert.equal(seen.results[0].hits[0].entryId, entry.id);
    assert.ok(BigInt(seen.dataVersion) >= BigInt(published.dataVersion));
    assert.ok(seen.results[0].measures.length > 0, 'the measures the decision named apply on a code match');
  },
);
