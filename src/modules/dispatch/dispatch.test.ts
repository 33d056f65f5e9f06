import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, departmentId, type TestUser } from '../../test/fixtures.ts';
import { makeCitizenId, makeUscc, post } from '../../test/entry-fixtures.ts';
import { chinaDate, json, write } from '../shared/index.ts';
import { get, getOk, inbox, measureIds, publishEntries, TEST_CONFIG } from './dispatch.test-support.ts';
import { runDispatcher } from './dispatcher.ts';

let t: TestApp;
let amrOperator: TestUser,
  amrReviewer: TestUser,
  finance: TestUser,
  prtc: TestUser,
  ndrc: TestUser,
  tax: TestUser,
  auditor: TestUser;
// Key supervision is the initiating department's own measure; the other three belong to finance, prtc and ndrc.
const MEASURES = ['san_key_supervision', 'san_fiscal_funds', 'san_public_trading', 'san_project_approval'];

before(async () => {
  t = await createTestApp(TEST_CONFIG);
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  finance = await createUser(t, { roles: ['operator'], departmentCode: 'finance' });
  prtc = await createUser(t, { roles: ['operator'], departmentCode: 'prtc' });
  ndrc = await createUser(t, { roles: ['operator'], departmentCode: 'ndrc' });
  tax = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
});
after(async () => {
  await t.close();
});

const itemsFor = async (user: TestUser, entryId: string) =>
  (await inbox(t, user.headers)).filter((i: { streamId: string }) => i.streamId === entryId);

describe('dispatch of entries', () => {
  test("publishing an entry puts an item in each implementing department's inbox and in no other", async () => {
    const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
    const run = (await t.ctx.jobs.run('dispatch')) as { items: number };
    assert.equal(run.items, 3, 'finance, prtc and ndrc; not the initiating department');

    const today = chinaDate(t.clock.now());
    for (const [user, code] of [
      [finance, 'san_fiscal_funds'],
      [prtc, 'san_public_trading'],
      [ndrc, 'san_project_approval'],
    ] as const) {
      const items = await itemsFor(user, entry.id);
      assert.equal(items.length, 1, `one item for ${code}`);
      const item = items[0];
      assert.equal(item.type, 'entry.published');
      assert.equal(item.dataVersion, entry.dataVersion);
      assert.equal(item.feedbackRequired, true);
      assert.equal(item.open, true);
      assert.equal(item.overdue, false);
      assert.equal(item.due.from, today);
      assert.equal(item.due.days, 10);
      assert.equal(item.due.date, t.ctx.calendar.get().addWorkingDays(today, 10));
      assert.deepEqual(
        item.change.measures.map((m: { code: string }) => m.code),
        [code],
        'only the measures this department implements',
      );
      assert.equal(item.change.subject.name, entry.subject.name);
      assert.equal(item.change.state, 'in_effect');
      assert.equal(item.change.initiatingDepartment.code, 'amr');
      const detail = await getOk(t, `/api/v1/dispatches/${item.id}`, user.headers);
      assert.equal(detail.id, item.id);
    }
    assert.equal((await itemsFor(tax, entry.id)).length, 0, 'a department with no measure receives nothing');
    assert.equal((await itemsFor(amrOperator, entry.id)).length, 0, 'the initiating department receives nothing');

    const finItem = (await itemsFor(finance, entry.id))[0];
    assert.equal(
      (await get(t, `/api/v1/dispatches/${finItem.id}`, tax.headers)).statusCode,
      404,
      "another department's item is not found",
    );
    const all = await inbox(t, auditor.headers, `?departmentId=${finance.departmentId}`);
    assert.ok(
      all.some((i: { id: string }) => i.id === finItem.id),
      "the auditor sees every department's inbox",
    );

    const again = (await t.ctx.jobs.run('dispatch')) as { items: number };
    assert.equal(again.items, 0, 'a second run dispatches nothing twice');
  });

  test('ending an entry reaches every department that received it, with nothing to feed back', async () => {
    const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
    await t.ctx.jobs.run('dispatch');
    const ended = await post(t, `/api/v1/entries/${entry.id}/ending`, amrReviewer.headers, {
      reason: 'revoked',
      note: `认定依据被撤销（当事人代理人 ${makeCitizenId()}）`,
    });
    assert.equal(ended.statusCode, 200, ended.body);
    await t.ctx.jobs.run('dispatch');
    for (const user of [finance, prtc, ndrc]) {
      const items = await itemsFor(user, entry.id);
      assert.deepEqual(
        items.map((i: { type: string }) => i.type),
        ['entry.ended', 'entry.published'],
        'newest first',
      );
      const end = items[0];
      assert.equal(end.feedbackRequired, false);
      assert.equal(end.open, false);
      assert.equal(end.due, null);
      assert.equal(end.change.state, 'ended');
      assert.equal(end.change.event.payload.previousState, 'in_effect');
      assert.equal(end.change.ended.reason, 'revoked');
      assert.doesNotMatch(JSON.stringify(end), /\d{17}[\dX]/, 'an ID number typed into a note travels masked');
    }
    assert.equal((await itemsFor(tax, entry.id)).length, 0);
  });

  test('a correction reaches a department that received the original even when its measure was removed', async () => {
    const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
    await t.ctx.jobs.run('dispatch');
    // The objection workflow corrects entries; here the correction is written directly, as it would be.
    const [ndrcMeasure] = await measureIds(t, ['san_project_approval']);
    await write(t.ctx, 'user:test', async (w) => {
      await w.tx
        .deleteFrom('entry_measures')
        .where('entry_id', '=', entry.id)
        .where('measure_id', '=', ndrcMeasure!)
        .execute();
      w.event({
        stream: 'entry',
        streamId: entry.id,
        type: 'entry.corrected',
        departmentId: entry.department.id,
        payload: { changes: ['measures'] },
      });
    });
    await t.ctx.jobs.run('dispatch');
    const ndrcItem = (await itemsFor(ndrc, entry.id))[0];
    assert.equal(ndrcItem.type, 'entry.corrected');
    assert.deepEqual(ndrcItem.change.measures, [], 'it no longer implements anything here');
    assert.equal(ndrcItem.feedbackRequired, false);
    const financeItem = (await itemsFor(finance, entry.id))[0];
    assert.equal(financeItem.type, 'entry.corrected');
    assert.equal(financeItem.feedbackRequired, true, 'a correction of measures still applied asks for feedback again');
    assert.equal((await itemsFor(tax, entry.id)).length, 0);
  });

  test('an entry revoked before it took effect is dispatched to nobody', async () => {
    const draft = await post(t, '/api/v1/entries', amrOperator.headers, {
      listTypeId: (
        await t.ctx.db.selectFrom('list_types').select('id').where('code', '=', 'black_amr').executeTakeFirstOrThrow()
      ).id,
      subject: { uscc: makeUscc(), name: '示例区未生效测试有限公司' },
      reason: '测试',
    });
    await post(t, `/api/v1/entries/${draft.json().id}/ending`, amrReviewer.headers, {
      reason: 'revoked',
      note: '立案错误',
    });
    const run = (await t.ctx.jobs.run('dispatch')) as { items: number; events: number };
    assert.ok(run.events >= 2);
    assert.equal(run.items, 0);
  });

  test('inbox filters find open, overdue and informational items', async () => {
    const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
    await t.ctx.jobs.run('dispatch');
    const item = (await itemsFor(prtc, entry.id))[0];
    const overdueBefore = await inbox(t, prtc.headers, '?overdue=true');
    assert.ok(!overdueBefore.some((i: { id: string }) => i.id === item.id));
    t.clock.set(`${t.ctx.calendar.get().addWorkingDays(item.due.date, 1)}T02:00:00Z`);
    const overdue = await inbox(t, prtc.headers, '?overdue=true');
    const flagged = overdue.find((i: { id: string }) => i.id === item.id);
    assert.equal(flagged?.overdue, true, 'open past its due date');
    const informational = await inbox(t, prtc.headers, '?feedbackRequired=false');
    assert.ok(informational.every((i: { feedbackRequired: boolean }) => !i.feedbackRequired));
    const open = await inbox(t, prtc.headers, '?open=true&limit=500');
    assert.ok(open.every((i: { open: boolean }) => i.open) && open.some((i: { id: string }) => i.id === item.id));
  });
});

describe('dispatch of dishonesty records', () => {
  async function recordWithEvent(sharing: 'all' | string[], type = 'record.created', existingId?: string) {
    const id = existingId ?? crypto.randomUUID();
    const amr = await departmentId(t, 'amr');
    await write(t.ctx, 'user:test', async (w) => {
      if (!existingId) {
        const domain = `test_${id.slice(0, 8)}`;
        await w.tx
          .insertInto('record_domains')
          .values({
            code: domain,
            name: '测试领域',
            sharing: json({ departments: sharing }),
            disclosure_working_days: 7,
            updated_at: w.now,
          })
          .execute();
        const subject = (await w.tx.selectFrom('subjects').select('id').limit(1).executeTakeFirstOrThrow()).id;
        await w.tx
          .insertInto('records')
          .values({
            id,
            subject_id: subject,
            department_id: amr,
            domain,
            decision_no: `示市监罚〔2026〕${id.slice(0, 6)}号`,
            decision_date: '2026-02-10',
            facts: '未按规定公示年度报告',
            basis: '《企业信息公示暂行条例》',
            penalty_type: 'fine',
            amount: '5000.00',
            severity: 'general',
            rule: json({ ruleVersion: '2025-22', minMonths: 3, maxMonths: 12, disclosedByDefault: true }),
            disclosed: true,
            earliest_repair_date: '2026-05-10',
            disclosure_end: '2027-02-10',
            state: 'in_effect',
            ended_reason: null,
            ended_note: null,
            ended_at: null,
            objection_pending: false,
            repair_id: null,
            source_commitment_id: null,
            created_by: 'user:test',
            created_at: w.now,
            updated_at: w.now,
            last_version: '0',
          })
          .execute();
      }
      w.event({ stream: 'record', streamId: id, type, departmentId: amr, payload: {} });
    });
    await t.ctx.jobs.run('dispatch');
    return id;
  }

  test("a record goes to the departments of its domain's sharing scope, and later changes to everyone who received it", async () => {
    const id = await recordWithEvent(['tax', 'finance', 'amr']);
    const taxItems = (await inbox(t, tax.headers)).filter((i: { streamId: string }) => i.streamId === id);
    assert.equal(taxItems.length, 1);
    assert.equal(taxItems[0].type, 'record.created');
    assert.equal(taxItems[0].feedbackRequired, false);
    assert.equal(taxItems[0].change.severity, 'general');
    assert.equal(
      (await inbox(t, amrOperator.headers)).filter((i: { streamId: string }) => i.streamId === id).length,
      0,
      'not the deciding department',
    );
    assert.equal(
      (await inbox(t, prtc.headers)).filter((i: { streamId: string }) => i.streamId === id).length,
      0,
      'outside the scope',
    );

    await recordWithEvent(['tax', 'finance', 'amr'], 'record.ended', id);
    const after = (await inbox(t, finance.headers)).filter((i: { streamId: string }) => i.streamId === id);
    assert.deepEqual(
      after.map((i: { type: string }) => i.type),
      ['record.ended', 'record.created'],
    );
  });

  test('a domain shared with all departments reaches every department except the deciding one', async () => {
    const id = await recordWithEvent('all');
    const rows = await t.ctx.db
      .selectFrom('dispatches')
      .innerJoin('departments', 'departments.id', 'dispatches.department_id')
      .select(['departments.code', 'departments.kind'])
      .where('stream_id', '=', id)
      .execute();
    const departments = await t.ctx.db
      .selectFrom('departments')
      .select('code')
      .where('kind', '=', 'department')
      .execute();
    assert.equal(rows.length, departments.length - 1);
    assert.ok(rows.every((r) => r.kind === 'department' && r.code !== 'amr'));
  });
});

describe('the dispatcher under load', () => {
  test('two dispatchers running at once never dispatch an event twice and catch up page by page', async () => {
    await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES, count: 3 });
    const [a, b] = await Promise.all([runDispatcher(t.ctx, { pageSize: 2 }), runDispatcher(t.ctx, { pageSize: 2 })]);
    assert.equal(a.items + b.items, 9, 'three entries × three departments');
    const duplicates = await t.ctx.db
      .selectFrom('dispatches')
      .select(['department_id', 'event_version'])
      .groupBy(['department_id', 'event_version'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    assert.equal(duplicates.length, 0);
    const head = await t.ctx.db.selectFrom('ledger_head').select('data_version').executeTakeFirstOrThrow();
    const cursor = await t.ctx.db
      .selectFrom('job_cursors')
      .select('version')
      .where('name', '=', 'dispatch')
      .executeTakeFirstOrThrow();
    assert.equal(BigInt(cursor.version), BigInt(head.data_version), 'the cursor reached the head of the log');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'dispatch.batch')
      .execute();
    assert.ok(audit.length > 0, 'each batch leaves one audit row');
  });
});

describe('feedback deadlines beyond the calendar', () => {
  test('an item due in a year without a calendar keeps its day 0 and days, with no guessed due date', async () => {
    t.clock.set('2026-12-24T02:00:00Z');
    const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
    await t.ctx.jobs.run('dispatch');
    const [item] = await itemsFor(finance, entry.id);
    assert.equal(item.feedbackRequired, true);
    assert.deepEqual(item.due, { from: chinaDate(t.clock.now()), days: 10, date: null });
    assert.equal(item.overdue, false);
  });
});
