import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { adminHeaders, createApiKey, createUser, type Headers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Headers;
let auditor: Headers;
let creditOffice: Headers;
let operator: Headers;

before(async () => {
  t = await createTestApp();
  admin = await adminHeaders(t);
  auditor = (await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' })).headers;
  creditOffice = (await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' })).headers;
  operator = (await createUser(t, { roles: ['operator'], departmentCode: 'amr' })).headers;
});
after(async () => {
  await t.close();
});

const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
const takeCheckpoint = (headers: Headers) =>
  t.app.inject({ method: 'POST', url: '/api/v1/audit-log/checkpoints', headers });

test('auditors, administrators and the credit office page through the audit log in sequence order', async () => {
  for (const headers of [auditor, admin, creditOffice]) {
    const first = await get('/api/v1/audit-log?limit=2', headers);
    assert.equal(first.statusCode, 200, first.body);
    const page = first.json();
    assert.equal(page.items.length, 2);
    assert.deepEqual(Object.keys(page.items[0]).sort(), ['action', 'actor', 'at', 'details', 'hash', 'seq', 'target']);
    assert.equal(page.items[0].seq, '1');
    assert.equal(page.nextAfterSeq, '2');
    const next = (await get(`/api/v1/audit-log?afterSeq=${page.nextAfterSeq}&limit=2`, headers)).json();
    assert.equal(next.items[0].seq, '3');
  }
});

test('the last page of the audit log has no next position', async () => {
  const res = await get('/api/v1/audit-log?afterSeq=9223372036854775806', auditor);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { items: [], nextAfterSeq: null });
});

test('a malformed position or limit is refused with 400', async () => {
  for (const query of ['afterSeq=-1', 'afterSeq=abc', 'afterSeq=9223372036854775808', 'limit=0', 'limit=1001']) {
    const res = await get(`/api/v1/audit-log?${query}`, auditor);
    assert.equal(res.statusCode, 400, query);
    assert.equal(res.json().error.code, 'request.invalid');
  }
});

test('other roles and department systems may not read the audit log', async () => {
  const key = await createApiKey(t, 'amr');
  for (const headers of [operator, key.headers]) {
    assert.equal((await get('/api/v1/audit-log', headers)).statusCode, 403);
    assert.equal((await get('/api/v1/audit-log/verification', headers)).statusCode, 403);
    assert.equal((await takeCheckpoint(headers)).statusCode, 403);
  }
  assert.equal((await get('/api/v1/audit-log/verification', creditOffice)).statusCode, 403);
  assert.equal((await takeCheckpoint(auditor)).statusCode, 403);
  assert.equal((await get('/api/v1/audit-log', {})).statusCode, 401);
});

test('an administrator takes a checkpoint now, and a second one only after the chain moves', async () => {
  const first = await takeCheckpoint(admin);
  assert.equal(first.statusCode, 201, first.body);
  const { created, checkpoint } = first.json();
  assert.equal(created, true);
  assert.equal(checkpoint.keyId, t.ctx.secrets.keyId);
  const head = await t.ctx.db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
  assert.equal(checkpoint.seq, head.audit_seq.toString());
  assert.equal(checkpoint.hash, head.audit_hash);

  const again = await takeCheckpoint(admin);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), { created: false, checkpoint });
});

test('checks recorded in batches verify, and a modified check record is reported', async () => {
  const key = await createApiKey(t, 'amr');
  for (const uscc of ['91350100M000100Y43', '91110000100005220B']) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checks',
      headers: key.headers,
      payload: { subjects: [{ uscc }] },
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  await t.ctx.recorder.flush();
  assert.equal((await takeCheckpoint(admin)).statusCode, 201);

  const sound = await get('/api/v1/audit-log/verification', auditor);
  assert.equal(sound.statusCode, 200);
  assert.equal(sound.json().ok, true, sound.body);
  assert.ok(sound.json().checkBatchesChecked >= 1);
  assert.equal(sound.json().lastCheckpointSeq, sound.json().lastSeq);

  await sql`update check_records set stale = not stale where check_id = (select check_id from check_records order by check_id limit 1)`.execute(
    t.ctx.db,
  );
  const tampered = (await get('/api/v1/audit-log/verification', admin)).json();
  assert.equal(tampered.ok, false);
  assert.deepEqual(
    tampered.problems.map((p: { code: string }) => p.code),
    ['audit.check_batch_modified'],
  );
  assert.match(tampered.problems[0].message, /核查批次/);
  await sql`update check_records set stale = not stale where check_id = (select check_id from check_records order by check_id limit 1)`.execute(
    t.ctx.db,
  );
});
