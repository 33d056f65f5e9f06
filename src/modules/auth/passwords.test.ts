import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generatePassword, hashPassword, isStrongEnough, verifyPassword } from './passwords.ts';
import { bearerToken, newApiKey, newSessionToken, parseApiKey, sha256Hex } from './tokens.ts';

describe('passwords', () => {
  test('a scrypt hash records its parameters and a fresh salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('Correct-horse-9'), hashPassword('Correct-horse-9')]);
    assert.match(a, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('Correct-horse-9', a), true);
    assert.equal(await verifyPassword('Correct-horse-8', a), false);
    assert.equal(await verifyPassword('Correct-horse-9', 'bcrypt$whatever'), false);
  });

  test('a password needs 10 characters with letters and digits', () => {
    assert.equal(isStrongEnough('abcdefghi1'), true);
    assert.equal(isStrongEnough('信用办信用办信用办9'), true);
    assert.equal(isStrongEnough('abcdefgh1'), false);
    assert.equal(isStrongEnough('abcdefghij'), false);
    assert.equal(isStrongEnough('1234567890'), false);
  });

  test('generated passwords follow the rule and differ', () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    assert.ok(passwords.every(isStrongEnough));
    assert.equal(new Set(passwords).size, 50);
  });
});

describe('tokens', () => {
  test('an API key parses into its lookup prefix and secret, and only the secret is hashed', () => {
    const { key, prefix, secretHash } = newApiKey();
    const parsed = parseApiKey(key);
    assert.deepEqual(parsed && { prefix: parsed.prefix }, { prefix });
    assert.equal(sha256Hex(parsed!.secret), secretHash);
    assert.equal(Buffer.from(parsed!.secret, 'base64url').length, 32);
    for (const bad of ['clk_short', `clk_${prefix}-${parsed!.secret}`, `cls_${prefix}_${parsed!.secret}`, `${key}x`]) {
      assert.equal(parseApiKey(bad), null, bad);
    }
  });

  test('a session token is 32 random bytes stored as its SHA-256', () => {
    const { token, tokenHash } = newSessionToken();
    assert.match(token, /^cls_[A-Za-z0-9_-]{43}$/);
    assert.equal(tokenHash, sha256Hex(token));
  });

  test('only a single Bearer header yields a token', () => {
    assert.equal(bearerToken('Bearer abc'), 'abc');
    assert.equal(bearerToken('bearer abc'), 'abc');
    for (const header of [undefined, '', 'Bearer', 'Bearer a b', 'Basic abc', ['Bearer a', 'Bearer b']]) {
      assert.equal(bearerToken(header), null, String(header));
    }
  });
});
