import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { adminHeaders, createApiKey, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { post } from '../../test/entry-fixtures.ts';
import { get, getOk, publishEntries, TEST_CONFIG } from '../dispatch/dispatch.test-support.ts';
import { runDeliveries } from './webhook-delivery.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

// A real HTTP receiver on 127.0.0.1: each path answers with the statuses queued for it (then 200) and keeps what
// it received, raw body included, so the test verifies signatures as a department's system would.
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: Date;
}
const received: Received[] = [];
const queued = new Map<string, number[]>();
let server: Server;
let base: string;

let t: TestApp;
let admin: Headers,
  amrOperator: TestUser,
  amrReviewer: TestUser,
  finance: TestUser,
  prtc: TestUser,
  ndrc: TestUser,
  tax: TestUser,
  auditor: TestUser,
  eco: TestUser;

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: t.clock.now(),
      });
      const status = queued.get(req.url!)?.shift() ?? 200;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestApp(TEST_CONFIG);
  admin = await adminHeaders(t);
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  finance = await createUser(t, { roles: ['operator'], departmentCode: 'finance' });
  prtc = await createUser(t, { roles: ['reviewer'], departmentCode: 'prtc' });
  ndrc = await createUser(t, { roles: ['operator'], departmentCode: 'ndrc' });
  tax = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
  eco = await createUser(t, { roles: ['operator'], departmentCode: 'eco' });
});
after(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

async function allowLoopback() {
  const res = await post(t, '/api/v1/egress-allowlist', admin, { pattern: '127.0.0.0/8', note: '测试接收端' });
  assert.ok(res.statusCode === 201 || res.json().error.code === 'egress.duplicate', res.body);
}

async function register(user: TestUser, path: string): Promise<{ id: string; secret: string }> {
  const res = await post(t, '/api/v1/webhooks', user.headers, { url: `${base}${path}` });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().webhook.id, secret: res.json().secret };
}

const deliveries = async (user: TestUser | Headers, webhookId: string) =>
  (await getOk(t, `/api/v1/webhooks/${webhookId}/deliveries`, 'headers' in user ? (user.headers as Headers) : user))
    .items;

const deliverNow = () => t.ctx.jobs.run('webhook-delivery') as Promise<{ attempted: number; delivered: number }>;

describe('registration', () => {
  test('a loopback target is refused until an administrator allow-lists it, and the secret is shown only once', async () => {
    const refused = await post(t, '/api/v1/webhooks', finance.headers, { url: `${base}/finance` });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'webhook.target_refused');
    assert.equal(refused.json().error.details.addressClass, 'loopback');
    assert.match(refused.json().error.message, /回环地址 127\.0\.0\.1/);
    const byName = await post(t, '/api/v1/webhooks', finance.headers, { url: 'http://localhost:9/hook' });
    assert.equal(byName.statusCode, 422, 'a name resolving to loopback too');
    const ftp = await post(t, '/api/v1/webhooks', finance.headers, { url: 'ftp://example.com/hook' });
    assert.equal(ftp.statusCode, 422);
    assert.equal(ftp.json().error.details.reason, 'scheme');

    for (const headers of [
      finance.headers,
      (await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' })).headers,
    ]) {
      const notAdmin = await post(t, '/api/v1/egress-allowlist', headers, { pattern: '127.0.0.0/8', note: '测试' });
      assert.equal(notAdmin.statusCode, 403, 'only administrators allow-list');
    }
    assert.equal(
      (await post(t, '/api/v1/egress-allowlist', admin, { pattern: 'not a host', note: '测试' })).statusCode,
      422,
    );
    await allowLoopback();
    const again = await post(t, '/api/v1/egress-allowlist', admin, { pattern: '127.0.0.0/8', note: '重复' });
    assert.equal(again.statusCode, 409);
    const list = await getOk(t, '/api/v1/egress-allowlist', admin);
    assert.ok(list.items.some((e: { pattern: string }) => e.pattern === '127.0.0.0/8'));
    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'egress_allowlist.added')
      .execute();
    assert.equal(audited.length, 1);

    const created = await post(t, '/api/v1/webhooks', finance.headers, { url: `${base}/finance-registration` });
    assert.equal(created.statusCode, 201, created.body);
    const { webhook, secret } = created.json();
    assert.match(secret, /^[0-9a-f]{64}$/);
    assert.equal(webhook.department.code, 'finance');
    assert.equal(webhook.active, true);
    const listed = await get(t, '/api/v1/webhooks', finance.headers);
    assert.ok(!listed.body.includes(secret), 'the secret is not shown again');
    const row = await t.ctx.db
      .selectFrom('webhooks')
      .select('secret_sealed')
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.secret_sealed.includes(secret), 'stored sealed');
    const auditRows = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'webhook.registered')
      .execute();
    assert.ok(!JSON.stringify(auditRows).includes(secret));
    const disabled = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: finance.headers,
    });
    assert.equal(disabled.statusCode, 200);
  });

  test("only the department's operators and reviewers, the credit office and administrators register webhooks", async () => {
    await allowLoopback();
    assert.equal((await post(t, '/api/v1/webhooks', auditor.headers, { url: `${base}/x` })).statusCode, 403);
    const key = await createApiKey(t, 'finance');
    assert.equal((await post(t, '/api/v1/webhooks', key.headers, { url: `${base}/x` })).statusCode, 403);
    const other = await post(t, '/api/v1/webhooks', tax.headers, {
      url: `${base}/x`,
      departmentId: finance.departmentId,
    });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'webhook.other_department');
    const forFinance = await post(t, '/api/v1/webhooks', admin, {
      url: `${base}/by-admin`,
      departmentId: finance.departmentId,
    });
    assert.equal(forFinance.statusCode, 201);
    assert.equal(forFinance.json().webhook.department.code, 'finance');
    const id = forFinance.json().webhook.id;
    assert.equal(
      (await get(t, `/api/v1/webhooks/${id}`, tax.headers)).statusCode,
      404,
      'another department does not see it',
    );
    assert.equal(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${id}`, headers: tax.headers })).statusCode,
      404,
    );
    const disabled = await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${id}`, headers: finance.headers });
    assert.equal(disabled.statusCode, 200);
    assert.equal(disabled.json().active, false);
    const twice = await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${id}`, headers: finance.headers });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, 'webhook.disabled');
  });
});

describe('delivery', () => {
  test('a receiver that fails its first two attempts gets every change in order, signed, after backoff retries', async () => {
    await allowLoopback();
    const hook = await register(finance, '/finance');
    queued.set('/finance', [500, 500]);
    const entries = await publishEntries(t, {
      operator: amrOperator,
      reviewer: amrReviewer,
      measureCodes: ['san_fiscal_funds'],
      count: 3,
    });
    await t.ctx.jobs.run('dispatch');
    const from = received.length;

    assert.deepEqual(
      await deliverNow(),
      { attempted: 1, delivered: 0 },
      'only the oldest delivery is tried; the others wait behind it',
    );
    let [oldest] = (await deliveries(finance, hook.id)).slice(-1);
    assert.equal(oldest.state, 'pending');
    assert.equal(oldest.attempts, 1);
    assert.equal(oldest.lastStatus, 500);
    const firstAt = t.clock.now().getTime();
    const wait1 = new Date(oldest.nextAttemptAt).getTime() - firstAt;
    assert.ok(wait1 >= 30_000 && wait1 <= 33_000, `first retry after 30 s plus jitter, was ${wait1}`);
    assert.equal(
      new Date(oldest.giveUpAt).getTime(),
      firstAt + 24 * 3_600_000,
      'gives up 24 h after the first attempt',
    );

    t.clock.advance(wait1 - 1000);
    assert.deepEqual(await deliverNow(), { attempted: 0, delivered: 0 }, 'not before its time');
    t.clock.set(oldest.nextAttemptAt);
    assert.deepEqual(await deliverNow(), { attempted: 1, delivered: 0 });
    [oldest] = (await deliveries(finance, hook.id)).slice(-1);
    const wait2 = new Date(oldest.nextAttemptAt).getTime() - t.clock.now().getTime();
    assert.ok(wait2 >= 60_000 && wait2 <= 66_000, `second retry after 60 s plus jitter, was ${wait2}`);

    t.clock.set(oldest.nextAttemptAt);
    assert.deepEqual(
      await deliverNow(),
      { attempted: 3, delivered: 3 },
      'the third attempt succeeds, and the waiting deliveries follow',
    );

    const mine = received.slice(from).filter((r) => r.path === '/finance');
    assert.equal(mine.length, 5);
    for (const r of mine) {
      assert.equal(r.headers['content-type'], 'application/json');
      assert.equal(
        verifyWebhookSignature({
          secret: hook.secret,
          timestamp: r.headers['x-credlink-timestamp'] as string,
          body: r.body,
          signature: r.headers['x-credlink-signature'] as string,
          now: r.at,
        }),
        true,
        'the signature verifies',
      );
      const body = JSON.parse(r.body);
      assert.equal(r.headers['idempotency-key'], body.idempotencyKey);
      assert.equal(r.headers['x-credlink-delivery'], body.id);
    }
    const bodies = mine.map((r) => JSON.parse(r.body));
    assert.equal(new Set(bodies.slice(0, 3).map((b) => b.id)).size, 1, 'the first delivery was tried three times');
    const delivered = [bodies[2], bodies[3], bodies[4]];
    assert.deepEqual(
      delivered.map((b) => b.streamId),
      entries.map((e) => e.id),
      'changes arrive in event order',
    );
    const versions = delivered.map((b) => BigInt(b.dataVersion));
    assert.ok(versions[0]! < versions[1]! && versions[1]! < versions[2]!);
    assert.ok(
      delivered.every(
        (b) => b.type === 'entry.published' && b.stream === 'entry' && b.change.measures[0].code === 'san_fiscal_funds',
      ),
    );
    assert.doesNotMatch(mine.map((r) => r.body).join(), /\d{17}[\dX]/, 'no ID number in clear');

    const feed = (await getOk(t, '/api/v1/changes?since=0&limit=1000', finance.headers)).items;
    assert.deepEqual(
      delivered.map((b) => b.idempotencyKey),
      feed.slice(-3).map((i: { dispatchId: string }) => i.dispatchId),
      'the same changes as the feed, in the same order',
    );

    const log = await deliveries(finance, hook.id);
    assert.ok(log.every((d: { state: string }) => d.state === 'delivered'));
    assert.deepEqual(
      log.at(-1).attemptLog.map((a: { status: number }) => a.status),
      [500, 500, 200],
    );
  });

  test("after 24 hours of failures a delivery is marked failed, and the webhook's later deliveries then proceed", async () => {
    await allowLoopback();
    const hook = await register(prtc, '/prtc-down');
    queued.set('/prtc-down', Array(200).fill(503));
    await publishEntries(t, {
      operator: amrOperator,
      reviewer: amrReviewer,
      measureCodes: ['san_public_trading'],
      count: 2,
    });
    await t.ctx.jobs.run('dispatch');
    const from = received.length;
    await deliverNow();
    const firstAt = t.clock.now().getTime();
    let previousAt = firstAt;
    let d = (await deliveries(prtc, hook.id)).at(-1);
    for (let n = 1; d.state === 'pending'; n++) {
      const wait = new Date(d.nextAttemptAt).getTime() - previousAt;
      const expected = Math.min(30_000 * 2 ** (n - 1), 3_600_000);
      const cappedByGiveUp = new Date(d.nextAttemptAt).getTime() === firstAt + 24 * 3_600_000;
      assert.ok(cappedByGiveUp || (wait >= expected && wait <= expected * 1.1), `wait after attempt ${n}: ${wait}`);
      t.clock.set(d.nextAttemptAt);
      previousAt = t.clock.now().getTime();
      await deliverNow();
      d = (await deliveries(prtc, hook.id)).at(-1);
      assert.ok(n < 100);
    }
    assert.equal(d.state, 'failed');
    assert.equal(previousAt, firstAt + 24 * 3_600_000, 'the last attempt is made at the 24-hour mark');
    assert.ok(d.attempts > 20 && d.attempts < 40, `${d.attempts} attempts`);
    const tried = received
      .slice(from)
      .filter((r) => r.path === '/prtc-down')
      .map((r) => JSON.parse(r.body).id);
    const later = (await deliveries(prtc, hook.id))[0];
    assert.equal(tried.length, d.attempts + 1);
    assert.ok(
      tried.slice(0, -1).every((id) => id === d.id),
      'the later delivery waited while the first was retried',
    );
    assert.equal(tried.at(-1), later.id, 'once the first had failed, the next one went at once');
    assert.equal(later.attempts, 1);

    queued.set('/prtc-down', []);
    t.clock.set(later.nextAttemptAt);
    assert.deepEqual(await deliverNow(), { attempted: 1, delivered: 1 });
    const log = await deliveries(prtc, hook.id);
    assert.deepEqual(
      log.map((x: { state: string }) => x.state),
      ['delivered', 'failed'],
    );
  });

  test('manual redelivery sends a change again with the same idempotency key and is logged; a queued one is refused', async () => {
    await allowLoopback();
    const hook = await register(ndrc, '/ndrc');
    await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: ['san_project_approval'] });
    await t.ctx.jobs.run('dispatch');
    await deliverNow();
    const [delivery] = await deliveries(ndrc, hook.id);
    assert.equal(delivery.state, 'delivered');

    const url = `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redelivery`;
    assert.equal((await post(t, url, tax.headers, {})).statusCode, 404, 'another department');
    assert.equal((await post(t, url, auditor.headers, {})).statusCode, 403, 'read-only role');
    const from = received.length;
    const res = await post(t, url, ndrc.headers, {});
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().delivered, true);
    assert.equal(res.json().attempt.manual, true);
    assert.equal(res.json().delivery.attemptLog.length, 2);
    const again = received.slice(from);
    assert.equal(again.length, 1);
    assert.equal(again[0]!.headers['idempotency-key'], delivery.idempotencyKey);
    assert.equal(again[0]!.headers['x-credlink-delivery'], delivery.id);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['details', 'actor'])
      .where('action', '=', 'webhook.redelivered')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor, `user:${ndrc.id}`);

    queued.set('/ndrc', [500]);
    await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: ['san_project_approval'] });
    await t.ctx.jobs.run('dispatch');
    await deliverNow();
    const [waiting] = await deliveries(ndrc, hook.id);
    assert.equal(waiting.state, 'pending');
    const queuedOne = await post(
      t,
      `/api/v1/webhooks/${hook.id}/deliveries/${waiting.id}/redelivery`,
      ndrc.headers,
      {},
    );
    assert.equal(queuedOne.statusCode, 409);
    assert.equal(queuedOne.json().error.code, 'webhook.delivery_pending');

    const disabled = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/webhooks/${hook.id}`,
      headers: ndrc.headers,
    });
    assert.equal(disabled.statusCode, 200);
    const [abandoned] = await deliveries(ndrc, hook.id);
    assert.equal(abandoned.state, 'failed');
    assert.match(abandoned.lastError, /停用/);
    assert.equal((await post(t, url, ndrc.headers, {})).statusCode, 409, 'no redelivery on a disabled webhook');
  });

  test('the target is checked again at each delivery: without the allow-list entry nothing is sent', async () => {
    await allowLoopback();
    const hook = await register(finance, '/finance-recheck');
    const entry = (await getOk(t, '/api/v1/egress-allowlist', admin)).items.find(
      (e: { pattern: string }) => e.pattern === '127.0.0.0/8',
    );
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/egress-allowlist/${entry.id}`,
      headers: admin,
    });
    assert.equal(removed.statusCode, 204);
    await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: ['san_fiscal_funds'] });
    await t.ctx.jobs.run('dispatch');
    const from = received.length;
    await deliverNow();
    assert.equal(received.slice(from).filter((r) => r.path === '/finance-recheck').length, 0);
    const [d] = await deliveries(finance, hook.id);
    assert.equal(d.state, 'pending');
    assert.match(d.lastError, /目标地址不允许/);
    await allowLoopback();
    t.clock.set(d.nextAttemptAt);
    await deliverNow();
    assert.equal((await deliveries(finance, hook.id))[0].state, 'delivered');
    // The department's other webhook was refused too; let its retry come due so no delivery is left waiting.
    t.clock.advance(3_600_000);
    await deliverNow();
    assert.equal(
      (await t.ctx.db.selectFrom('webhook_deliveries').select('id').where('state', '=', 'pending').execute()).length,
      0,
    );
  });

  test('two delivery workers running at once send each change once, still in order', async () => {
    await allowLoopback();
    const hook = await register(eco, '/eco');
    const entries = await publishEntries(t, {
      operator: amrOperator,
      reviewer: amrReviewer,
      measureCodes: ['san_public_interest_litigation'],
      count: 4,
    });
    await t.ctx.jobs.run('dispatch');
    const from = received.length;
    await Promise.all([runDeliveries(t.ctx), runDeliveries(t.ctx)]);
    const bodies = received
      .slice(from)
      .filter((r) => r.path === '/eco')
      .map((r) => JSON.parse(r.body));
    assert.deepEqual(
      bodies.map((b) => b.streamId),
      entries.map((e) => e.id),
      'each once, in event order',
    );
    assert.ok(
      (await deliveries(eco, hook.id)).every(
        (d: { state: string; attempts: number }) => d.state === 'delivered' && d.attempts === 1,
      ),
    );
  });
});
