import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { makeUscc, post, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { amrEntry, amrRecord, check, staffedApp } from '../objections/objections.test-support.ts';
import { eventsOf, get, party, pdf, type Staff } from '../objections/objections.test-support.ts';

let t: TestApp;
let s: Staff;

before(async () => {
  ({ t, s } = await staffedApp());
});
after(() => t.close());

const body = (
  target: { stream: string; id: string },
  uscc: string,
  name: string,
  extra: Record<string, unknown> = {},
) => ({
  target,
  party: party(uscc, name),
  proof: { text: '已缴清罚款并完成整改', attachments: [pdf('缴款凭证.pdf')] },
  commitment: { content: '本单位承诺今后依法经营，不再发生同类失信行为。' },
  ...extra,
});
const file = (headers: Record<string, string>, payload: unknown) => post(t, '/api/v1/repairs', headers, payload);

describe('credit repair of dishonesty records', () => {
  test('a repair filed before the minimum period is refused with the date from which it can be filed, and nothing is stored', async () => {
    const { record, uscc, name } = await amrRecord(t, s, { decisionDate: '2026-03-02' });
    const refused = await file(s.amrOperator.headers, body({ stream: 'record', id: record.id }, uscc, name));
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().error.code, 'repair.too_early');
    assert.equal(
      refused.json().error.details.earliestDate,
      '2026-06-02',
      'a general record: three months from the decision date',
    );
    assert.match(refused.json().error.message, /2026-06-02/);
    const stored = await t.ctx.db.selectFrom('repairs').select('id').where('target_id', '=', record.id).execute();
    assert.equal(stored.length, 0);
  });

  test('a minor record can be repaired as soon as the obligation is fulfilled', async () => {
    const { record, uscc, name } = await amrRecord(t, s, { decisionDate: '2026-03-02', penaltyType: 'warning' });
    const filed = await file(s.amrOperator.headers, body({ stream: 'record', id: record.id }, uscc, name));
    assert.equal(filed.statusCode, 201, filed.body);
  });

  test('an approved repair ends the record with reason repaired; the commitment is recorded with its code and linked both ways', async () => {
    const { record, uscc, name } = await amrRecord(t, s, { decisionDate: '2025-11-01' });
    const disclosed = async () =>
      ((await get(t, `/api/v1/public/disclosures?uscc=${uscc}`, {})).json().items[0]?.records ?? []).length;
    assert.equal(await disclosed(), 1);
    assert.equal((await check(t, s.checker.headers, uscc, name)).records.length, 1);
    const filed = await file(s.taxOperator.headers, body({ stream: 'record', id: record.id }, uscc, name));
    assert.equal(filed.statusCode, 201, filed.body);
    const r = filed.json();
    assert.match(r.applicationNo, /^XF\d{14}$/);
    assert.equal(r.department.code, 'amr', 'the department that decided handles it');
    assert.equal(r.state, 'received');
    assert.equal(r.dueDays, 3);
    assert.match(r.commitment.code, /^\d{20}$/);
    const commitment = await t.ctx.db
      .selectFrom('commitments')
      .selectAll()
      .where('id', '=', r.commitment.id)
      .executeTakeFirstOrThrow();
    assert.equal(commitment.type, 'repair');
    assert.equal(commitment.repair_id, r.id);
    assert.equal(commitment.code.slice(0, 6), t.ctx.config.divisionCode);

    const early = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrReviewer.headers, {
      outcome: 'approved',
      reason: '符合条件',
    });
    assert.equal(early.statusCode, 409, 'not yet accepted');
    assert.equal(early.json().error.details.state, 'received');
    assert.match(early.json().error.message, /待受理/);

    const accepted = await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.amrOperator.headers, {});
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().state, 'accepted');
    assert.equal(accepted.json().dueDays, 10);

    const approved = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrReviewer.headers, {
      outcome: 'approved',
      reason: '已履行义务，作出信用承诺',
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().state, 'approved');
    assert.ok(approved.json().closedAt);
    const row = await t.ctx.db.selectFrom('records').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'ended');
    assert.equal(row.ended_reason, 'repaired');
    assert.equal(row.repair_id, r.id);
    const ended = (await eventsOf(t, 'record', record.id)).find((e) => e.type === 'record.ended')!;
    assert.equal(ended.payload.reason, 'repaired');
    assert.equal(
      (await get(t, `/api/v1/public/repair-notices/record/${record.id}`, {})).statusCode,
      404,
      'no longer disclosed',
    );
    assert.equal(await disclosed(), 0, 'public disclosure stops');
    assert.equal(
      (await check(t, s.checker.headers, uscc, name)).records.length,
      0,
      'sharing stops: the check no longer returns it',
    );
    assert.deepEqual(
      (await eventsOf(t, 'repair', r.id)).map((e) => e.type),
      ['repair.filed', 'repair.accepted', 'repair.decided'],
    );
  });
});

describe('credit repair of list entries', () => {
  let financeOperator: TestUser, financeReviewer: TestUser;
  before(async () => {
    financeOperator = await createUser(t, { roles: ['operator'], departmentCode: 'finance' });
    financeReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'finance' });
  });

  test("the list type's early-removal rule applies: too early names the date, a list without early removal is refused", async () => {
    const { entry, uscc, name } = await amrEntry(t, s, { basisDate: '2026-02-20' });
    const early = await file(s.amrOperator.headers, body({ stream: 'entry', id: entry.id }, uscc, name));
    assert.equal(early.statusCode, 422);
    assert.equal(early.json().error.code, 'repair.too_early');
    assert.equal(early.json().error.details.earliestDate, '2027-02-20');

    const uscc2 = makeUscc();
    const procurement = await publishBlackEntry(t, {
      operator: financeOperator,
      reviewer: financeReviewer,
      listTypeCode: 'black_procurement',
      subject: { uscc: uscc2, name: '示例区采购失信有限公司' },
      basisDate: '2025-01-10',
    });
    const never = await file(
      financeOperator.headers,
      body({ stream: 'entry', id: procurement.id }, uscc2, '示例区采购失信有限公司'),
    );
    assert.equal(never.statusCode, 422);
    assert.equal(never.json().error.code, 'repair.no_early_removal');
  });

  test('an approved repair ends the entry: it leaves the check and public disclosure, and the ending is an event for dispatch', async () => {
    const { entry, uscc, name } = await amrEntry(t, s, { basisDate: '2025-02-20' });
    assert.equal((await check(t, s.checker.headers, uscc)).matched, true);
    assert.equal((await get(t, `/api/v1/public/repair-notices/entry/${entry.id}`, {})).statusCode, 200);
    const r = (await file(s.amrOperator.headers, body({ stream: 'entry', id: entry.id }, uscc, name))).json();
    const again = await file(s.amrOperator.headers, body({ stream: 'entry', id: entry.id }, uscc, name));
    assert.equal(again.statusCode, 409, 'one application at a time');
    await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.amrReviewer.headers, {});
    const approved = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrReviewer.headers, {
      outcome: 'approved',
      reason: '已履行义务',
    });
    assert.equal(approved.statusCode, 200, approved.body);
    const ended = (await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json();
    assert.equal(ended.state, 'ended');
    assert.equal(ended.ended.reason, 'repaired');
    assert.equal((await check(t, s.checker.headers, uscc)).matched, false);
    assert.equal((await get(t, `/api/v1/public/repair-notices/entry/${entry.id}`, {})).statusCode, 404);
    const ev = (await eventsOf(t, 'entry', entry.id)).at(-1)!;
    assert.equal(ev.type, 'entry.ended');
    assert.deepEqual(
      { reason: ev.payload.reason, previousState: ev.payload.previousState, state: ev.payload.state },
      { reason: 'repaired', previousState: 'in_effect', state: 'ended' },
    );
  });

  test('a rejected repair gives its reason and the entry stays in effect; the wrong party, role and department are refused', async () => {
    const { entry, uscc, name } = await amrEntry(t, s, { basisDate: '2025-02-20' });
    const forStranger = await file(
      s.amrOperator.headers,
      body({ stream: 'entry', id: entry.id }, makeUscc(), '示例区无关有限公司'),
    );
    assert.equal(forStranger.statusCode, 422, 'a department files only for the party the decision concerns');
    assert.equal(forStranger.json().error.code, 'filing.party_mismatch');
    const r = (await file(s.amrOperator.headers, body({ stream: 'entry', id: entry.id }, uscc, name))).json();
    const byTax = await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.taxOperator.headers, {});
    assert.equal(byTax.statusCode, 404, 'another department does not see it');
    assert.equal(
      (await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.creditOffice.headers, {})).statusCode,
      403,
      'the credit office sees but does not handle it',
    );
    await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.amrOperator.headers, {});
    const byOperator = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrOperator.headers, {
      outcome: 'rejected',
      reason: '未履行',
    });
    assert.equal(byOperator.statusCode, 403);
    assert.equal(byOperator.json().error.code, 'repair.reviewer_required');
    const rejected = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrReviewer.headers, {
      outcome: 'rejected',
      reason: '罚款尚未缴清',
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().decision.reason, '罚款尚未缴清');
    assert.equal((await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json().state, 'in_effect');
    const commitment = (await get(t, `/api/v1/commitments/${r.commitment.id}`, s.amrOperator.headers)).json();
    assert.equal(commitment.state, 'lapsed', 'the commitment of a rejected repair lapses');
    assert.match(commitment.stateLabel, /失效/);
    const breach = await post(t, `/api/v1/commitments/${r.commitment.id}/fulfilment`, s.amrReviewer.headers, {
      result: 'unfulfilled',
      date: '2026-03-02',
      unperformed: 'x',
      liabilityPursued: 'y',
      recordDomain: 'market_regulation',
    });
    assert.equal(breach.statusCode, 409, 'a lapsed commitment can be neither kept nor broken');
    assert.equal(breach.json().error.details.state, 'lapsed');
    const twice = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrReviewer.headers, {
      outcome: 'approved',
      reason: 'x',
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.details.state, 'rejected');
  });

  test('an application that does not meet the conditions is not accepted (不予受理) with a reason the party can track', async () => {
    const { entry, uscc, name } = await amrEntry(t, s, { basisDate: '2025-02-20' });
    const r = (await file(s.amrOperator.headers, body({ stream: 'entry', id: entry.id }, uscc, name))).json();
    const noReason = await post(t, `/api/v1/repairs/${r.id}/non-acceptance`, s.amrOperator.headers, {});
    assert.equal(noReason.statusCode, 400, 'a reason is required');
    assert.equal(
      (await post(t, `/api/v1/repairs/${r.id}/non-acceptance`, s.taxOperator.headers, { reason: 'x' })).statusCode,
      404,
    );
    const refused = await post(t, `/api/v1/repairs/${r.id}/non-acceptance`, s.amrOperator.headers, {
      reason: '未提交履行法定义务的证明材料',
    });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().state, 'refused');
    assert.equal(refused.json().decision.reason, '未提交履行法定义务的证明材料');
    assert.equal((await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json().state, 'in_effect');
    const tracked = (
      await post(t, '/api/v1/public/tracking', {}, { applicationNo: r.applicationNo, trackingSecret: r.trackingSecret })
    ).json();
    assert.equal(tracked.state, 'refused');
    assert.equal(tracked.reason, '未提交履行法定义务的证明材料');
    assert.equal(
      (await get(t, `/api/v1/commitments/${r.commitment.id}`, s.amrOperator.headers)).json().state,
      'lapsed',
    );
    assert.deepEqual(
      (await eventsOf(t, 'commitment', r.commitment.id)).map((e) => e.type),
      ['commitment.recorded', 'commitment.lapsed'],
    );
    const late = await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.amrOperator.headers, {});
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.details.state, 'refused');
    assert.deepEqual(
      (await eventsOf(t, 'repair', r.id)).map((e) => e.type),
      ['repair.filed', 'repair.refused'],
    );
  });

  test('a repair withdrawn for the party before the decision closes, and its commitment lapses', async () => {
    const { record, uscc, name } = await amrRecord(t, s, { decisionDate: '2025-06-02' });
    const r = (await file(s.amrOperator.headers, body({ stream: 'record', id: record.id }, uscc, name))).json();
    const withdrawn = await post(t, `/api/v1/repairs/${r.id}/withdrawal`, s.amrOperator.headers, {});
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().state, 'withdrawn');
    assert.equal(
      (await get(t, `/api/v1/commitments/${r.commitment.id}`, s.amrOperator.headers)).json().state,
      'lapsed',
    );
    assert.equal((await get(t, `/api/v1/records/${record.id}`, s.amrOperator.headers)).json().state, 'in_effect');
    const again = await post(t, `/api/v1/repairs/${r.id}/withdrawal`, s.amrOperator.headers, {});
    assert.equal(again.statusCode, 409);
  });

  test('a company under a court-approved reorganization gets its measures lifted until the lifting is ended', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const target = { stream: 'entry', id: entry.id };
    const noCourt = await file(s.amrOperator.headers, body(target, uscc, name, { kind: 'reorganization' }));
    assert.equal(noCourt.statusCode, 422);
    assert.equal(noCourt.json().error.details.field, 'courtDocumentNo');
    const r = (
      await file(
        s.amrOperator.headers,
        body(target, uscc, name, { kind: 'reorganization', courtDocumentNo: '（2026）鲁0115破1号之一' }),
      )
    ).json();
    assert.equal(r.kind, 'reorganization');
    await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.amrOperator.headers, {});
    const approved = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrReviewer.headers, {
      outcome: 'approved',
      reason: '法院已批准重整计划',
      until: '2026-12-31',
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().decision.lifting.until, '2026-12-31');
    const lifted = await t.ctx.db
      .selectFrom('entries')
      .select(['state', 'measures_lifted'])
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    assert.equal(lifted.state, 'in_effect', 'the entry itself stays in effect');
    assert.deepEqual(
      { ...lifted.measures_lifted, from: undefined },
      { from: undefined, until: '2026-12-31', repairId: r.id, reason: '法院已批准重整计划' },
    );
    assert.equal((await eventsOf(t, 'entry', entry.id)).at(-1)!.type, 'entry.measures_lifted');
    const shown = (
      await t.app.inject({ method: 'GET', url: `/api/v1/entries/${entry.id}`, headers: s.amrReviewer.headers })
    ).json();
    assert.equal(shown.measuresLifted.until, '2026-12-31', 'the deciding department sees the lifting on the entry');
    const whileLifted = await check(t, s.checker.headers, uscc);
    assert.equal(whileLifted.hits[0].state, 'measures_lifted', 'the check still shows the entry');
    assert.equal(whileLifted.measures.length, 0, 'but applies no measure while lifted');

    const ended = await post(t, `/api/v1/repairs/${r.id}/lifting-end`, s.amrReviewer.headers, {
      note: '重整计划已终止',
    });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.ok(ended.json().decision.lifting.endedAt);
    const restored = await t.ctx.db
      .selectFrom('entries')
      .select('measures_lifted')
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    assert.equal(restored.measures_lifted, null);
    assert.equal((await eventsOf(t, 'entry', entry.id)).at(-1)!.type, 'entry.measures_restored');
    const afterLifting = await check(t, s.checker.headers, uscc);
    assert.equal(afterLifting.hits[0].state, 'in_effect');
    assert.ok(afterLifting.measures.length > 0, 'the measures apply again');
    const twice = await post(t, `/api/v1/repairs/${r.id}/lifting-end`, s.amrReviewer.headers, { note: 'x' });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.details.state, 'lifting_ended');
  });
});

describe('reorganization liftings with an end date', () => {
  test('a lifting ends by itself after its last day, effective at the end of that day, once however often the job runs', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const r = (
      await file(
        s.amrOperator.headers,
        body({ stream: 'entry', id: entry.id }, uscc, name, {
          kind: 'reorganization',
          courtDocumentNo: '（2026）鲁0115破2号',
        }),
      )
    ).json();
    await post(t, `/api/v1/repairs/${r.id}/acceptance`, s.amrOperator.headers, {});
    const approved = await post(t, `/api/v1/repairs/${r.id}/decision`, s.amrReviewer.headers, {
      outcome: 'approved',
      reason: '和解协议已获法院认可',
      until: '2026-04-30',
    });
    assert.equal(approved.statusCode, 200, approved.body);

    t.clock.set('2026-04-30T15:00:00Z');
    assert.equal(await t.ctx.jobs.run('lifting-expiry'), 0, 'the last day of the lifting is still lifted');
    t.clock.set('2026-05-20T02:00:00Z');
    assert.equal(await t.ctx.jobs.run('lifting-expiry'), 1);
    assert.equal(await t.ctx.jobs.run('lifting-expiry'), 0);
    const row = await t.ctx.db
      .selectFrom('entries')
      .select('measures_lifted')
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.measures_lifted, null);
    const restored = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'effective_at'])
      .where('stream_id', '=', entry.id)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(restored.type, 'entry.measures_restored');
    assert.equal(
      restored.effective_at.toISOString(),
      '2026-04-30T16:00:00.000Z',
      'midnight China time after the last day',
    );
    const repair = (await get(t, `/api/v1/repairs/${r.id}`, s.amrOperator.headers)).json();
    assert.equal(repair.decision.lifting.endedAt, '2026-04-30T16:00:00.000Z');
  });
});
