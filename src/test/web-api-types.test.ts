import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { renderWebApiTypes, WEB_API_TYPES_PATH } from '../../scripts/web-api-types.ts';
import { OPENAPI_PATH } from '../app/openapi.ts';
import { ALLOWED_CONTENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../modules/shared/attachments.ts';
import * as web from '../../web/src/lib/attachments.ts';

test("the web app's API types match the committed API document (run `npm run openapi` after changing a schema)", async () => {
  const expected = await renderWebApiTypes(fs.readFileSync(OPENAPI_PATH, 'utf8'));
  assert.equal(
    fs.readFileSync(WEB_API_TYPES_PATH, 'utf8'),
    expected,
    `${WEB_API_TYPES_PATH} is stale: run npm run openapi and commit it`,
  );
});

test('the upload limits the web forms show are the limits the API applies', () => {
  assert.equal(web.MAX_ATTACHMENTS, MAX_ATTACHMENTS);
  assert.equal(web.MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES);
  assert.deepEqual(web.ATTACHMENT_KINDS.map((k) => k.contentType).sort(), [...ALLOWED_CONTENT_TYPES].sort());
});
