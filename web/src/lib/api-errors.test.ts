import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiFieldPath, mapApiError } from './api-errors.ts';

const FORM = ['party.name', 'party.uscc', 'party.citizenId', 'party.contact', 'content', 'attachments'];

test('each issue of a 400 answer is shown beside the field it names', () => {
  const mapped = mapApiError(
    {
      error: {
        code: 'request.invalid',
        message: '请求体不符合要求：字段 party.name、content 无效。',
        details: {
          location: 'body',
          issues: [
            { field: 'party.name', message: '不能为空' },
            { field: 'content', message: '最多 5000 个字符' },
          ],
        },
      },
    },
    FORM,
  );
  assert.deepEqual(mapped.fields, { 'party.name': ['不能为空'], content: ['最多 5000 个字符'] });
  assert.deepEqual(mapped.general, [], 'the summary is left out when every issue has its field');
});

test("a 422 answer's field goes to that field, an attachment's to the attachment field", () => {
  const uscc = mapApiError(
    { error: { code: 'subject.invalid_uscc', message: '校验码错误', details: { field: 'party.uscc' } } },
    FORM,
  );
  assert.deepEqual(uscc, { fields: { 'party.uscc': ['校验码错误'] }, general: [] });
  const file = mapApiError(
    {
      error: {
        code: 'attachment.too_large',
        message: '第 2 个附件「a.pdf」大小为 3.0 MiB，超过 2 MiB 的上限。',
        details: { field: 'attachments[1].content' },
      },
    },
    FORM,
  );
  assert.deepEqual(file.fields, { attachments: ['第 2 个附件「a.pdf」大小为 3.0 MiB，超过 2 MiB 的上限。'] });
});

test('an error about no field of the form is shown above the form, with the summary of a 400', () => {
  const target = mapApiError(
    { error: { code: 'filing.target_not_found', message: '未找到该决定书', details: { field: 'target' } } },
    FORM,
  );
  assert.deepEqual(target, { fields: {}, general: ['未找到该决定书'] });
  const unknown = mapApiError(
    {
      error: {
        code: 'request.invalid',
        message: '请求体不符合要求：字段 extra 无效。',
        details: { issues: [{ field: 'extra', message: '不允许的字段' }] },
      },
    },
    FORM,
  );
  assert.deepEqual(unknown.general, ['请求体不符合要求：字段 extra 无效。', '不允许的字段']);
  const throttled = mapApiError({ error: { code: 'tracking.too_many_attempts', message: '尝试过于频繁' } }, FORM);
  assert.deepEqual(throttled, { fields: {}, general: ['尝试过于频繁'] });
});

test('a message for a field nested deeper than the form goes to the nearest field the form shows', () => {
  const mapped = mapApiError(
    { error: { code: 'x', message: '无效', details: { field: 'proof.attachments[0].fileName' } } },
    ['proof.text', 'proof.attachments'],
  );
  assert.deepEqual(mapped.fields, { 'proof.attachments': ['无效'] });
});

test('API field names with brackets and with dots name the same path', () => {
  assert.deepEqual(apiFieldPath('attachments[1].content'), ['attachments', '1', 'content']);
  assert.deepEqual(apiFieldPath('attachments.1.content'), ['attachments', '1', 'content']);
});
