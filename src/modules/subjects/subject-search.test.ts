import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { makeCitizenId, makeUscc, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { usccCheckCharacter } from '../shared/index.ts';

let t: TestApp;
let operator: TestUser;
let office: TestUser;

before(async () => {
  // The list entry's statement period moves the clock by days: sessions must outlive it.
  t = await createTestApp({ config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 } });
  operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
});
after(async () => {
  await t.close();
});

const register = async (name: string, uscc = makeUscc()) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/subjects',
    headers: operator.headers,
    payload: { uscc, name },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
};
const search = (q: string, page?: number) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/public/subjects?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`,
  });
const names = async (q: string) => {
  const res = await search(q);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as { name: string }[]).map((i) => i.name);
};

test('a name fragment of 2, 3 or 4 characters finds the companies whose name contains it', async () => {
  await register('济南翠柏商贸有限公司');
  await register('山东翠柏置业有限公司');
  await register('济南青松商贸有限公司');
  assert.deepEqual(new Set(await names('翠柏')), new Set(['济南翠柏商贸有限公司', '山东翠柏置业有限公司']));
  assert.deepEqual(await names('翠柏商'), ['济南翠柏商贸有限公司']);
  assert.deepEqual(await names('翠柏置业'), ['山东翠柏置业有限公司']);
  const miss = (await search('翠柏林业')).json();
  assert.deepEqual(
    { items: miss.items, total: miss.total, capped: miss.capped },
    { items: [], total: 0, capped: false },
  );
});

test('width, brackets, spaces and legal-form spellings do not get in the way of a match', async () => {
  await register('济南玄武（集团）有限责任公司');
  await register('ABC玄鸟科技股份公司');
  assert.deepEqual(await names('玄武(集团)'), ['济南玄武（集团）有限责任公司']);
  assert.deepEqual(await names('玄武集团'), ['济南玄武（集团）有限责任公司']);
  assert.deepEqual(await names('玄 武 集 团'), ['济南玄武（集团）有限责任公司']);
  assert.deepEqual(await names('玄武集团有限公司'), ['济南玄武（集团）有限责任公司']);
  assert.deepEqual(await names('玄武集团有限责任'), ['济南玄武（集团）有限责任公司']);
  assert.deepEqual(await names('ａｂｃ玄鸟'), ['ABC玄鸟科技股份公司'], 'full-width Latin letters');
  assert.deepEqual(await names('玄鸟科技股份有限公司'), ['ABC玄鸟科技股份公司']);
});

test('the best matches come first: exact, then prefix, then earlier position, then shorter name', async () => {
  await register('山东省济南市某区赤霄物流有限公司');
  await register('济南赤霄物流有限公司');
  await register('赤霄物流有限公司');
  await register('赤霄');
  await register('赤霄贸易有限公司');
  assert.deepEqual(await names('赤霄'), [
    '赤霄',
    '赤霄物流有限公司', // as long as the next one, and both prefixes: in character order
    '赤霄贸易有限公司',
    '济南赤霄物流有限公司',
    '山东省济南市某区赤霄物流有限公司',
  ]);
});

test('results come in pages of 20, and more than 200 matches are capped and say so', async () => {
  for (let i = 0; i < 205; i++) await register(`济南白泽${String(i).padStart(3, '0')}号商行`);
  const first = (await search('白泽')).json();
  assert.equal(first.items.length, 20);
  assert.equal(first.total, 200);
  assert.equal(first.capped, true);
  const last = (await search('白泽', 10)).json();
  assert.equal(last.items.length, 20);
  assert.equal(last.page, 10);
  assert.equal((await search('白泽', 11)).json().items.length, 0);
  const seen = new Set([...first.items, ...last.items].map((i: { id: string }) => i.id));
  assert.equal(seen.size, 40, 'pages do not overlap');
  const exact = (await search('白泽123号')).json();
  assert.deepEqual([exact.total, exact.capped], [1, false]);
});

test('a valid code goes straight to its subject, and an unknown valid code says it is not registered', async () => {
  const uscc = makeUscc();
  const id = await register('济南腾蛇科技有限公司', uscc);
  const spaced = `${uscc.slice(0, 6)} ${uscc.slice(6)}`.toLowerCase();
  const found = (await search(spaced)).json();
  assert.equal(found.kind, 'code');
  assert.equal(found.subject.id, id);
  const unknown = (await search(makeUscc())).json();
  assert.equal(unknown.kind, 'code');
  assert.equal(unknown.subject, null);
});

test('a malformed code says what is wrong with it: length, characters or check character', async () => {
  const body = '91370100MA3C5LRG0';
  const check = usccCheckCharacter(body);
  const wrong = check === 'A' ? 'B' : 'A';
  const cases: [string, RegExp][] = [
    [`${body}${wrong}`, new RegExp(`第18位校验码错误，应为 ${check}`)],
    [body, /应为18位，实际为17位/],
    ['91370100MA3C5LRGOI', /不允许的字符：O、I/],
    // All digits, as some codes are: still a code with a wrong check character, not an ID number.
    [`91370125000000000${usccCheckCharacter('91370125000000000') === '1' ? '2' : '1'}`, /第18位校验码错误/],
  ];
  for (const [q, message] of cases) {
    const res = await search(q);
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, 'search.invalid_uscc');
    assert.equal(error.details.field, 'q');
    assert.match(error.message, message);
    assert.ok(error.details.problems.length > 0);
  }
});

test('an ID number is never a search key, and the refusal does not repeat it', async () => {
  const citizenId = makeCitizenId();
  for (const q of [citizenId, `${citizenId.slice(0, 17)}0`, citizenId.slice(0, 15), `张三${citizenId}`]) {
    const res = await search(q);
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'search.citizen_id_refused');
    assert.ok(!res.body.includes(q) && !res.body.includes(citizenId.slice(0, 15)), 'the number is not echoed');
  }
});

test('one character, more than 50 characters or control characters get their own message', async () => {
  const cases: [string, string][] = [
    ['鑫', 'search.too_short'],
    ['（鑫）', 'search.too_short'],
    ['鑫'.repeat(51), 'search.too_long'],
    ['鑫'.repeat(500), 'search.too_long'],
    ['鑫源\u202e公司', 'search.control_characters'],
  ];
  for (const [q, code] of cases) {
    const res = await search(q);
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, code);
    assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
  }
  const nul = await search('鑫\u0000源');
  assert.equal(nul.statusCode, 400, 'a NUL is refused before any search');
});

test('a natural person is found only by name within a disclosed list, and always masked', async () => {
  const listed = makeCitizenId();
  const unlisted = makeCitizenId();
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/subjects',
    headers: operator.headers,
    payload: { citizenId: unlisted, name: '欧阳未列' },
  });
  assert.deepEqual(await names('欧阳未列'), [], 'a person on no public list is not found');
  await publishBlackEntry(t, {
    operator: await createUser(t, { roles: ['operator'], departmentCode: 'court' }),
    reviewer: await createUser(t, { roles: ['reviewer'], departmentCode: 'court' }),
    listTypeCode: 'black_court',
    subject: { citizenId: listed, name: '欧阳已列' },
  });
  const res = await search('欧阳已列');
  const item = res.json().items[0];
  assert.equal(item.kind, 'person');
  assert.equal(item.uscc, null);
  assert.equal(item.citizenIdMasked, `${listed.slice(0, 4)}**********${listed.slice(-4)}`);
  assert.ok(!res.body.includes(listed), 'the number appears only masked');
  assert.deepEqual(await names('欧阳'), ['欧阳已列']);
  const byId = await search(listed);
  assert.equal(byId.json().error.code, 'search.citizen_id_refused');
});

test('a former name finds the subject and says which name matched', async () => {
  const id = await register('济南獬豸旧称有限公司');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/subjects/${id}/names`,
    headers: office.headers,
    payload: { name: '济南麒麟新称有限公司', validFrom: '2026-05-01' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const hit = (await search('獬豸')).json().items[0];
  assert.equal(hit.name, '济南麒麟新称有限公司');
  assert.equal(hit.matchedFormerName, '济南獬豸旧称有限公司');
  const both = (await search('称有限公司')).json().items.filter((i: { id: string }) => i.id === id);
  assert.equal(both.length, 1, 'a subject matched by two of its names appears once');
  assert.equal(both[0].matchedFormerName, null, 'by its current name');
});
