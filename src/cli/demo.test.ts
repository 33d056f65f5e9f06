import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { login } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loadDemo } from './demo.ts';
import { clockFrom } from '../modules/shared/clock.ts';
import { DEMO_AS_OF, DEMO_PASSWORD, demoCompanies, demoUsers } from './demo.data.ts';

let t: TestApp;
const lines: string[] = [];
before(async () => {
  t = await createTestApp({ now: DEMO_AS_OF });
  assert.equal(await loadDemo(t.ctx, (line) => lines.push(line)), 0);
  await t.sync();
});
after(() => t.close());

test('the demo data set loads entries, records, an objection, a commitment and dispatch items, and says so once', async () => {
  const count = async (table: 'entries' | 'records' | 'objections' | 'commitments' | 'dispatches') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  assert.ok((await count('entries')) >= 15);
  assert.equal(await count('records'), 4);
  assert.equal(await count('objections'), 1);
  assert.equal(await count('commitments'), 1);
  assert.ok((await count('dispatches')) > 0, 'the published entries reached their implementing departments');
  assert.match(lines.join('\n'), /clk_/, 'the API keys are printed once');
  assert.equal(await loadDemo(t.ctx, () => {}), 0);
  assert.equal(await count('records'), 4, 'a second load adds nothing');
});

test('a demo account signs in and a demo company with a penalty record shows it in a check', async () => {
  const headers = await login(t, 'tax_reviewer', DEMO_PASSWORD);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/checks',
    headers,
    payload: { subjects: [{ uscc: demoCompanies[9]!.uscc }] },
  });
  assert.equal(res.statusCode, 200, res.body);
  const [result] = res.json().results;
  assert.ok(result.records.length >= 1, 'the tax fine shows as information');
  assert.equal(result.hits.length, 0, 'the decided-but-unpublished black entry is not a hit');
});

test('the demo loads as of its own date years later too, as `credlink demo` loads it, with entries in every state', async () => {
  const later = await createTestApp({ now: '2029-09-01T02:00:00Z' });
  try {
    assert.equal(await loadDemo({ ...later.ctx, clock: clockFrom(DEMO_AS_OF) }, () => {}), 0);
    const states = await later.ctx.db.selectFrom('entries').select('state').distinct().execute();
    assert.deepEqual(states.map((s) => s.state).sort(), [
      'decided',
      'draft',
      'ended',
      'in_effect',
      'nominated',
      'notice_served',
      'reviewed',
      'statement_recorded',
    ]);
  } finally {
    await later.close();
  }
});

test('the demo prints every demo account with its department and role, and how to make a new API key', async () => {
  const text = lines.join('\n');
  const names = new Map(
    (await t.ctx.db.selectFrom('departments').select(['code', 'name']).execute()).map((d) => [d.code, d.name]),
  );
  const roleWords: Record<string, string> = {
    operator: '经办人',
    reviewer: '审核人',
    credit_office: '信用办',
    auditor: '审计员',
  };
  for (const user of demoUsers) {
    const line = lines.find((l) => l.trim().startsWith(`${user.username} `));
    assert.ok(line, `${user.username} is listed`);
    assert.ok(line.includes(names.get(user.departmentCode)!), `${user.username}: its department`);
    assert.ok(line.includes(roleWords[user.roles[0]]!), `${user.username}: its role`);
  }
  assert.match(text, /POST \/api\/v1\/api-keys/, 'how to create a key when the printed ones are lost');
});
