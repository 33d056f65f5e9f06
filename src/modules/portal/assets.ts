import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The reading pages' stylesheet, named by its content hash: a browser keeps it for a year and a new version has a
// new URL. Read once at start (a few kilobytes).
const css = readFileSync(new URL('./portal.css', import.meta.url), 'utf8');
const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);

export const STYLESHEET = { path: `/static/portal.${hash}.css`, body: css } as const;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
