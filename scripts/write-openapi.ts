// Regenerates docs/api/openapi.json from the zod schemas of the routes, and the web app's API types from it
// (npm run openapi).
import fs from 'node:fs';
import { OPENAPI_PATH, renderOpenApi } from '../src/app/openapi.ts';
import { createTestApp } from '../src/test/harness.ts';
import { renderWebApiTypes, WEB_API_TYPES_PATH } from './web-api-types.ts';

const t = await createTestApp();
try {
  const document = renderOpenApi(t.app);
  fs.writeFileSync(OPENAPI_PATH, document);
  console.log(`wrote ${OPENAPI_PATH}`);
  fs.writeFileSync(WEB_API_TYPES_PATH, await renderWebApiTypes(document));
  console.log(`wrote ${WEB_API_TYPES_PATH}`);
} finally {
  await t.close();
}
