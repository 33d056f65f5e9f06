import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../test/harness.ts';
import { makeUscc, post } from '../../test/entry-fixtures.ts';
import { chinaDate } from '../shared/index.ts';
import {
  amrEntry,
  amrRecord,
  check,
  staffedApp,
  eventsOf,
  get,
  party,
  pdf,
  type Staff,
} from './objections.test-support.ts';

let t: TestApp;
let s: Staff;

before(async () => {
  ({ t, s } = await staffedApp());
});
after(() => t.close());

const file = (headers: Record<string, string>, body: Record<string, unknown>) =>
  post(t, '/api/v1/objections', headers, body);

describe('objections against list entries', () => {
  test('while an objection is open the check shows it pending and the measures still apply; an accepted one revokes the entry, which leaves the check', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const filed = await file(s.taxOperator.headers, {
      target: { stream: 'entry', id: entry.id },
      party: party(uscc, name),
      content: '该处罚决定已被行政复议撤销，不应列入。',
      attachments: [pdf()],
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const o = filed.json();
    assert.match(o.applicationNo, /^YY\d{14}$/);
    assert.ok(o.trackingSecret.length >= 22, 'a secret of at least 128 bits');
    assert.equal(o.department.code, 'amr', 'it goes to the department that decided');
    assert.equal(o.state, 'received');
    assert.equal(o.dueDays, 15);
    assert.equal(o.attachments.length, 1);
    assert.match(o.attachments[0].sha256, /^[0-9a-f]{64}$/);

    const pending = await check(t, s.checker.headers, uscc);
    assert.equal(pending.hits[0].state, 'objection_pending');
    assert.ok(pending.measures.length > 0, 'measures keep applying while the objection is pending');

    const decided = await post(t, `/api/v1/objections/${o.id}/decision`, s.amrReviewer.headers, {
      outcome: 'accepted',
      reason: '据以认定的处罚决定已被撤销。',
    });
    assert.equal(decided.statusCode, 200, decided.body);
    const d = decided.json();
    assert.equal(d.state, 'accepted');
    assert.equal(d.decision.action, 'revoked');
    assert.equal(
      d.decision.withdrawal.dueDate,
      t.ctx.calendar.get().addWorkingDays(chinaDate(t.clock.now()), 3),
      'three working days from the decision day',
    );
    assert.equal(d.decision.withdrawal.withdrawnAt, d.decision.decidedAt, 'withdrawn from disclosure at once');

    const ended = (await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json();
    assert.equal(ended.state, 'ended');
    assert.equal(ended.ended.reason, 'revoked');
    assert.equal(ended.objectionPending, false);
    const afterward = await check(t, s.checker.headers, uscc);
    assert.equal(afterward.matched, false, 'a revoked entry leaves the check');

    const types = (await eventsOf(t, 'entry', entry.id)).map((e) => e.type);
    assert.deepEqual(types.slice(-3), ['entry.objection_opened', 'entry.ended', 'entry.objection_closed']);
    const endedEvent = (await eventsOf(t, 'entry', entry.id)).find((e) => e.type === 'entry.ended')!;
    assert.equal(endedEvent.payload.reason, 'revoked');
    assert.equal(endedEvent.payload.previousState, 'in_effect');
    assert.deepEqual(
      (await eventsOf(t, 'objection', o.id)).map((e) => e.type),
      ['objection.filed', 'objection.decided'],
    );

    await t.ctx.jobs.run('dispatch');
    const dispatched = await t.ctx.db
      .selectFrom('dispatches')
      .select(['department_id', 'event_type'])
      .where('stream_id', '=', entry.id)
      .execute();
    const receivers = (type: string) =>
      dispatched
        .filter((d) => d.event_type === type)
        .map((d) => d.department_id)
        .sort();
    assert.ok(receivers('entry.published').length > 0);
    assert.deepEqual(
      receivers('entry.ended'),
      receivers('entry.published'),
      'the revocation reaches every department that received the entry',
    );
  });

  test('a rejected objection gives the reason and the remedies, and the entry stays in effect without the pending mark', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const o = (
      await file(s.amrOperator.headers, {
        target: { stream: 'entry', id: entry.id },
        party: party(uscc, name),
        content: '不服',
      })
    ).json();
    const rejected = await post(t, `/api/v1/objections/${o.id}/decision`, s.amrReviewer.headers, {
      outcome: 'rejected',
      reason: '认定事实清楚，证据确凿。',
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
    const d = rejected.json().decision;
    assert.equal(d.outcome, 'rejected');
    assert.match(d.remedies, /行政复议/);
    assert.match(d.remedies, /行政诉讼/);
    assert.match(d.remedies, /谁决定、谁负责/, "the list type's remedies are included");
    const now = (await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json();
    assert.equal(now.state, 'in_effect');
    assert.equal(now.objectionPending, false);
    assert.equal((await check(t, s.checker.headers, uscc)).hits[0].state, 'in_effect');
  });

  test('an accepted correction keeps the entry in effect as a new version, and another open objection keeps it pending', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const first = (
      await file(s.amrOperator.headers, {
        target: { stream: 'entry', id: entry.id },
        party: party(uscc, name),
        content: '事由表述有误',
      })
    ).json();
    const second = (
      await file(s.amrOperator.headers, {
        target: { stream: 'entry', id: entry.id },
        party: party(uscc, name),
        content: '期限计算有误',
      })
    ).json();
    const decided = await post(t, `/api/v1/objections/${first.id}/decision`, s.amrReviewer.headers, {
      outcome: 'accepted',
      reason: '事由表述不准确',
      correction: { reason: '未按规定公示年度报告（更正）' },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().decision.action, 'corrected');
    const corrected = (await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json();
    assert.equal(corrected.state, 'in_effect');
    assert.equal(corrected.reason, '未按规定公示年度报告（更正）');
    assert.equal(corrected.objectionPending, true, 'the second objection is still open');
    assert.ok(BigInt(corrected.dataVersion) > BigInt(entry.dataVersion));
    const ev = (await eventsOf(t, 'entry', entry.id)).find((e) => e.type === 'entry.corrected')!;
    assert.deepEqual(ev.payload.changes, { reason: '未按规定公示年度报告（更正）' });
    assert.equal(ev.payload.objectionId, first.id);
    const hit = (await check(t, s.checker.headers, uscc)).hits[0];
    assert.equal(hit.reason, '未按规定公示年度报告（更正）');
    assert.equal(hit.state, 'objection_pending');

    const wrongField = await post(t, `/api/v1/objections/${second.id}/decision`, s.amrReviewer.headers, {
      outcome: 'accepted',
      reason: 'x',
      correction: { facts: '事实' },
    });
    assert.equal(wrongField.statusCode, 422);
    assert.equal(wrongField.json().error.details.field, 'correction.facts');
    assert.equal(
      (await get(t, `/api/v1/objections/${second.id}`, s.amrOperator.headers)).json().state,
      'received',
      'bad input changes nothing',
    );
  });

  test('a department files only for the subject or a person the decision names; anyone else is refused and nothing is stored', async () => {
    const { entry, uscc, name, legalRepresentative } = await amrEntry(t, s);
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('objections')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const stranger = await file(s.amrOperator.headers, {
      target: { stream: 'entry', id: entry.id },
      party: party(makeUscc(), '示例区无关有限公司'),
      content: '异议',
    });
    assert.equal(stranger.statusCode, 422, stranger.body);
    assert.equal(stranger.json().error.code, 'filing.party_mismatch');
    assert.equal(stranger.json().error.details.field, 'party.uscc');
    assert.match(stranger.json().error.message, /当事人/);
    assert.equal(await count(), before, 'nothing is stored');
    assert.equal((await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json().objectionPending, false);

    const byRepresentative = await file(s.amrOperator.headers, {
      target: { stream: 'entry', id: entry.id },
      party: { citizenId: legalRepresentative, name: '王法人', contact: '13800000000' },
      content: '本人不应被列为责任人',
    });
    assert.equal(byRepresentative.statusCode, 201, byRepresentative.body);
    assert.ok(!byRepresentative.body.includes(legalRepresentative), 'the ID number is shown masked');
    const bySubject = await file(s.amrOperator.headers, {
      target: { stream: 'entry', id: entry.id },
      party: party(uscc, name),
      content: '异议',
    });
    assert.equal(bySubject.statusCode, 201, bySubject.body);
  });

  test('the wrong department, the wrong role and the wrong state are refused', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const o = (
      await file(s.taxOperator.headers, {
        target: { stream: 'entry', id: entry.id },
        party: party(uscc, name),
        content: '异议',
      })
    ).json();

    const byFiler = await post(t, `/api/v1/objections/${o.id}/decision`, s.taxReviewer.headers, {
      outcome: 'rejected',
      reason: 'x',
    });
    assert.equal(byFiler.statusCode, 403, 'the department that took it in cannot decide');
    assert.equal(byFiler.json().error.code, 'objection.other_department');
    const byOperator = await post(t, `/api/v1/objections/${o.id}/decision`, s.amrOperator.headers, {
      outcome: 'rejected',
      reason: 'x',
    });
    assert.equal(byOperator.statusCode, 403);
    assert.equal(byOperator.json().error.code, 'objection.reviewer_required');
    const byAuditor = await file(s.auditor.headers, {
      target: { stream: 'entry', id: entry.id },
      party: party(uscc, name),
      content: '异议',
    });
    assert.equal(byAuditor.statusCode, 403);

    const other = await createStaffOf('eco');
    assert.equal(
      (await get(t, `/api/v1/objections/${o.id}`, other.headers)).statusCode,
      404,
      'another department does not see it',
    );
    assert.equal(
      (await get(t, `/api/v1/objections/${o.id}`, s.taxOperator.headers)).statusCode,
      200,
      'the filing department does',
    );
    assert.ok(
      (await get(t, '/api/v1/objections', s.creditOffice.headers))
        .json()
        .items.some((x: { id: string }) => x.id === o.id),
    );
    assert.ok(
      !(await get(t, '/api/v1/objections', other.headers)).json().items.some((x: { id: string }) => x.id === o.id),
    );

    const withdrawn = await post(t, `/api/v1/objections/${o.id}/withdrawal`, s.taxOperator.headers, {});
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().state, 'withdrawn');
    const late = await post(t, `/api/v1/objections/${o.id}/decision`, s.amrReviewer.headers, {
      outcome: 'rejected',
      reason: 'x',
    });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.details.state, 'withdrawn');
    assert.match(late.json().error.message, /已撤回/);
    assert.equal((await get(t, `/api/v1/entries/${entry.id}`, s.amrOperator.headers)).json().objectionPending, false);

    const ended = await amrEntry(t, s);
    await post(t, `/api/v1/entries/${ended.entry.id}/ending`, s.amrReviewer.headers, {
      reason: 'revoked',
      note: '撤销',
    });
    const onEnded = await file(s.amrOperator.headers, {
      target: { stream: 'entry', id: ended.entry.id },
      party: party(ended.uscc, ended.name),
      content: '异议',
    });
    assert.equal(onEnded.statusCode, 409);
    assert.equal(onEnded.json().error.details.state, 'ended');
  });

  test('attachments outside the allowed types, sizes and count are refused with a message naming the file', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const body = (attachments: unknown[]) => ({
      target: { stream: 'entry', id: entry.id },
      party: party(uscc, name),
      content: '异议',
      attachments,
    });
    const exe = await file(
      s.amrOperator.headers,
      body([{ fileName: 'a.exe', contentType: 'application/x-msdownload', content: 'TVqQ' }]),
    );
    assert.equal(exe.statusCode, 422);
    assert.equal(exe.json().error.code, 'attachment.type_not_allowed');
    assert.match(exe.json().error.message, /a\.exe/);
    const fake = await file(
      s.amrOperator.headers,
      body([
        { fileName: 'b.pdf', contentType: 'application/pdf', content: Buffer.from('not a pdf').toString('base64') },
      ]),
    );
    assert.equal(fake.json().error.code, 'attachment.content_mismatch');
    const big = await file(
      s.amrOperator.headers,
      body([
        { ...pdf(), content: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2 * 1024 * 1024)]).toString('base64') },
      ]),
    );
    assert.equal(big.statusCode, 422, big.body);
    assert.equal(big.json().error.code, 'attachment.too_large');
    const many = await file(s.amrOperator.headers, body(Array.from({ length: 6 }, (_, i) => pdf(`${i}.pdf`))));
    assert.equal(many.json().error.code, 'attachment.too_many');
    const none = await get(t, '/api/v1/objections?state=received', s.amrOperator.headers);
    assert.ok(
      !none.json().items.some((x: { target: { id: string } | null }) => x.target?.id === entry.id),
      'nothing was stored',
    );

    const ok = await file(
      s.amrOperator.headers,
      body([
        pdf('说明.pdf'),
        { fileName: 'note.txt', contentType: 'text/plain', content: Buffer.from('情况说明').toString('base64') },
      ]),
    );
    assert.equal(ok.statusCode, 201, ok.body);
    const a = ok.json().attachments[0];
    const download = await get(t, `/api/v1/objections/${ok.json().id}/attachments/${a.id}`, s.amrReviewer.headers);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /filename\*=UTF-8''%E8%AF%B4%E6%98%8E\.pdf/);
    assert.equal(download.rawPayload.toString(), '%PDF-1.4\n% test\n');
  });
});

describe('objections against dishonesty records', () => {
  test('an accepted objection corrects the record as a new version; it stays in effect', async () => {
    const { record, uscc, name } = await amrRecord(t, s);
    const o = (
      await file(s.amrOperator.headers, {
        target: { stream: 'record', id: record.id },
        party: party(uscc, name),
        content: '罚款金额有误',
      })
    ).json();
    assert.equal(o.department.code, 'amr');
    const pending = await t.ctx.db
      .selectFrom('records')
      .select('objection_pending')
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    assert.equal(pending.objection_pending, true);

    const decided = await post(t, `/api/v1/objections/${o.id}/decision`, s.amrReviewer.headers, {
      outcome: 'accepted',
      reason: '金额计算错误',
      correction: { amount: 3000, facts: '未按规定公示年度报告（更正）' },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    const row = await t.ctx.db.selectFrom('records').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'in_effect');
    assert.equal(row.amount, '3000.00');
    assert.equal(row.objection_pending, false);
    const types = (await eventsOf(t, 'record', record.id)).map((e) => e.type);
    assert.deepEqual(types.slice(-3), ['record.objection_opened', 'record.corrected', 'record.objection_closed']);
    assert.equal(
      String(row.last_version),
      String(
        (
          await t.ctx.db
            .selectFrom('events')
            .select('version')
            .where('stream_id', '=', record.id)
            .orderBy('version', 'desc')
            .executeTakeFirstOrThrow()
        ).version,
      ),
    );
  });

  test('an accepted objection without a correction revokes the record', async () => {
    const { record, uscc, name } = await amrRecord(t, s);
    const o = (
      await file(s.amrOperator.headers, {
        target: { stream: 'record', id: record.id },
        party: party(uscc, name),
        content: '不是本公司',
      })
    ).json();
    await post(t, `/api/v1/objections/${o.id}/decision`, s.amrReviewer.headers, {
      outcome: 'accepted',
      reason: '主体错误',
    });
    const row = await t.ctx.db.selectFrom('records').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'ended');
    assert.equal(row.ended_reason, 'revoked');
    const ended = (await eventsOf(t, 'record', record.id)).find((e) => e.type === 'record.ended')!;
    assert.equal(ended.payload.reason, 'revoked');
  });
});

async function createStaffOf(code: string) {
  const { createUser } = await import('../../test/fixtures.ts');
  return createUser(t, { roles: ['reviewer'], departmentCode: code });
}
