import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import vectors from '../shared/identifiers.vectors.json' with { type: 'json' };
import { citizenIdCheckCharacter, normalizeIdentifierInput, usccCheckCharacter } from '../shared/index.ts';

let t: TestApp;
const logLines: string[] = [];

before(async () => {
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  t = await createTestApp({ log: { destination } });
});
after(() => t.close());

const get = (code: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1/identifiers/${encodeURIComponent(code)}`, headers });

describe('GET /api/v1/identifiers/{code} answers every public test vector', () => {
  for (const code of vectors.uscc.valid) {
    it(`${code} is a valid unified social credit code`, async () => {
      const response = await get(code);
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.valid, true);
      assert.equal(body.type, 'uscc');
      assert.equal(body.normalized, code);
      assert.ok(body.problems.every((p: { severity: string }) => p.severity === 'warning'));
    });
  }

  for (const { code, why } of vectors.uscc.invalid) {
    it(`${code} is answered as invalid (${why}) with a Chinese message`, async () => {
      const response = await get(code);
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.valid, false);
      assert.equal(body.normalized, null);
      assert.ok(body.problems.length > 0);
      for (const p of body.problems) assert.match(p.message, /[\u4e00-\u9fff]/);
    });
  }

  for (const { input, normalized } of vectors.uscc.normalize) {
    it(`"${input}" is normalized to ${normalized}`, async () => {
      const body = (await get(input)).json();
      assert.deepEqual(
        { valid: body.valid, type: body.type, normalized: body.normalized },
        { valid: true, type: 'uscc', normalized },
      );
    });
  }

  for (const code of vectors.citizenId.valid) {
    it(`${code} is a valid citizen ID number`, async () => {
      const body = (await get(code)).json();
      assert.deepEqual(body, { valid: true, type: 'citizen_id', normalized: code, problems: [] });
    });
  }

  for (const { code, why } of vectors.citizenId.invalid) {
    it(`${code} is answered as invalid (${why})`, async () => {
      const body = (await get(code)).json();
      assert.equal(body.valid, false);
      assert.equal(body.normalized, null);
      assert.ok(body.problems.some((p: { severity: string }) => p.severity === 'error'));
    });
  }

  for (const { input, normalized } of vectors.citizenId.normalize) {
    it(`citizen ID "${input}" is normalized to ${normalized}`, async () => {
      const body = (await get(input)).json();
      assert.deepEqual(
        { valid: body.valid, type: body.type, normalized: body.normalized },
        { valid: true, type: 'citizen_id', normalized },
      );
    });
  }

  for (const { input, upgraded } of vectors.citizenId.legacy15) {
    it(`the 15-digit number ${input} is upgraded to ${upgraded}`, async () => {
      const body = (await get(input)).json();
      assert.deepEqual(
        { valid: body.valid, type: body.type, normalized: body.normalized },
        { valid: true, type: 'citizen_id', normalized: upgraded },
      );
    });
  }
});

describe('identifier checks', () => {
  it('are public and answer with Cache-Control: no-store', async () => {
    const response = await get('91110000600037341L');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('include warnings in problems while the code stays valid', async () => {
    // A correct USCC check character over an embedded organization code whose own check is wrong.
    const body17 = '91110000600037342';
    const code = body17 + usccCheckCharacter(body17);
    const body = (await get(code)).json();
    assert.equal(body.valid, true);
    assert.equal(body.normalized, code);
    assert.deepEqual(
      body.problems.map((p: { code: string; severity: string }) => [p.code, p.severity]),
      [['uscc.organization_code_check', 'warning']],
    );
  });

  it('answer a code of no known length with type null and a Chinese message', async () => {
    const body = (await get('12345678')).json();
    assert.equal(body.valid, false);
    assert.equal(body.type, null);
    assert.equal(body.problems[0].code, 'identifier.length');
  });

  it('are also available as a POST with the code in the body, public and not cached', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/identifiers',
      payload: { code: '44011320141005001x' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.deepEqual(response.json(), {
      valid: true,
      type: 'citizen_id',
      normalized: '44011320141005001X',
      problems: [],
    });
  });

  it('refuse a POST without a code with 400 naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/identifiers', payload: {} });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'request.invalid');
    assert.match(response.json().error.message, /code/);
  });

  it('judge a birth date against today in China time, from the server clock', async () => {
    const body17 = '11010520270101001';
    const code = body17 + citizenIdCheckCharacter(body17);
    try {
      t.clock.set('2026-12-31T15:59:00.000Z'); // 23:59 on 31 December in Beijing
      assert.equal((await get(code)).json().valid, false);
      t.clock.set('2026-12-31T16:00:00.000Z'); // midnight: 1 January 2027 in Beijing
      assert.deepEqual((await get(code)).json(), { valid: true, type: 'citizen_id', normalized: code, problems: [] });
    } finally {
      t.clock.set('2026-06-01T02:00:00.000Z');
    }
  });
});

describe('the request log of the GET route', () => {
  // What a reader of the log could recover: escapes decoded, full-width folded, separators dropped.
  const readable = (text: string) => {
    let decoded = text;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      /* keep as is */
    }
    return normalizeIdentifierInput(decoded).replace(/[-+.,_]/g, '');
  };
  const variants: [string, string][] = [
    ['as typed', '11010519491231002X'],
    ['with a lower-case x', '11010519491231002x'],
    ['in full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
    ['with spaces', '110105 19491231 002X'],
    ['as a 15-digit legacy number', '110105491231002'],
    ['as a 15-digit legacy number with spaces', '110105 491231 002'],
  ];

  for (const [how, input] of variants) {
    it(`shows the ID number masked when it is sent ${how}`, async () => {
      logLines.length = 0;
      const response = await get(input);
      assert.equal(response.json().valid, true);
      await new Promise((resolve) => setImmediate(resolve));
      const line = logLines.find((l) => l.includes('incoming request'));
      assert.ok(line, `no request log line among: ${logLines.join('\n')}`);
      const url: string = JSON.parse(line).req.url;
      assert.match(url, /^\/api\/v1\/identifiers\/1101\*{7,10}/);
      // The birth date is the part masking hides; it must not be readable in any log line.
      assert.ok(!readable(logLines.join('\n')).includes('491231'), url);
    });
  }
});
