// The web app's API types (web/src/lib/api/schema.d.ts), generated from the committed API document by
// openapi-typescript: `npm run openapi` writes them, src/test/web-api-types.test.ts fails when they are stale.
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const WEB_API_TYPES_PATH = 'web/src/lib/api/schema.d.ts';

/** The types for one API document (its JSON text), as committed. */
export async function renderWebApiTypes(openapiJson: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openapiJson) as Parameters<typeof openapiTS>[0]);
  return `${COMMENT_HEADER}${astToString(ast)}`;
}
