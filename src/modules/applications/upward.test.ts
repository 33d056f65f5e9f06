import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createApiKey, type Headers } from '../../test/fixtures.ts';
import { post } from '../../test/entry-fixtures.ts';
import { amrEntry, amrRecord, createStaff, get, party, type Staff } from '../objections/objections.test-support.ts';

let t: TestApp;
let s: Staff;
let officeKey: Headers, amrKey: Headers;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  s = await createStaff(t);
  officeKey = (await createApiKey(t, 'credit_office')).headers;
  amrKey = (await createApiKey(t, 'amr')).headers;
});
after(async () => {
  await t.close();
});

describe('filings from upward platforms (信用中国, provincial platform)', () => {
  test('the credit office enters them with their origin and number; the outcome is listed for reporting back', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const target = { stream: 'entry', id: entry.id };
    const byDepartmentKey = await post(t, '/api/v1/objections', amrKey, {
      target,
      party: party(uscc, name),
      content: '异议',
      origin: 'credit_china',
      originRef: 'XYZG-2026-0001',
    });
    assert.equal(byDepartmentKey.statusCode, 403);
    assert.equal(byDepartmentKey.json().error.code, 'upward.credit_office_only');
    const noRef = await post(t, '/api/v1/objections', officeKey, {
      target,
      party: party(uscc, name),
      content: '异议',
      origin: 'credit_china',
    });
    assert.equal(noRef.statusCode, 422);
    assert.equal(noRef.json().error.details.field, 'originRef');

    const filed = await post(t, '/api/v1/objections', officeKey, {
      target,
      party: party(uscc, name),
      content: '异议',
      origin: 'credit_china',
      originRef: 'XYZG-2026-0001',
    });
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(filed.json().origin, 'credit_china');
    assert.equal(filed.json().department.code, 'amr', 'it still goes to the department that decided');
    const before = (await get(t, '/api/v1/upward/outcomes', officeKey)).json().items;
    assert.ok(!before.some((o: { id: string }) => o.id === filed.json().id), 'not decided yet: not listed');

    const since = t.clock.now().toISOString();
    await post(t, `/api/v1/objections/${filed.json().id}/decision`, s.amrReviewer.headers, {
      outcome: 'rejected',
      reason: '认定事实清楚',
    });
    t.clock.advance(60_000);

    const record = await amrRecord(t, s, { decisionDate: '2025-11-01' });
    const repair = await post(t, '/api/v1/repairs', s.creditOffice.headers, {
      target: { stream: 'record', id: record.record.id },
      party: party(record.uscc, record.name),
      proof: { text: '已缴清罚款', attachments: [] },
      commitment: { content: '承诺守法经营' },
      origin: 'provincial',
      originRef: 'SD-XF-0099',
    });
    assert.equal(repair.statusCode, 201, repair.body);
    await post(t, `/api/v1/repairs/${repair.json().id}/acceptance`, s.amrOperator.headers, {});
    await post(t, `/api/v1/repairs/${repair.json().id}/decision`, s.amrReviewer.headers, {
      outcome: 'approved',
      reason: '符合修复条件',
    });

    const outcomes = await get(t, `/api/v1/upward/outcomes?since=${encodeURIComponent(since)}`, officeKey);
    assert.equal(outcomes.statusCode, 200, outcomes.body);
    const items = outcomes.json().items;
    assert.deepEqual(
      items.map((o: Record<string, unknown>) => [o.kind, o.origin, o.originRef, o.outcome, o.reason]),
      [
        ['objection', 'credit_china', 'XYZG-2026-0001', 'rejected', '认定事实清楚'],
        ['repair', 'provincial', 'SD-XF-0099', 'approved', '符合修复条件'],
      ],
    );
    assert.match(items[0].decisionDate, /^\d{4}-\d{2}-\d{2}$/);
    const onlyProvincial = (await get(t, '/api/v1/upward/outcomes?origin=provincial', s.creditOffice.headers)).json()
      .items;
    assert.deepEqual(
      onlyProvincial.map((o: { originRef: string }) => o.originRef),
      ['SD-XF-0099'],
    );
    const later = (
      await get(
        t,
        `/api/v1/upward/outcomes?since=${encodeURIComponent(new Date(t.clock.now().getTime() + 1000).toISOString())}`,
        officeKey,
      )
    ).json().items;
    assert.equal(later.length, 0);

    assert.equal((await get(t, '/api/v1/upward/outcomes', amrKey)).statusCode, 403);
    assert.equal((await get(t, '/api/v1/upward/outcomes', s.amrReviewer.headers)).statusCode, 403);
  });
});
