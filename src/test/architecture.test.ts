import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';

test('the module picture in docs/ARCHITECTURE.md is the module graph of the code', () => {
  const drawn = execFileSync(process.execPath, ['scripts/depcheck.mjs', '--mermaid'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const doc = fs.readFileSync('docs/ARCHITECTURE.md', 'utf8');
  const shown = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1]?.trim();
  assert.equal(shown, drawn, 'docs/ARCHITECTURE.md: redraw the picture with node scripts/depcheck.mjs --mermaid');
});
