import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ATTACHMENT_RULES, attachmentProblem, MAX_ATTACHMENT_BYTES, toBase64 } from './attachments.ts';

test('a file of the accepted kinds within 2 MiB can be attached', () => {
  for (const name of ['证明.pdf', 'scan.JPG', 'photo.jpeg', 'a.png', '决定书.ofd', 'note.txt']) {
    assert.equal(attachmentProblem({ name, size: 1000 }, 0), null, name);
  }
  assert.equal(attachmentProblem({ name: 'a.pdf', size: MAX_ATTACHMENT_BYTES }, 4), null);
});

test('a file over 2 MiB is refused with its size and the limit named', () => {
  const problem = attachmentProblem({ name: '大文件.pdf', size: MAX_ATTACHMENT_BYTES + 1 }, 0);
  assert.match(problem ?? '', /大文件\.pdf.*2\.0 MiB.*2 MiB 的上限/);
});

test('a file of another kind is refused with the accepted kinds named', () => {
  const problem = attachmentProblem({ name: 'setup.exe', size: 10 }, 0);
  assert.match(problem ?? '', /setup\.exe.*类型不允许.*PDF、JPEG、PNG、OFD、TXT/);
  assert.notEqual(attachmentProblem({ name: 'pdf', size: 10 }, 0), null, 'a name without an extension');
});

test('a sixth file is refused with the limit of five named', () => {
  assert.match(attachmentProblem({ name: 'f.pdf', size: 10 }, 5) ?? '', /最多 5 个/);
});

test('an empty file is refused', () => {
  assert.match(attachmentProblem({ name: 'empty.txt', size: 0 }, 0) ?? '', /空文件/);
});

test('the rules shown before upload name the count, the size and every accepted extension', () => {
  assert.match(ATTACHMENT_RULES, /最多 5 个/);
  assert.match(ATTACHMENT_RULES, /2 MiB/);
  for (const ext of ['.pdf', '.jpg', '.jpeg', '.png', '.ofd', '.txt']) assert.ok(ATTACHMENT_RULES.includes(ext), ext);
});

test('file content is sent as the base64 the API decodes, also for files larger than one slice', () => {
  const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
  assert.equal(toBase64(bytes), Buffer.from(bytes).toString('base64'));
});
