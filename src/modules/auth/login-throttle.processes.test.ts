import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

// Several processes, each with its own connection pool, send login attempts at the same instant to one PostgreSQL
// database: the advisory lock on the client address must hold the limits across all of them, as it does within one.
const url = process.env.DATABASE_URL;
const PROCESSES = 3;
const root = path.resolve(import.meta.dirname, '../../..');

// Each child composes only what login needs, on a clock fixed at the test's instant, then waits for "go".
const CHILD = `import { loadConfig } from './src/app/config.ts';
  import { openDatabase } from './src/app/database.ts';
  import { createLogger } from './src/app/logger.ts';
  import { login } from './src/modules/auth/auth.usecases.ts';
  import { ManualClock } from './src/modules/shared/clock.ts';
  const job = JSON.parse(process.env.THROTTLE_JOB);
  const database = await openDatabase({ databaseUrl: job.url, dataDir: '', schema: job.schema, poolSize: job.attempts.length });
  const ctx = { db: database.db, clock: new ManualClock(job.at), config: loadConfig({}), log: createLogger('silent') };
  // Open every connection before the start, so the attempts overlap for real.
  await Promise.all(job.attempts.map(() => database.db.selectFrom('users').select('id').limit(1).execute()));
  console.log('ready');
  process.stdin.once('data', async () => {
    const outcomes = await Promise.all(job.attempts.map((a) => login(ctx, a).then(() => 200, (e) => e.status ?? String(e))));
    console.log(JSON.stringify(outcomes));
    await database.close();
  });`;

type Attempt = { username: string; password: string; ip: string };

async function runTogether(t: TestApp, jobs: Attempt[][]): Promise<number[]> {
  const schema = (t.ctx.database as { schema?: string | null }).schema;
  const children = jobs.map((attempts) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: root,
      env: { ...process.env, THROTTLE_JOB: JSON.stringify({ url, schema, at: t.clock.now().toISOString(), attempts }) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    let buffer = '';
    const waiters: (() => void)[] = [];
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts.filter(Boolean));
      waiters.splice(0).forEach((w) => w());
    });
    const line = (n: number) =>
      new Promise<string>((resolve, reject) => {
        const check = () => (lines.length > n ? resolve(lines[n]!) : waiters.push(check));
        child.once('exit', (code) =>
          lines.length > n ? resolve(lines[n]!) : reject(new Error(`child exited with ${code}`)),
        );
        check();
      });
    return { child, line };
  });
  assert.deepEqual(
    await Promise.all(children.map((c) => c.line(0))),
    jobs.map(() => 'ready'),
  );
  for (const c of children) c.child.stdin.end('go\n');
  const results = await Promise.all(children.map((c) => c.line(1)));
  return results.flatMap((r) => JSON.parse(r) as number[]);
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

let t: TestApp;
let user: TestUser;
before(async () => {
  if (!url) return;
  t = await createTestApp();
  user = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
});
after(async () => {
  await t?.close();
});

test(
  'guesses on one account from one address, sent at once by three processes, get five password checks in all',
  {
    skip: url ? false : 'needs PostgreSQL (DATABASE_URL): the embedded database admits one process',
    timeout: 180_000,
  },
  async () => {
    const jobs = Array.from({ length: PROCESSES }, (_, p) =>
      Array.from({ length: 6 }, (_, i) => ({
        username: user.username,
        password: `guess-${p}-${i}`,
        ip: '203.0.113.30',
      })),
    );
    assert.deepEqual(tally(await runTogether(t, jobs)), { 401: 5, 429: 13 });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '198.51.100.30',
      payload: { username: user.username, password: user.password },
    });
    assert.equal(other.statusCode, 200, 'another address is not held back');
  },
);

test(
  'one password sprayed over 36 usernames from one address by three processes at once gets twenty checks in all',
  {
    skip: url ? false : 'needs PostgreSQL (DATABASE_URL): the embedded database admits one process',
    timeout: 180_000,
  },
  async () => {
    const jobs = Array.from({ length: PROCESSES }, (_, p) =>
      Array.from({ length: 12 }, (_, i) => ({
        username: `spray-${p}-${i}`,
        password: 'Spring-2026',
        ip: '203.0.113.31',
      })),
    );
    assert.deepEqual(tally(await runTogether(t, jobs)), { 401: 20, 429: 16 });
  },
);
