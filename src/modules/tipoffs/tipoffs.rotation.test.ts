import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { call, fileTipoff, pdf, tipoffBody } from './tipoffs.test-support.ts';
import { rotateTipoffKeys } from './tipoffs.rotation.ts';

let t: TestApp;
let handler: TestUser, reviewer: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  handler = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
});
after(async () => {
  await t.close();
});

async function readable(id: string) {
  await call(t, 'POST', `/api/v1/tipoffs/${id}/assignment`, reviewer.headers, { handlerId: handler.id });
  const res = await call(t, 'POST', `/api/v1/tipoffs/${id}/reporter-access`, handler.headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('after a new key is put first in the ring, old and new tip-offs open, and rotation re-seals the old ones under it', async () => {
  const withFile = tipoffBody({
    attachments: [{ fileName: '举报信.pdf', contentType: 'application/pdf', content: pdf('材料').toString('base64') }],
  });
  const old = await fileTipoff(t, withFile);
  const oldRing = t.ctx.tipoffKeys;
  // The operator's rotation: the new key first in CREDLINK_TIPOFF_KEYS, the old one kept after it, then a restart.
  t.ctx.tipoffKeys = { currentId: 'k2', keys: new Map([['k2', randomBytes(32)], ...oldRing.keys]) };
  const fresh = await fileTipoff(t, withFile);
  const keyOf = async (id: string) =>
    (await t.ctx.db.selectFrom('tipoffs').select('key_id').where('id', '=', id).executeTakeFirstOrThrow()).key_id;
  assert.equal(await keyOf(old.id), 'test1');
  assert.equal(await keyOf(fresh.id), 'k2');
  assert.equal((await readable(old.id)).reporter.name, '举报人王小明');
  assert.equal((await readable(fresh.id)).reporter.name, '举报人王小明');

  const rotated = await rotateTipoffKeys(t.ctx, { batchSize: 1 });
  assert.deepEqual(rotated, { tipoffs: 1, attachments: 1 });
  assert.equal(await keyOf(old.id), 'k2');
  assert.deepEqual(await rotateTipoffKeys(t.ctx), { tipoffs: 0, attachments: 0 }, 'a second run finds nothing left');

  // The old key can now leave the ring.
  t.ctx.tipoffKeys = { currentId: 'k2', keys: new Map([['k2', t.ctx.tipoffKeys.keys.get('k2')!]]) };
  const opened = await readable(old.id);
  assert.equal(opened.reporter.contact, '13912345678');
  assert.equal(opened.attachments[0].fileName, '举报信.pdf');
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('action', '=', 'tipoff.keys_rotated')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.details),
    [{ keyId: 'k2', tipoffs: 1, attachments: 1 }],
    'audited per batch, with counts only',
  );
  assert.ok(!JSON.stringify(audit).includes('王小明'));
});
