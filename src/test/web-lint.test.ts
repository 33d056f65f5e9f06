import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The web app's code flows one way, app → features → shared (docs/decisions/0018-web-app-build.md): the linter is what
// holds it, so it must refuse each crossing.

const root = path.resolve(import.meta.dirname, '../..');

const files: Record<string, string> = {
  // A feature reaching into another feature and into the app, by alias and by a relative path climbing out.
  'web/src/features/tipoffs/routes/probe.ts': `
import { a } from '@/features/public/api/filings.ts';
import { b } from '@/app/router.tsx';
import { c } from '../../public/api/filings.ts';
import { d } from '../api/file-tipoff.ts';
import { e } from '@/lib/api/client.ts';
import { f } from '@/features/tipoffs/api/file-tipoff.ts';
export const all = [a, b, c, d, e, f];
`,
  // Shared code reaching into a feature or the app.
  'web/src/lib/probe.ts': `
import { a } from '@/features/public/api/filings.ts';
import { b } from '../app/router.tsx';
import { c } from './attachments.ts';
export const all = [a, b, c];
`,
  // The app composes features: allowed.
  'web/src/app/probe.ts': `
import { a } from '@/features/public/routes/objection.tsx';
import { b } from '../features/tipoffs/routes/tipoff.tsx';
export const all = [a, b];
`,
};

test(
  'the linter refuses a web feature importing another feature or the app, and shared code importing either',
  { timeout: 120_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-web-lint-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, types: [], allowImportingTsExtensions: true },
        }),
      );
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.js') });
      const results = await eslint.lintFiles(Object.keys(files));
      const refusedLines = (file: string) =>
        (results.find((r) => r.filePath.endsWith(file))?.messages ?? [])
          .filter((m) => m.ruleId === 'no-restricted-imports')
          .map((m) => m.line);
      assert.deepEqual(refusedLines('features/tipoffs/routes/probe.ts'), [2, 3, 4]);
      assert.deepEqual(refusedLines('lib/probe.ts'), [2, 3]);
      assert.deepEqual(refusedLines('app/probe.ts'), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
