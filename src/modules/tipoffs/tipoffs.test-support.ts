// Tip-offs through the HTTP API, as the public and the departments would make them.
import assert from 'node:assert/strict';
import type { Headers } from '../../test/fixtures.ts';
import type { TestApp } from '../../test/harness.ts';

export const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`, 'utf8');
export const png = () =>
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export function tipoffBody(extra: Record<string, unknown> = {}) {
  return {
    subject: { name: '示例区被举报建材有限公司' },
    content: '该公司以次充好，向政府投资项目供应不合格钢材，涉嫌严重失信。',
    anonymous: false,
    reporter: { name: '举报人王小明', contact: '13912345678' },
    departmentCode: 'amr',
    attachments: [],
    ...extra,
  };
}

export async function fileTipoff(t: TestApp, payload: Record<string, unknown> = tipoffBody()) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/tipoffs', payload });
  assert.equal(res.statusCode, 201, res.body);
  const { applicationNo, trackingSecret } = res.json();
  const row = await t.ctx.db
    .selectFrom('tipoffs')
    .select('id')
    .where('application_no', '=', applicationNo)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    applicationNo: applicationNo as string,
    trackingSecret: trackingSecret as string,
    body: res.body,
  };
}

export const call = (t: TestApp, method: 'GET' | 'POST', url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
