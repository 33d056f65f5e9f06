import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { adminHeaders, createApiKey, createUser, type TestUser } from '../../test/fixtures.ts';
import { party, pdf } from '../objections/objections.test-support.ts';
import {
  decideBlackEntry,
  listTypeId,
  makeCitizenId,
  makeUscc,
  post,
  publishBlackEntry,
  sanctionIds,
} from '../../test/entry-fixtures.ts';

let t: TestApp;
let amrOperator: TestUser, amrReviewer: TestUser, taxOperator: TestUser, taxReviewer: TestUser;

before(async () => {
  // The tests move the clock across days: sessions must outlive that.
  t = await createTestApp({ config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 } });
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  taxReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
});
after(async () => {
  await t.close();
});

const draftBody = async (uscc = makeUscc()) => ({
  listTypeId: await listTypeId(t, 'black_amr'),
  subject: { uscc, name: '示例区测试商贸有限公司' },
  reason: '提供虚假材料取得许可',
});

function decisionBody(measureIds: string[], date: string, extra: Record<string, unknown> = {}) {
  return {
    documentNo: '示市监认〔2026〕1号',
    date,
    reason: '提供虚假材料取得许可',
    basis: '《市场监督管理严重违法失信名单管理办法》第九条',
    measureIds,
    removalConditions: '期满或信用修复',
    removalProcedure: '依申请移出',
    remedies: '行政复议或行政诉讼',
    basisDocument: { kind: 'penalty_decision', documentNo: '示市监罚〔2026〕8号', date: '2026-05-20' },
    relatedPersons: [{ citizenId: makeCitizenId(), name: '李法人', role: 'legalRepresentative' }],
    ...extra,
  };
}

describe('black-list procedure', () => {
  test('a black-list entry goes from draft through notice and decision to in effect, with its period from the basis document', async () => {
    const draft = await post(t, '/api/v1/entries', amrOperator.headers, await draftBody());
    assert.equal(draft.statusCode, 201, draft.body);
    assert.equal(draft.json().state, 'draft');
    const id = draft.json().id;

    const notice = await post(t, `/api/v1/entries/${id}/notice`, amrOperator.headers, {
      documentNo: '示市监告〔2026〕1号',
      servedDate: '2026-06-01',
      content: '拟列入的事由、依据和陈述申辩权利',
    });
    assert.equal(notice.statusCode, 200, notice.body);
    assert.equal(notice.json().notice.statementDue, '2026-06-08', 'five working days after Monday 1 June');

    const measures = await sanctionIds(t, 'black_amr');
    const early = await post(
      t,
      `/api/v1/entries/${id}/decision`,
      amrReviewer.headers,
      decisionBody(measures.slice(0, 2), '2026-06-01'),
    );
    assert.equal(early.statusCode, 422);
    assert.equal(early.json().error.code, 'entry.statement_period_running');

    t.clock.set('2026-06-09T02:00:00Z');
    const decided = await post(
      t,
      `/api/v1/entries/${id}/decision`,
      amrReviewer.headers,
      decisionBody(measures.slice(0, 2), '2026-06-09'),
    );
    assert.equal(decided.statusCode, 200, decided.body);
    const entry = decided.json();
    assert.equal(entry.state, 'decided');
    assert.deepEqual(entry.basisDocument, { documentNo: '示市监罚〔2026〕8号', date: '2026-05-20' });
    assert.equal(entry.period.startDate, '2026-05-20');
    assert.equal(entry.period.endDate, '2029-05-20');
    assert.equal(entry.period.earliestRemovalDate, '2027-05-20');
    assert.equal(entry.period.listTypeVersion, 1);
    assert.equal(entry.measures.length, 2);
    assert.equal(entry.relatedPersons[0].role, 'legalRepresentative');
    assert.match(entry.relatedPersons[0].citizenIdMasked, /^\d{4}\*{10}[\dX]{4}$/);
    assert.doesNotMatch(decided.body, /\d{17}[\dX]/, 'no ID number in clear in the answer');

    const published = await post(t, `/api/v1/entries/${id}/publication`, amrReviewer.headers, {});
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().state, 'in_effect');

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/entries/${id}/events`,
      headers: amrOperator.headers,
    });
    const types = history.json().items.map((e: { type: string }) => e.type);
    assert.deepEqual(types, ['entry.drafted', 'entry.notice_served', 'entry.decided', 'entry.published']);
    const versions = history.json().items.map((e: { dataVersion: string }) => BigInt(e.dataVersion));
    assert.ok(
      versions.every((v: bigint, i: number) => i === 0 || v > versions[i - 1]),
      'data versions increase',
    );
    assert.equal(published.json().dataVersion, String(versions.at(-1)));
  });

  test('a statement recorded within the period lets the reviewer decide before the period ends', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const id = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    await post(t, `/api/v1/entries/${id}/notice`, amrOperator.headers, {
      documentNo: 'N2',
      servedDate: '2026-06-01',
      content: '告知',
    });
    const statement = await post(t, `/api/v1/entries/${id}/statement`, amrOperator.headers, {
      receivedDate: '2026-06-01',
      summary: '当事人称已整改',
      adopted: false,
      reply: '理由不成立',
    });
    assert.equal(statement.json().state, 'statement_recorded');
    const decided = await post(
      t,
      `/api/v1/entries/${id}/decision`,
      amrReviewer.headers,
      decisionBody((await sanctionIds(t, 'black_amr')).slice(0, 1), '2026-06-01'),
    );
    assert.equal(decided.statusCode, 200, decided.body);
  });

  test('only the department reviewer decides: an operator is refused and another department sees nothing', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const id = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    await post(t, `/api/v1/entries/${id}/notice`, amrOperator.headers, {
      documentNo: 'N3',
      servedDate: '2026-06-01',
      content: '告知',
    });
    t.clock.set('2026-06-10T02:00:00Z');
    const body = decisionBody((await sanctionIds(t, 'black_amr')).slice(0, 1), '2026-06-10');
    const byOperator = await post(t, `/api/v1/entries/${id}/decision`, amrOperator.headers, body);
    assert.equal(byOperator.statusCode, 403);
    const byOtherDepartment = await post(t, `/api/v1/entries/${id}/decision`, taxReviewer.headers, body);
    assert.equal(byOtherDepartment.statusCode, 404);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/entries/${id}`, headers: taxOperator.headers });
    assert.equal(read.statusCode, 404);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/entries', headers: taxOperator.headers });
    assert.ok(!list.json().items.some((e: { id: string }) => e.id === id));
  });

  test('a refused step names its own action: a review, a publication, a decision or a removal, not "deciding" for all', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const refusal = async (path: string, headers: Record<string, string>, body: unknown) => {
      const res = await post(t, path, headers, body);
      assert.equal(res.statusCode, 403, res.body);
      return { code: res.json().error.code, message: res.json().error.message };
    };
    const subject = { uscc: makeUscc(), name: '示例区拒绝用语测试有限公司' };
    const redId = (
      await post(t, '/api/v1/entries', taxOperator.headers, {
        listTypeId: await listTypeId(t, 'red_tax_a'),
        subject,
        reason: '纳税信用评价为A级',
      })
    ).json().id;
    assert.deepEqual(
      await refusal(`/api/v1/entries/${redId}/review`, taxOperator.headers, {
        approved: true,
        opinion: '同意',
        validFrom: '2026-06-01',
      }),
      { code: 'entry.reviewer_required', message: '只有本部门的审核人员可以审核红名单推荐。' },
    );
    await post(t, `/api/v1/entries/${redId}/review`, taxReviewer.headers, {
      approved: true,
      opinion: '同意',
      validFrom: '2026-06-01',
    });
    assert.deepEqual(await refusal(`/api/v1/entries/${redId}/publication`, taxOperator.headers, {}), {
      code: 'entry.reviewer_required',
      message: '只有本部门的审核人员可以发布生效。',
    });
    await post(t, `/api/v1/entries/${redId}/publication`, taxReviewer.headers, {});
    assert.deepEqual(
      await refusal(`/api/v1/entries/${redId}/ending`, taxOperator.headers, { reason: 'revoked', note: '误列' }),
      { code: 'entry.reviewer_required', message: '只有本部门的审核人员可以移出名单。' },
    );

    const blackId = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    const auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'amr' });
    assert.deepEqual(
      await refusal(`/api/v1/entries/${blackId}/notice`, auditor.headers, {
        documentNo: 'N8',
        servedDate: '2026-06-01',
        content: '告知',
      }),
      { code: 'entry.staff_required', message: '只有本部门的经办或审核人员可以送达事前告知。' },
    );
    await post(t, `/api/v1/entries/${blackId}/notice`, amrOperator.headers, {
      documentNo: 'N8',
      servedDate: '2026-06-01',
      content: '告知',
    });
    t.clock.set('2026-06-10T02:00:00Z');
    assert.deepEqual(
      await refusal(
        `/api/v1/entries/${blackId}/decision`,
        amrOperator.headers,
        decisionBody((await sanctionIds(t, 'black_amr')).slice(0, 1), '2026-06-10'),
      ),
      { code: 'entry.reviewer_required', message: '只有本部门的审核人员可以作出认定决定。' },
    );
    const unchanged = await t.app.inject({
      method: 'GET',
      url: `/api/v1/entries/${blackId}`,
      headers: amrOperator.headers,
    });
    assert.equal(unchanged.json().state, 'notice_served', 'a refusal changes nothing');
  });

  test('a step not allowed from the current state answers 409 naming that state', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const id = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    const res = await post(t, `/api/v1/entries/${id}/publication`, amrReviewer.headers, {});
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'entry.invalid_transition');
    assert.equal(res.json().error.details.state, 'draft');
    assert.match(res.json().error.message, /草稿/);
  });

  test('of two concurrent decisions on one entry exactly one wins', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const id = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    await post(t, `/api/v1/entries/${id}/notice`, amrOperator.headers, {
      documentNo: 'N4',
      servedDate: '2026-06-01',
      content: '告知',
    });
    t.clock.set('2026-06-10T02:00:00Z');
    const measures = (await sanctionIds(t, 'black_amr')).slice(0, 1);
    const results = await Promise.all(
      [1, 2].map(() =>
        post(t, `/api/v1/entries/${id}/decision`, amrReviewer.headers, decisionBody(measures, '2026-06-10')),
      ),
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', id)
      .where('type', '=', 'entry.decided')
      .execute();
    assert.equal(events.length, 1);
  });

  test('a decision with a measure outside the list type or without the legal representative changes nothing', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const id = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    await post(t, `/api/v1/entries/${id}/notice`, amrOperator.headers, {
      documentNo: 'N5',
      servedDate: '2026-06-01',
      content: '告知',
    });
    t.clock.set('2026-06-10T02:00:00Z');
    const foreign = await sanctionIds(t, 'black_court');
    const own = await sanctionIds(t, 'black_amr');
    const wrongMeasure = await post(
      t,
      `/api/v1/entries/${id}/decision`,
      amrReviewer.headers,
      decisionBody([own[0]!, foreign.find((m) => !own.includes(m))!], '2026-06-10'),
    );
    assert.equal(wrongMeasure.statusCode, 422);
    assert.equal(wrongMeasure.json().error.details.field, 'measureIds[1]');
    const noPersons = await post(
      t,
      `/api/v1/entries/${id}/decision`,
      amrReviewer.headers,
      decisionBody(own.slice(0, 1), '2026-06-10', { relatedPersons: [] }),
    );
    assert.equal(noPersons.statusCode, 422);
    assert.equal(noPersons.json().error.code, 'entry.related_persons_required');
    const entry = await t.app.inject({ method: 'GET', url: `/api/v1/entries/${id}`, headers: amrOperator.headers });
    assert.equal(entry.json().state, 'notice_served');
    assert.equal(entry.json().measures.length, 0);
  });

  test('a bad credit code is refused with a Chinese message naming the field, and nothing is written', async () => {
    const before = await t.ctx.db
      .selectFrom('entries')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(t, '/api/v1/entries', amrOperator.headers, {
      ...(await draftBody()),
      subject: { uscc: '91110000600037341N', name: '某公司' },
    });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.details.field, 'subject.uscc');
    assert.match(res.json().error.message, /校验/);
    const afterCount = await t.ctx.db
      .selectFrom('entries')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(String(afterCount.n), String(before.n));
  });

  test('an entry in effect can be revoked with a reason but cannot be ended as expired before its period ends', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const entry = await publishBlackEntry(t, {
      operator: amrOperator,
      reviewer: amrReviewer,
      listTypeCode: 'black_amr',
      subject: { uscc: makeUscc(), name: '示例区撤销测试有限公司' },
    });
    const expired = await post(t, `/api/v1/entries/${entry.id}/ending`, amrReviewer.headers, { reason: 'expired' });
    assert.equal(expired.statusCode, 422);
    assert.equal(expired.json().error.code, 'entry.not_expired');
    const noReason = await post(t, `/api/v1/entries/${entry.id}/ending`, amrReviewer.headers, { reason: 'revoked' });
    assert.equal(noReason.statusCode, 422);
    const revoked = await post(t, `/api/v1/entries/${entry.id}/ending`, amrReviewer.headers, {
      reason: 'revoked',
      note: '认定依据被行政复议撤销',
    });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().ended.reason, 'revoked');
  });
});

describe('deadlines follow the calendar', () => {
  test('an administrator adding a holiday moves the open statement deadline, with an event on the entry', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const id = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    const noticed = await post(t, `/api/v1/entries/${id}/notice`, amrOperator.headers, {
      documentNo: 'N9',
      servedDate: '2026-06-01',
      content: '告知',
    });
    assert.equal(noticed.json().notice.statementDue, '2026-06-08');
    const admin = await adminHeaders(t);
    const year = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/2026', headers: admin })).json();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/2026',
      headers: admin,
      payload: {
        source: '测试：临时增加休息日',
        holidays: [...year.holidays, { date: '2026-06-03', name: '临时休息日' }],
        workdays: year.workdays,
      },
    });
    assert.equal(put.statusCode, 200, put.body);
    const entry = (
      await t.app.inject({ method: 'GET', url: `/api/v1/entries/${id}`, headers: amrOperator.headers })
    ).json();
    assert.equal(entry.notice.statementDue, '2026-06-09');
    const events = (
      await t.app.inject({ method: 'GET', url: `/api/v1/entries/${id}/events`, headers: amrOperator.headers })
    ).json().items;
    assert.equal(events.at(-1).type, 'entry.deadline_recomputed');
    // Put the calendar back for the other tests.
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/2026',
      headers: admin,
      payload: { source: year.source, holidays: year.holidays, workdays: year.workdays },
    });
    await t.sync();
  });
});

describe('red and black lists exclude each other', () => {
  test('a subject put on a black list leaves every red list, with the reason recorded, and cannot be nominated again', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const uscc = makeUscc();
    const subject = { uscc, name: '示例区诚信纳税有限公司' };
    const nominated = await post(t, '/api/v1/entries', taxOperator.headers, {
      listTypeId: await listTypeId(t, 'red_tax_a'),
      subject,
      reason: '纳税信用评价为A级',
    });
    assert.equal(nominated.statusCode, 201, nominated.body);
    assert.equal(nominated.json().state, 'nominated');
    const reviewed = await post(t, `/api/v1/entries/${nominated.json().id}/review`, taxReviewer.headers, {
      approved: true,
      opinion: '同意',
      validFrom: '2026-06-01',
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    const red = await post(t, `/api/v1/entries/${nominated.json().id}/publication`, taxReviewer.headers, {});
    assert.equal(red.json().state, 'in_effect');

    const black = await publishBlackEntry(t, {
      operator: taxOperator,
      reviewer: taxReviewer,
      listTypeCode: 'black_tax',
      subject,
    });
    assert.equal(black.state, 'in_effect');

    const redAfter = await t.app.inject({
      method: 'GET',
      url: `/api/v1/entries/${nominated.json().id}`,
      headers: taxOperator.headers,
    });
    assert.equal(redAfter.json().state, 'ended');
    assert.equal(redAfter.json().ended.reason, 'superseded_by_black');
    assert.match(redAfter.json().ended.note, /严重失信/);

    const again = await post(t, '/api/v1/entries', taxOperator.headers, {
      listTypeId: await listTypeId(t, 'red_tax_a'),
      subject,
      reason: '再次推荐',
    });
    assert.equal(again.statusCode, 422);
    assert.equal(again.json().error.code, 'entry.subject_on_black_list');
  });

  test('a department cannot put subjects on a list type it does not identify', async () => {
    const res = await post(t, '/api/v1/entries', taxOperator.headers, await draftBody());
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'entry.not_identifying_department');
  });
});

describe('red and black publications of one subject at the same time', () => {
  test('end either with the red entry superseded or with the red publication refused, never with an error', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    for (let round = 0; round < 4; round++) {
      const subject = { uscc: makeUscc(), name: `示例区并发发布${round}有限公司` };
      const nominated = await post(t, '/api/v1/entries', taxOperator.headers, {
        listTypeId: await listTypeId(t, 'red_tax_a'),
        subject,
        reason: '纳税信用评价为A级',
      });
      assert.equal(nominated.statusCode, 201, nominated.body);
      const redId = nominated.json().id;
      const reviewed = await post(t, `/api/v1/entries/${redId}/review`, taxReviewer.headers, {
        approved: true,
        opinion: '同意',
        validFrom: chinaToday(),
      });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      const black = await decideBlackEntry(t, {
        operator: taxOperator,
        reviewer: taxReviewer,
        listTypeCode: 'black_tax',
        subject,
      });

      const [red, blackPublished] = await Promise.all([
        post(t, `/api/v1/entries/${redId}/publication`, taxReviewer.headers, {}),
        post(t, `/api/v1/entries/${black.id}/publication`, taxReviewer.headers, {}),
      ]);
      assert.equal(blackPublished.statusCode, 200, blackPublished.body);
      const redNow = (
        await t.app.inject({ method: 'GET', url: `/api/v1/entries/${redId}`, headers: taxOperator.headers })
      ).json();
      if (red.statusCode === 200) {
        assert.equal(redNow.state, 'ended', 'published first, then superseded by the black list');
        assert.equal(redNow.ended.reason, 'superseded_by_black');
      } else {
        // The black publication came first and ended the reviewed red entry: its publication names that state.
        assert.equal(red.statusCode, 409, red.body);
        assert.match(red.json().error.message, /当前状态为「已终止」/);
        assert.equal(redNow.state, 'ended');
        assert.equal(redNow.ended.reason, 'superseded_by_black');
      }
    }
  });
});

function chinaToday(): string {
  return new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('a red list reviewed ahead of its period', () => {
  test('applies in checks, eligibility and public disclosure only from its first day, with no write on that day', async () => {
    t.clock.set('2026-12-07T02:00:00Z');
    const uscc = makeUscc();
    const subject = { uscc, name: '示例区预先审核有限公司' };
    const id = (
      await post(t, '/api/v1/entries', taxOperator.headers, {
        listTypeId: await listTypeId(t, 'red_tax_a'),
        subject,
        reason: '2027年度纳税信用A级',
      })
    ).json().id;
    const reviewed = await post(t, `/api/v1/entries/${id}/review`, taxReviewer.headers, {
      approved: true,
      opinion: '同意',
      validFrom: '2027-02-05',
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.deepEqual([reviewed.json().period.startDate, reviewed.json().period.endDate], ['2027-02-05', '2028-02-04']);
    const published = await post(t, `/api/v1/entries/${id}/publication`, taxReviewer.headers, {});
    assert.equal(published.json().state, 'in_effect', published.body);
    const events = (
      await t.app.inject({ method: 'GET', url: `/api/v1/entries/${id}/events`, headers: taxOperator.headers })
    ).json().items;
    assert.equal(
      events.at(-1).effectiveAt,
      '2027-02-04T16:00:00.000Z',
      'the publication takes effect at 00:00 on its first day',
    );

    const system = await createApiKey(t, 'amr');
    await t.sync();
    const check = async () =>
      (await post(t, '/api/v1/checks', system.headers, { subjects: [{ uscc, name: subject.name }] })).json().results[0];
    const disclosed = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/disclosures?uscc=${uscc}` })).json().items.length;
    const before = await check();
    assert.equal(before.matched, false, 'no red-list hit before its validity starts');
    assert.equal(
      before.eligibility.basis.some((b: { kind: string }) => b.kind === 'red_list'),
      false,
      'no green channel either',
    );
    assert.equal(await disclosed(), 0);
    // Nor may the public name it in a filing yet: the objection goes to the credit office without a target.
    const filing = await post(
      t,
      '/api/v1/public/objections',
      {},
      { party: party(uscc, subject.name), target: { stream: 'entry', id }, content: '异议', attachments: [pdf()] },
    );
    assert.equal(filing.statusCode, 201, filing.body);
    const filed = await t.ctx.db
      .selectFrom('objections')
      .select('target_id')
      .where('application_no', '=', filing.json().applicationNo)
      .executeTakeFirstOrThrow();
    assert.equal(filed.target_id, null);
    const version = (await t.ctx.db.selectFrom('ledger_head').select('data_version').executeTakeFirstOrThrow())
      .data_version;

    t.clock.set('2027-02-04T16:00:00Z'); // 00:00 on 5 February 2027 in Beijing
    const on = await check();
    assert.equal(on.matched, true);
    assert.equal(on.hits[0].entryId, id);
    assert.ok(on.measures.length > 0, 'its incentive measures apply');
    assert.deepEqual([on.eligibility.greenChannel, on.eligibility.acceptWithCommitment], [true, true]);
    assert.equal(await disclosed(), 1);
    assert.equal(
      (await t.ctx.db.selectFrom('ledger_head').select('data_version').executeTakeFirstOrThrow()).data_version,
      version,
      'nothing was written',
    );
    t.clock.set('2026-06-01T02:00:00Z');
  });

  test('may start at most twelve months after the review; later is refused with 422 naming validFrom and the last allowed day', async () => {
    t.clock.set('2026-12-07T02:00:00Z');
    const id = (
      await post(t, '/api/v1/entries', taxOperator.headers, {
        listTypeId: await listTypeId(t, 'red_tax_a'),
        subject: { uscc: makeUscc(), name: '示例区过早审核有限公司' },
        reason: '纳税信用A级',
      })
    ).json().id;
    const late = await post(t, `/api/v1/entries/${id}/review`, taxReviewer.headers, {
      approved: true,
      opinion: '同意',
      validFrom: '2027-12-08',
    });
    assert.equal(late.statusCode, 422, late.body);
    assert.equal(late.json().error.code, 'entry.valid_from_too_late');
    assert.equal(late.json().error.details.field, 'validFrom');
    assert.match(late.json().error.message, /不能晚于 2027-12-07/);
    const entry = (
      await t.app.inject({ method: 'GET', url: `/api/v1/entries/${id}`, headers: taxOperator.headers })
    ).json();
    assert.equal(entry.state, 'nominated', 'the refusal changes nothing');
    const lastDay = await post(t, `/api/v1/entries/${id}/review`, taxReviewer.headers, {
      approved: true,
      opinion: '同意',
      validFrom: '2027-12-07',
    });
    assert.equal(lastDay.statusCode, 200, lastDay.body);
    t.clock.set('2026-06-01T02:00:00Z');
  });

  test('a black list never starts later: a basis document dated after today is refused with 422 naming it', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const id = (await post(t, '/api/v1/entries', amrOperator.headers, await draftBody())).json().id;
    await post(t, `/api/v1/entries/${id}/notice`, amrOperator.headers, {
      documentNo: 'N14',
      servedDate: '2026-06-01',
      content: '告知',
    });
    t.clock.set('2026-06-10T02:00:00Z');
    const body = decisionBody((await sanctionIds(t, 'black_amr')).slice(0, 1), '2026-06-10', {
      basisDocument: { kind: 'penalty_decision', documentNo: '示市监罚〔2026〕99号', date: '2026-07-01' },
    });
    const res = await post(t, `/api/v1/entries/${id}/decision`, amrReviewer.headers, body);
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'entry.date_in_future');
    assert.equal(res.json().error.details.field, 'basisDocument.date');
    assert.match(res.json().error.message, /不能从将来开始/);
    t.clock.set('2026-06-01T02:00:00Z');
  });
});

describe('catalog versions', () => {
  test('an entry shows each measure as in the version it was decided under after the catalog changes it', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
    const published = await publishBlackEntry(t, {
      operator: amrOperator,
      reviewer: amrReviewer,
      listTypeCode: 'black_amr',
      subject: { uscc: makeUscc(), name: '示例区版本测试有限公司' },
    });
    const decided = published.measures[0];
    assert.equal(decided.version, decided.currentVersion);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/measures/${decided.id}`,
      headers: office.headers,
      payload: { title: `${decided.title}（修订）` },
    });
    assert.equal(renamed.statusCode, 200, renamed.body);

    const entry = (
      await t.app.inject({ method: 'GET', url: `/api/v1/entries/${published.id}`, headers: amrOperator.headers })
    ).json();
    const shown = entry.measures.find((m: { id: string }) => m.id === decided.id);
    assert.deepEqual(
      { title: shown.title, version: shown.version, currentVersion: shown.currentVersion },
      { title: decided.title, version: decided.version, currentVersion: decided.version + 1 },
    );
  });
});
