// Regenerates docs/api/openapi.json from the zod schemas of the routes (npm run openapi).
import fs from 'node:fs';
import { OPENAPI_PATH, renderOpenApi } from '../src/app/openapi.ts';
import { createTestApp } from '../src/test/harness.ts';

const t = await createTestApp();
try {
  fs.writeFileSync(OPENAPI_PATH, renderOpenApi(t.app));
  console.log(`wrote ${OPENAPI_PATH}`);
} finally {
  await t.close();
}
