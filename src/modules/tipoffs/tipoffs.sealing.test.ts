import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { SealError } from '../shared/index.ts';
import { parseKeyRing, TipoffKeysMissingError } from './tipoff-keys.ts';
import { openAttachment, openReporter, sealAttachment, sealReporter } from './tipoffs.sealing.ts';

const key = () => randomBytes(32).toString('hex');
const reporter = { name: '举报人李四', contact: '13800000000', citizenId: null };

describe('sealed reporters and files', () => {
  test('a ring with a new current key and the old one opens values sealed under the old key; new values use the new key', () => {
    const oldKey = key();
    const before = parseKeyRing(`k2025:${oldKey}`);
    const sealed = sealReporter(before, 'tipoff-1', reporter);
    assert.equal(sealed.keyId, 'k2025');
    const rotated = parseKeyRing(`k2026:${key()}\nk2025:${oldKey}`);
    assert.equal(rotated.currentId, 'k2026', 'the first key seals new values');
    assert.deepEqual(openReporter(rotated, 'tipoff-1', sealed.sealed), reporter);
    assert.equal(sealReporter(rotated, 'tipoff-2', reporter).keyId, 'k2026');
    const withoutOld = parseKeyRing(
      `k2026:${[...rotated.keys.get('k2026')!].map((b) => b.toString(16).padStart(2, '0')).join('')}`,
    );
    assert.throws(
      () => openReporter(withoutOld, 'tipoff-1', sealed.sealed),
      (e) => e instanceof SealError && /k2025/.test(e.message),
    );
  });

  test('a sealed value copied to another tip-off, or altered, does not open', () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const sealed = sealReporter(ring, 'tipoff-1', reporter).sealed;
    assert.throws(() => openReporter(ring, 'tipoff-2', sealed), SealError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    assert.throws(
      () => openReporter(ring, 'tipoff-1', [...parts.slice(0, 3), body.toString('base64url')].join('.')),
      SealError,
    );
  });

  test('a file is sealed with its name, bound to its tip-off and attachment', () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const content = Buffer.from('%PDF-1.4 举报材料', 'utf8');
    const sealed = sealAttachment(ring, 'tipoff-1', 'file-1', { fileName: '张三的举报信.pdf', content });
    assert.ok(!sealed.content.toString('utf8').includes('张三'));
    const opened = openAttachment(ring, 'tipoff-1', 'file-1', sealed.content);
    assert.equal(opened.fileName, '张三的举报信.pdf');
    assert.deepEqual(opened.content, content);
    assert.throws(() => openAttachment(ring, 'tipoff-1', 'file-2', sealed.content), SealError);
  });

  test('a malformed key ring is refused with a Chinese message', () => {
    assert.throws(
      () => parseKeyRing('k1:short'),
      (e) => e instanceof TipoffKeysMissingError && /32 字节/.test(e.message),
    );
    assert.throws(() => parseKeyRing(`k1:${key()},k1:${key()}`), /重复/);
  });
});
