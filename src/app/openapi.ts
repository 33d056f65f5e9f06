import type { App } from '../modules/shared/index.ts';

export const OPENAPI_PATH = 'docs/api/openapi.json';

/** The API document as committed: stable key order and a trailing newline, so a stale copy shows as a diff. */
export function renderOpenApi(app: App): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}
