import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminHeaders, createApiKey, createUser, type TestUser } from '../../test/fixtures.ts';
import { listTypeId, makeUscc, post } from '../../test/entry-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { insertDueItem } from './reminders.test-support.ts';

// Monday 1 June 2026; the reminder lead is 2 working days, so "near" means due by Wednesday 3 June.
let t: TestApp;
let amr: TestUser, tax: TestUser, office: TestUser, auditor: TestUser;
const ids: Record<string, string> = {};

interface Item {
  kind: string;
  id: string;
  title: string;
  dueDate: string;
  overdue: boolean;
  daysLeft: number;
  link: string;
  department?: { code: string };
}

async function servedNotice(servedDate: string) {
  const draft = await post(t, '/api/v1/entries', amr.headers, {
    listTypeId: await listTypeId(t, 'black_amr'),
    subject: { uscc: makeUscc(), name: '示例区提醒测试有限公司' },
    reason: '测试',
  });
  const noticed = await post(t, `/api/v1/entries/${draft.json().id}/notice`, amr.headers, {
    documentNo: `告知〔2026〕${servedDate}号`,
    servedDate,
    content: '告知',
  });
  assert.equal(noticed.statusCode, 200, noticed.body);
  return noticed.json();
}

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-06-01T02:00:00Z',
  });
  amr = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  tax = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
  const add = async (
    name: string,
    table: Parameters<typeof insertDueItem>[1],
    o: Parameters<typeof insertDueItem>[2],
  ) => {
    ids[name] = (await insertDueItem(t, table, o)).id;
  };
  await add('objection', 'objections', { departmentCode: 'amr', from: '2026-05-29', days: 3 }); // due 3 June
  await add('repairReceived', 'repairs', { departmentCode: 'amr', from: '2026-05-25', days: 3 }); // due 28 May
  await add('repairAccepted', 'repairs', { departmentCode: 'amr', from: '2026-06-01', days: 1, state: 'accepted' }); // due 2 June
  await add('dispatchLater', 'dispatches', { departmentCode: 'amr', from: '2026-06-01', days: 10 }); // due 15 June
  await add('commitment', 'commitments', { departmentCode: 'amr', from: '2026-05-20', days: 5 }); // due 27 May
  await add('closed', 'objections', { departmentCode: 'amr', from: '2026-05-20', days: 1, closed: true });
  await add('tipoff', 'tipoffs', { departmentCode: 'amr', from: '2026-05-29', days: 1 }); // due today
  await add('taxDispatch', 'dispatches', { departmentCode: 'tax', from: '2026-05-20', days: 3 }); // due 25 May
  await add('taxTipoff', 'tipoffs', { departmentCode: 'tax', from: '2026-05-20', days: 2 }); // due 22 May
  ids.statement = (await servedNotice('2026-05-27')).id; // statement period ends 3 June
  ids.decision = (await servedNotice('2026-05-18')).id; // statement period ended 25 May, no decision yet
});
after(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const mine = (items: Item[]) => items.filter((i) => Object.values(ids).includes(i.id));
const named = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe('the inbox', () => {
  test("shows the department's open items near or past their deadline, soonest first, with working days left", async () => {
    const response = await get('/api/v1/inbox', amr.headers);
    assert.equal(response.statusCode, 200, response.body);
    const items = mine(response.json().items);
    assert.deepEqual(
      items.map((i) => [named(i.id), i.kind, i.dueDate, i.overdue, i.daysLeft]),
      [
        ['decision', 'decision', '2026-05-25', true, -5],
        ['commitment', 'commitment', '2026-05-27', true, -3],
        ['repairReceived', 'repair', '2026-05-28', true, -2],
        ['tipoff', 'tipoff', '2026-06-01', false, 0],
        ['repairAccepted', 'repair', '2026-06-02', false, 1],
        ['objection', 'objection', '2026-06-03', false, 2],
        ['statement', 'statement', '2026-06-03', false, 2],
      ],
    );
    const byName = (name: string) => items.find((i) => i.id === ids[name])!;
    assert.match(byName('repairReceived').title, /^信用修复待受理（T[0-9A-F]+）$/);
    assert.match(byName('repairAccepted').title, /^信用修复待决定/);
    assert.match(byName('decision').title, /陈述申辩期已届满，待作出认定决定/);
    assert.match(byName('statement').title, /「市场监督管理严重违法失信名单」陈述申辩期限/);
    assert.equal(byName('objection').link, `/api/v1/objections/${ids.objection}`);
    assert.equal(byName('decision').link, `/api/v1/entries/${ids.decision}`);
    assert.equal(response.json().total, 7);
  });

  test('shows nothing of another department, and a tip-off only to the department that received it, without reporter data', async () => {
    const amrBody = (await get('/api/v1/inbox', amr.headers)).body;
    assert.ok(!amrBody.includes(ids.taxDispatch!) && !amrBody.includes(ids.taxTipoff!));
    const taxResponse = await get('/api/v1/inbox', tax.headers);
    assert.deepEqual(
      mine(taxResponse.json().items).map((i) => named(i.id)),
      ['taxTipoff', 'taxDispatch'],
    );
    const officeItems = mine((await get('/api/v1/inbox', office.headers)).json().items);
    assert.deepEqual(officeItems, [], "the credit office's own inbox holds only its own department's items");
    for (const body of [amrBody, taxResponse.body]) {
      assert.doesNotMatch(body, /王某某|13800000000|被举报的测试公司|sealed/);
    }
    const tipoff = mine(taxResponse.json().items).find((i) => i.kind === 'tipoff')!;
    assert.equal(tipoff.title, '举报待办理');
  });

  test('a department system with an API key reads the same inbox, page by page', async () => {
    const key = await createApiKey(t, 'amr');
    const first = (await get('/api/v1/inbox?limit=2', key.headers)).json();
    assert.equal(first.items.length, 2);
    assert.equal(first.total, 7);
    const second = (await get(`/api/v1/inbox?limit=2&cursor=${first.nextCursor}`, key.headers)).json();
    assert.deepEqual(
      second.items.map((i: Item) => named(i.id)),
      ['repairReceived', 'tipoff'],
    );
  });

  test('the reminder lead the credit office sets decides how early an item appears', async () => {
    const put = (workingDays: number) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/settings/deadlines/reminder_lead',
        headers: office.headers,
        payload: { workingDays },
      });
    assert.equal((await put(0)).statusCode, 200);
    const today = mine((await get('/api/v1/inbox', amr.headers)).json().items).map((i) => named(i.id));
    assert.deepEqual(today, ['decision', 'commitment', 'repairReceived', 'tipoff']);
    assert.equal((await put(10)).statusCode, 200);
    const later = mine((await get('/api/v1/inbox', amr.headers)).json().items).map((i) => named(i.id));
    assert.ok(later.includes('dispatchLater'));
    assert.equal((await put(2)).statusCode, 200);
  });
});

describe('the overdue view', () => {
  test("shows the credit office every department's overdue items with counts per department and kind", async () => {
    const response = await get('/api/v1/overdue', office.headers);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(
      mine(body.items).map((i: Item) => [named(i.id), i.department!.code, i.daysLeft]),
      [
        ['taxTipoff', 'tax', -6],
        ['decision', 'amr', -5],
        ['taxDispatch', 'tax', -5],
        ['commitment', 'amr', -3],
        ['repairReceived', 'amr', -2],
      ],
    );
    assert.ok(body.items.every((i: Item) => i.overdue));
    const count = (code: string, kind: string) =>
      body.counts.find(
        (c: { department: { code: string }; kind: string }) => c.department.code === code && c.kind === kind,
      )?.count;
    assert.equal(count('amr', 'repair'), 1);
    assert.equal(count('amr', 'commitment'), 1);
    assert.equal(count('amr', 'decision'), 1);
    assert.equal(count('tax', 'tipoff'), 1);
    assert.equal(count('tax', 'dispatch'), 1);
    assert.equal(count('amr', 'objection'), undefined, 'a closed objection is not overdue');
    assert.equal(body.total, 5);
    assert.doesNotMatch(response.body, /王某某|13800000000|被举报的测试公司|sealed/);
  });

  test('auditors and administrators see it too; department staff are refused', async () => {
    assert.equal((await get('/api/v1/overdue', auditor.headers)).statusCode, 200);
    assert.equal((await get('/api/v1/overdue', await adminHeaders(t))).statusCode, 200);
    const refused = await get('/api/v1/overdue', amr.headers);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'reminders.forbidden');
    assert.equal((await get('/api/v1/overdue', (await createApiKey(t, 'tax')).headers)).statusCode, 403);
  });

  test('an item closed or moved past today leaves the view', async () => {
    await t.ctx.db
      .updateTable('repairs')
      .set({ closed_at: t.clock.now() })
      .where('id', '=', ids.repairReceived!)
      .execute();
    const items = mine((await get('/api/v1/overdue', office.headers)).json().items);
    assert.ok(!items.some((i) => i.id === ids.repairReceived));
  });
});
