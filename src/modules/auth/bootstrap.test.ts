import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../shared/index.ts';
import { openTestDatabase } from '../../test/database.ts';
import { ensureAdmin } from './bootstrap.ts';
import { verifyPassword } from './passwords.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
before(async () => {
  database = await openTestDatabase();
});
after(async () => {
  await database.close();
});

const silent = { info() {}, warn() {} };

async function capture(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(args.join(' '));
  };
  try {
    await fn();
  } finally {
    console.log = original;
  }
  return lines;
}

test('on an empty database without a configured password, admin gets a generated one, printed once, to be changed', async () => {
  const deps = { db: database.db, clock: new ManualClock(), config: { adminPassword: null }, log: silent };
  const printed = await capture(() => ensureAdmin(deps));
  const line = printed.find((l) => l.startsWith('初始管理员密码 / initial admin password: '));
  assert.ok(line, printed.join('\n'));
  const password = line.split(': ')[1]!;
  assert.match(password, /^[A-Za-z0-9]{20}$/);

  const admin = await database.db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.password_hash',
      'users.must_change_password',
      'users.roles',
      'departments.code',
      'departments.kind',
      'departments.name',
    ])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  assert.equal(admin.must_change_password, true);
  assert.deepEqual(admin.roles, ['admin']);
  assert.deepEqual([admin.code, admin.kind, admin.name], ['credit_office', 'credit_office', '信用办']);
  assert.equal(await verifyPassword(password, admin.password_hash), true);

  const audit = await database.db.selectFrom('audit_log').select(['actor', 'action', 'details']).execute();
  assert.deepEqual(
    audit.map((a) => [a.actor, a.action]),
    [
      ['system:bootstrap', 'department.created'],
      ['system:bootstrap', 'user.created'],
    ],
  );
  assert.ok(!JSON.stringify(audit).includes(password));

  // A second start finds the account and prints nothing.
  assert.deepEqual(await capture(() => ensureAdmin({ ...deps, config: { adminPassword: 'Other-Password-1' } })), []);
  assert.equal((await database.db.selectFrom('users').select('id').execute()).length, 1);
});
