import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../test/harness.ts';
import { listTypeId, makeCitizenId, post, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { amrEntry, amrRecord, staffedApp, get, type Staff } from '../objections/objections.test-support.ts';

let t: TestApp;
let s: Staff;

before(async () => {
  ({ t, s } = await staffedApp());
});
after(() => t.close());

describe('repair notice (两书同达)', () => {
  test('the department downloads a printable notice with every black-list decision: party, decision, earliest date, conditions, deadlines, free of charge, channels', async () => {
    const { entry, uscc, name } = await amrEntry(t, s, { basisDate: '2026-02-20' });
    const res = await get(t, `/api/v1/entries/${entry.id}/repair-notice`, s.amrOperator.headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    const expectedName = encodeURIComponent(`信用修复告知书-${entry.decision.documentNo}-XF.html`);
    assert.equal(res.headers['content-disposition'], `attachment; filename*=UTF-8''${expectedName}`);
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    const html = res.body;
    for (const part of [
      name,
      uscc,
      entry.decision.documentNo,
      '2027-02-20',
      '示例区市场监督管理局',
      '不收取任何费用',
      '信用中国',
      '3 个工作日',
      '10 个工作日',
      '信用承诺书',
      '全部履行法定义务',
    ]) {
      assert.ok(html.includes(part), `the notice names ${part}`);
    }
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.creditchina)/, 'self-contained, no script');
  });

  test('values are escaped and ID numbers masked', async () => {
    const citizenId = makeCitizenId();
    const draft = await post(t, '/api/v1/entries', s.amrOperator.headers, {
      listTypeId: await listTypeId(t, 'black_amr'),
      subject: { citizenId, name: '张<b>三</b>' },
      reason: 'x',
    });
    assert.equal(
      (await get(t, `/api/v1/entries/${draft.json().id}/repair-notice`, s.amrOperator.headers)).statusCode,
      409,
      'no notice before the decision',
    );
    const entry = await publishBlackEntry(t, {
      operator: s.amrOperator,
      reviewer: s.amrReviewer,
      listTypeCode: 'black_amr',
      subject: { citizenId, name: '张<b>三</b>' },
      basisDate: '2026-02-20',
      relatedPersons: [],
    });
    const html = (await get(t, `/api/v1/entries/${entry.id}/repair-notice`, s.amrOperator.headers)).body;
    assert.ok(html.includes('张&lt;b&gt;三&lt;/b&gt;'));
    assert.ok(!html.includes('<b>三'));
    assert.ok(!html.includes(citizenId), 'no ID number in clear');
    assert.ok(html.includes(`${citizenId.slice(0, 4)}**********${citizenId.slice(-4)}`));
    const publicHtml = (await get(t, `/api/v1/public/repair-notices/entry/${entry.id}`, {})).body;
    assert.ok(!publicHtml.includes(citizenId));
  });

  test('the party finds the notice of its black-list entry and of its penalty record in what the public sees, and downloads it without an account', async () => {
    const listed = await amrEntry(t, s);
    const entries = (await get(t, `/api/v1/public/disclosures?uscc=${listed.uscc}`, {})).json().items[0].entries;
    assert.equal(entries[0].repairNoticeUrl, `/api/v1/public/repair-notices/entry/${listed.entry.id}`);
    const fromEntry = await get(t, entries[0].repairNoticeUrl, {});
    assert.equal(fromEntry.statusCode, 200);
    assert.match(fromEntry.body, /信用修复告知书/);

    const fined = await amrRecord(t, s, { decisionDate: '2026-03-02' });
    const records = (await get(t, `/api/v1/public/disclosures?uscc=${fined.uscc}`, {})).json().items[0].records;
    const fromRecord = await get(t, records[0].repairNoticeUrl, {});
    assert.equal(fromRecord.statusCode, 200);
    assert.ok(fromRecord.body.includes(fined.name));
  });

  test('disclosed penalty records have a notice; undisclosed ones and other departments do not', async () => {
    const general = await amrRecord(t, s, { decisionDate: '2026-03-02' });
    const res = await get(t, `/api/v1/records/${general.record.id}/repair-notice`, s.amrOperator.headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.body.includes('2026-06-02'), 'the earliest date of a general record');
    assert.equal((await get(t, `/api/v1/public/repair-notices/record/${general.record.id}`, {})).statusCode, 200);
    assert.equal(
      (await get(t, `/api/v1/records/${general.record.id}/repair-notice`, s.taxOperator.headers)).statusCode,
      404,
    );

    const minor = await amrRecord(t, s, { decisionDate: '2026-03-02', penaltyType: 'warning' });
    const refused = await get(t, `/api/v1/records/${minor.record.id}/repair-notice`, s.amrOperator.headers);
    assert.equal(refused.statusCode, 409);
    assert.equal(
      (await get(t, `/api/v1/public/repair-notices/record/${minor.record.id}`, {})).statusCode,
      404,
      'not publicly disclosed',
    );
    assert.equal((await get(t, `/api/v1/public/repair-notices/entry/${randomUUID()}`, {})).statusCode, 404);
  });
});
