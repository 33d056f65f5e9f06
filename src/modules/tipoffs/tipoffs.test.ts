import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { adminHeaders, createApiKey, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { makeCitizenId, makeUscc } from '../../test/entry-fixtures.ts';
import { call, fileTipoff, pdf, png, tipoffBody } from './tipoffs.test-support.ts';

let t: TestApp;
let handler: TestUser,
  colleague: TestUser,
  reviewer: TestUser,
  taxOperator: TestUser,
  creditOffice: TestUser,
  auditor: TestUser;
let admin: Headers, apiKey: Headers;
const logLines: string[] = [];

before(async () => {
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
    log: { destination, level: 'debug' },
  });
  handler = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  colleague = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  creditOffice = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
  admin = await adminHeaders(t);
  apiKey = (await createApiKey(t, 'amr')).headers;
});
after(async () => {
  await t.close();
});

const REPORTER = '举报人王小明';
const CONTACT = '13912345678';
const FILE_NAME = '王小明亲笔举报信.pdf';

describe('public filing', () => {
  test('anyone files a tip-off without an account and gets an application number and a tracking secret, whatever the subject', async () => {
    const known = makeUscc();
    await call(t, 'POST', '/api/v1/subjects', reviewer.headers, { uscc: known, name: '示例区已登记有限公司' });
    const answers = [];
    for (const subject of [
      { name: '示例区已登记有限公司', uscc: known },
      { name: '示例区未登记有限公司', uscc: makeUscc() },
      { name: '只知道名称的公司' },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/tipoffs',
        payload: tipoffBody({ subject }),
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(Object.keys(res.json()).sort(), ['applicationNo', 'trackingSecret']);
      assert.match(res.json().applicationNo, /^JB20260302\d{6}$/);
      assert.ok(res.json().trackingSecret.length >= 27, 'at least 160 random bits');
      answers.push(res.json());
    }
    const row = await t.ctx.db
      .selectFrom('tipoffs')
      .selectAll()
      .where('application_no', '=', answers[0].applicationNo)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.tracking_hash, answers[0].trackingSecret, 'only the hash is stored');
    assert.equal(row.state, 'received');
    assert.equal(row.due_date, '2026-03-30', 'twenty working days from Monday 2 March');
    const unknown = await t.ctx.db
      .selectFrom('tipoffs')
      .select('subject_id')
      .where('application_no', '=', answers[1].applicationNo)
      .executeTakeFirstOrThrow();
    assert.equal(unknown.subject_id, null, 'a tip-off creates no subject');
  });

  test('a tip-off without a reporter must be anonymous, an anonymous one carries none, and bad input writes nothing', async () => {
    const count = async () => (await t.ctx.db.selectFrom('tipoffs').select('id').execute()).length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ reporter: undefined }, 'tipoff.reporter_required'],
      [{ anonymous: true }, 'tipoff.reporter_with_anonymous'],
      [
        { reporter: { name: REPORTER, contact: CONTACT, citizenId: '370125198501010000' } },
        'tipoff.invalid_citizen_id',
      ],
      [{ departmentCode: 'no_such_department' }, 'tipoff.unknown_department'],
      [{ subject: { name: 'x', uscc: '91370125MA0000000X' } }, 'tipoff.invalid_uscc'],
      [
        { attachments: [{ fileName: 'a.exe', contentType: 'application/x-msdownload', content: 'TVqQAAMAAAAEAAAA' }] },
        'attachment.type_not_allowed',
      ],
      [
        {
          attachments: Array.from({ length: 6 }, (_, i) => ({
            fileName: `${i}.pdf`,
            contentType: 'application/pdf',
            content: pdf('x').toString('base64'),
          })),
        },
        'attachment.too_many',
      ],
    ];
    for (const [extra, code] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/tipoffs', payload: tipoffBody(extra) });
      assert.equal(res.statusCode, 422, `${code}: ${res.body}`);
      assert.equal(res.json().error.code, code);
      assert.ok(
        !res.body.includes(REPORTER) && !res.body.includes('370125198501010000'),
        'errors never repeat the reporter',
      );
    }
    assert.equal(await count(), before);
    const anonymous = await fileTipoff(t, tipoffBody({ anonymous: true, reporter: undefined }));
    const row = await t.ctx.db
      .selectFrom('tipoffs')
      .selectAll()
      .where('id', '=', anonymous.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.anonymous, true);
    assert.equal(row.reporter_sealed, null);
  });
});

describe('the reporter is sealed', () => {
  test('the reporter stays unreadable to everyone but the assigned handler, whose every read is audited', async () => {
    const citizenId = makeCitizenId();
    const letter = pdf('王小明 亲笔举报信：钢材抽检不合格');
    const filed = await fileTipoff(
      t,
      tipoffBody({
        reporter: { name: REPORTER, contact: CONTACT, citizenId },
        attachments: [
          { fileName: FILE_NAME, contentType: 'application/pdf', content: letter.toString('base64') },
          { fileName: '现场照片.png', contentType: 'image/png', content: png().toString('base64') },
        ],
      }),
    );
    const everyoneElse: [string, Headers][] = [
      ['administrator', admin],
      ['credit office', creditOffice.headers],
      ['auditor', auditor.headers],
      ['reviewer', reviewer.headers],
      ['colleague', colleague.headers],
      ['other department', taxOperator.headers],
      ['API key', apiKey],
    ];
    const reporterAccess = (headers: Headers) =>
      call(t, 'POST', `/api/v1/tipoffs/${filed.id}/reporter-access`, headers);

    // Staff of the receiving department and the credit office see the tip-off, with the reporter only as 'sealed'.
    for (const who of [handler, reviewer, creditOffice, auditor]) {
      const one = await call(t, 'GET', `/api/v1/tipoffs/${filed.id}`, who.headers);
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json().reporter, 'sealed');
      assert.equal(one.json().attachmentCount, 2);
      const list = await call(t, 'GET', '/api/v1/tipoffs', who.headers);
      assert.ok(list.json().items.some((i: { id: string }) => i.id === filed.id));
      for (const body of [one.body, list.body])
        assert.ok(!body.includes(REPORTER) && !body.includes(CONTACT) && !body.includes('王小明'));
    }
    assert.equal((await call(t, 'GET', `/api/v1/tipoffs/${filed.id}`, taxOperator.headers)).statusCode, 404);
    assert.ok(
      !(await call(t, 'GET', '/api/v1/tipoffs', taxOperator.headers))
        .json()
        .items.some((i: { id: string }) => i.id === filed.id),
    );
    for (const headers of [admin, apiKey])
      assert.equal((await call(t, 'GET', '/api/v1/tipoffs', headers)).statusCode, 403);

    // Before any assignment nobody reads the reporter.
    for (const [who, headers] of [...everyoneElse, ['handler-to-be', handler.headers] as [string, Headers]]) {
      const res = await reporterAccess(headers);
      assert.equal(res.statusCode, 403, `${who}: ${res.body}`);
    }
    const assigned = await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, reviewer.headers, {
      handlerId: handler.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.equal(assigned.json().handler.id, handler.id);

    const opened = await reporterAccess(handler.headers);
    assert.equal(opened.statusCode, 200, opened.body);
    assert.deepEqual(opened.json().reporter, { name: REPORTER, contact: CONTACT, citizenId });
    assert.deepEqual(
      opened.json().attachments.map((a: { fileName: string }) => a.fileName),
      [FILE_NAME, '现场照片.png'],
    );
    const file = await call(
      t,
      'GET',
      `/api/v1/tipoffs/${filed.id}/attachments/${opened.json().attachments[0].id}`,
      handler.headers,
    );
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, letter);
    assert.equal(file.headers['content-type'], 'application/pdf');

    // No role overrides the handler: administrators, the credit office, auditors, colleagues, API keys.
    for (const [who, headers] of everyoneElse) {
      const res = await reporterAccess(headers);
      assert.equal(res.statusCode, 403, `${who}: ${res.body}`);
      assert.equal(res.json().error.code, 'tipoff.handler_only');
      const download = await call(
        t,
        'GET',
        `/api/v1/tipoffs/${filed.id}/attachments/${opened.json().attachments[0].id}`,
        headers,
      );
      assert.equal(download.statusCode, 403, `${who} download`);
    }

    // At rest: the row, the files, the events, the audit log and the logs hold nothing of the reporter in clear.
    const secrets = [REPORTER, CONTACT, citizenId, '王小明'];
    const row = await t.ctx.db.selectFrom('tipoffs').selectAll().where('id', '=', filed.id).executeTakeFirstOrThrow();
    assert.equal(row.key_id, 'test1');
    const files = await t.ctx.db.selectFrom('attachments').selectAll().where('owner_id', '=', filed.id).execute();
    assert.ok(files.every((f) => f.sealed && f.key_id === 'test1'));
    const events = await t.ctx.db.selectFrom('events').selectAll().execute();
    const auditRows = await t.ctx.db.selectFrom('audit_log').selectAll().execute();
    const texts = {
      row: JSON.stringify(row),
      files: files.map((f) => `${f.file_name} ${Buffer.from(f.content).toString('utf8')}`).join('\n'),
      events: JSON.stringify(events, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
      audit: JSON.stringify(auditRows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
      logs: logLines.join(''),
    };
    for (const [where, text] of Object.entries(texts)) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${where} must not contain ${secret}`);
    }
    assert.ok(!texts.files.includes('钢材抽检'), 'file content sealed');
    assert.ok(logLines.length > 0, 'the logs were captured');

    const reads = auditRows.filter((a) => a.target === `tipoff:${filed.id}` && a.action.endsWith('_read'));
    assert.deepEqual(
      reads.map((a) => a.action),
      ['tipoff.reporter_read', 'tipoff.attachment_read'],
    );
    for (const r of reads) {
      assert.equal(r.actor, `user:${handler.id}`);
      assert.equal(r.details.reader, `user:${handler.id}`);
    }
  });

  test('a reassignment is audited with the previous and the new handler, and the previous handler loses access', async () => {
    const filed = await fileTipoff(t);
    assert.equal(
      (await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, reviewer.headers, { handlerId: handler.id }))
        .statusCode,
      200,
    );
    const reassigned = await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, creditOffice.headers, {
      handlerId: colleague.id,
    });
    assert.equal(reassigned.statusCode, 200, reassigned.body);
    assert.equal(reassigned.json().handler.id, colleague.id);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', `tipoff:${filed.id}`)
      .orderBy('seq')
      .execute();
    const last = audit.filter((a) => a.action === 'tipoff.reassigned');
    assert.equal(last.length, 1);
    assert.deepEqual(last[0]!.details, { handlerId: colleague.id, previousHandlerId: handler.id });
    assert.equal(last[0]!.actor, `user:${creditOffice.id}`);
    assert.equal(
      (await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/reporter-access`, handler.headers)).statusCode,
      403,
    );
    assert.equal(
      (await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/reporter-access`, colleague.headers)).statusCode,
      200,
    );
  });

  test("only a reviewer of the receiving department or the credit office assigns, and only to that department's staff", async () => {
    const filed = await fileTipoff(t);
    const byOperator = await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, handler.headers, {
      handlerId: handler.id,
    });
    assert.equal(byOperator.statusCode, 403);
    assert.equal(byOperator.json().error.code, 'tipoff.assign_forbidden');
    assert.equal(
      (await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, auditor.headers, { handlerId: handler.id }))
        .statusCode,
      403,
    );
    assert.equal(
      (await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, admin, { handlerId: handler.id })).statusCode,
      403,
    );
    const taxReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
    assert.equal(
      (await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, taxReviewer.headers, { handlerId: handler.id }))
        .statusCode,
      404,
    );
    const auditingOperator = await createUser(t, { roles: ['operator', 'auditor'], departmentCode: 'amr' });
    for (const handlerId of [taxOperator.id, auditingOperator.id, creditOffice.id]) {
      const res = await call(t, 'POST', `/api/v1/tipoffs/${filed.id}/assignment`, reviewer.headers, { handlerId });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'tipoff.handler_not_eligible');
    }
    const row = await t.ctx.db
      .selectFrom('tipoffs')
      .select('handler_id')
      .where('id', '=', filed.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.handler_id, null);
  });
});
