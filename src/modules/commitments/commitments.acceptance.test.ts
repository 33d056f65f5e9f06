import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { listTypeId, makeUscc, post, publishBlackEntry } from '../../test/entry-fixtures.ts';

let t: TestApp;
let approvalOperator: TestUser, approvalReviewer: TestUser, taxOperator: TestUser, taxReviewer: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  approvalOperator = await createUser(t, { roles: ['operator'], departmentCode: 'approval' });
  approvalReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'approval' });
  taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  taxReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
});
after(async () => {
  await t.close();
});

/** A grade-A taxpayer on the red list, in effect from today. */
async function redListed(uscc: string, name: string) {
  const nominated = await post(t, '/api/v1/entries', taxOperator.headers, {
    listTypeId: await listTypeId(t, 'red_tax_a'),
    subject: { uscc, name },
    reason: '纳税信用评价为A级',
  });
  const entryId: string = nominated.json().id;
  assert.equal(nominated.statusCode, 201, nominated.body);
  const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  await post(t, `/api/v1/entries/${nominated.json().id}/review`, taxReviewer.headers, {
    approved: true,
    opinion: '同意',
    validFrom: today,
  });
  const published = await post(t, `/api/v1/entries/${nominated.json().id}/publication`, taxReviewer.headers, {});
  assert.equal(published.json().state, 'in_effect', published.body);
  await t.sync();
  return entryId;
}

const acceptance = (uscc: string, name: string) => ({
  subject: { uscc, name },
  matter: { name: '建筑工程施工许可', number: 'SG2026-0042' },
  missingMaterials: ['施工图审查合格书（复印件）', '监理合同'],
  supplyWithinWorkingDays: 5,
});

const commitmentCount = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('commitments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a red-list subject is accepted with a commitment to supply the missing material within the working days set', async () => {
  const uscc = makeUscc();
  const entryId = await redListed(uscc, '示例区诚信建设有限公司');
  const res = await post(
    t,
    '/api/v1/commitments/acceptances',
    approvalOperator.headers,
    acceptance(uscc, '示例区诚信建设有限公司'),
  );
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json();
  assert.equal(c.type, 'accept_with_commitment');
  assert.equal(c.typeLabel, '容缺受理型');
  assert.equal(c.department.code, 'approval');
  // Monday 2 March 2026 is day 0: five working days later is Monday 9 March.
  assert.deepEqual(c.due, { from: '2026-03-02', days: 5, date: '2026-03-09' });
  assert.deepEqual(c.term, { start: '2026-03-02', end: '2026-03-09' });
  assert.match(c.content, /施工图审查合格书（复印件）、监理合同/);
  assert.match(c.content, /2026-03-09/);
  assert.deepEqual(c.matter, { name: '建筑工程施工许可', number: 'SG2026-0042' });
  assert.equal(c.closedAt, null);
  const event = await t.ctx.db.selectFrom('events').selectAll().where('stream_id', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(event.type, 'commitment.recorded');
  const basis = (event.payload.acceptance as { basis: { kind: string; entryId: string }[] }).basis;
  assert.ok(
    basis.some((b) => b.kind === 'red_list' && b.entryId === entryId),
    JSON.stringify(basis),
  );

  const supplied = await post(t, `/api/v1/commitments/${c.id}/fulfilment`, approvalReviewer.headers, {
    result: 'fulfilled',
    date: '2026-03-02',
  });
  assert.equal(supplied.statusCode, 200, supplied.body);
  assert.ok(supplied.json().closedAt, 'supplying the material closes the commitment');
});

test('a subject on no red list is refused 容缺受理 with the reason, and nothing is recorded', async () => {
  const before = await commitmentCount();
  const res = await post(
    t,
    '/api/v1/commitments/acceptances',
    approvalOperator.headers,
    acceptance(makeUscc(), '示例区普通商贸有限公司'),
  );
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().error.code, 'commitment.not_eligible');
  assert.match(res.json().error.message, /红名单/);
  assert.equal(await commitmentCount(), before);
});

test('a red-list entry named with another company name does not qualify, nor does a black-listed subject', async () => {
  const uscc = makeUscc();
  await redListed(uscc, '示例区名称核对有限公司');
  const wrongName = await post(
    t,
    '/api/v1/commitments/acceptances',
    approvalOperator.headers,
    acceptance(uscc, '另一家公司'),
  );
  assert.equal(wrongName.statusCode, 422);
  assert.match(wrongName.json().error.message, /名称与代码不符/);

  const black = makeUscc();
  await publishBlackEntry(t, {
    operator: taxOperator,
    reviewer: taxReviewer,
    listTypeCode: 'black_tax',
    subject: { uscc: black, name: '示例区欠税有限公司' },
    basisDate: '2026-02-20',
  });
  await t.sync();
  const refused = await post(
    t,
    '/api/v1/commitments/acceptances',
    approvalOperator.headers,
    acceptance(black, '示例区欠税有限公司'),
  );
  assert.equal(refused.statusCode, 422);
  assert.match(refused.json().error.message, /严重失信主体名单/);
  t.clock.set('2026-03-02T02:00:00Z');
});

test('a missing-material list and a supply period are required', async () => {
  const res = await post(t, '/api/v1/commitments/acceptances', approvalOperator.headers, {
    ...acceptance(makeUscc(), '示例区公司'),
    missingMaterials: [],
    supplyWithinWorkingDays: 0,
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, /missingMaterials/);
});

test('a clean-record rule the credit office configures qualifies a subject on no list, until it is switched off', async () => {
  const office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  const rule = {
    name: '无失信记录的经营主体',
    kind: 'clean_record',
    params: {},
    grants: ['accept_with_commitment'],
    active: true,
  };
  const created = await post(t, '/api/v1/eligibility-rules', office.headers, { code: 'clean_subjects', ...rule });
  assert.equal(created.statusCode, 201, created.body);
  await t.sync();
  const accepted = await post(
    t,
    '/api/v1/commitments/acceptances',
    approvalOperator.headers,
    acceptance(makeUscc(), '示例区守信商贸有限公司'),
  );
  assert.equal(accepted.statusCode, 201, accepted.body);
  const event = await t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', '=', accepted.json().id)
    .executeTakeFirstOrThrow();
  assert.deepEqual((event.payload.acceptance as { basis: unknown[] }).basis, [
    { kind: 'rule', ruleCode: 'clean_subjects', name: '无失信记录的经营主体' },
  ]);

  const off = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/eligibility-rules/clean_subjects',
    headers: office.headers,
    payload: { ...rule, active: false },
  });
  assert.equal(off.statusCode, 200, off.body);
  await t.sync();
  const refused = await post(
    t,
    '/api/v1/commitments/acceptances',
    approvalOperator.headers,
    acceptance(makeUscc(), '示例区守信商贸有限公司'),
  );
  assert.equal(refused.statusCode, 422);
});
