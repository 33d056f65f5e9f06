import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser } from '../../test/fixtures.ts';
import { createTestApp } from '../../test/harness.ts';

const put = (t: Awaited<ReturnType<typeof createTestApp>>, headers: Record<string, string>, siteName: unknown) =>
  t.app.inject({ method: 'PUT', url: '/api/v1/settings/site', headers, payload: { siteName } });
const header = async (t: Awaited<ReturnType<typeof createTestApp>>) =>
  /<a class="brand" href="\/">([^<]*)<\/a>/.exec((await t.app.inject({ method: 'GET', url: '/' })).body)?.[1];

test('the credit office renames the portal: every page says the new name at once, and the audit log records who did', async () => {
  const t = await createTestApp();
  try {
    const office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
    assert.equal(await header(t), '信用信息公示平台');
    const res = await put(t, office.headers, ' 信用历城 ');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().siteName, '信用历城');
    assert.equal(res.json().source, 'setting');
    await t.sync();
    assert.equal(await header(t), '信用历城');
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit-log?limit=200', headers: office.headers });
    const row = audit.json().items.find((a: { action: string }) => a.action === 'settings.site_name_changed');
    assert.deepEqual(row?.details, { from: null, to: '信用历城' });
  } finally {
    await t.close();
  }
});

test('CREDLINK_SITE_NAME outranks the stored name, and the answer says which one the pages use', async () => {
  const t = await createTestApp({ config: { siteName: '信用济阳' } });
  try {
    const office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
    const res = await put(t, office.headers, '信用历城');
    assert.equal(res.json().siteName, '信用济阳');
    assert.equal(res.json().source, 'configuration');
    assert.equal(res.json().stored.value, '信用历城');
    assert.equal(await header(t), '信用济阳');
  } finally {
    await t.close();
  }
});

test('only the credit office and administrators rename the portal, and a name of 1 or 31 characters is refused, changing nothing', async () => {
  const t = await createTestApp();
  try {
    const operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
    const office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
    assert.equal((await put(t, operator.headers, '信用历城')).statusCode, 403);
    for (const name of ['信', '信'.repeat(31)]) {
      const res = await put(t, office.headers, name);
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error.message, /siteName/);
    }
    const now = await t.app.inject({ method: 'GET', url: '/api/v1/settings/site', headers: office.headers });
    assert.deepEqual(now.json(), { siteName: '信用信息公示平台', source: 'default', stored: null });
  } finally {
    await t.close();
  }
});
