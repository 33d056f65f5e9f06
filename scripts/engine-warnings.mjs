// Fails CI when `npm ci` warned EBADENGINE for a package the server needs at run time (not a development tool):
// the supported Node 20 would then run a dependency that does not claim to support it.
// Usage: node scripts/engine-warnings.mjs <npm ci output file>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `name@version` of every package npm warned EBADENGINE for, in the order printed. */
export function packagesWarned(npmOutput) {
  const names = [];
  for (const match of npmOutput.matchAll(/EBADENGINE\s+package:\s*'([^']+)'/g)) names.push(match[1]);
  return names;
}

/** Of the warned packages, those installed for run time (not marked `dev` in package-lock.json). */
export function runtimePackagesWarned(npmOutput, lock) {
  const runtime = [];
  for (const spec of packagesWarned(npmOutput)) {
    const at = spec.lastIndexOf('@');
    const [name, version] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, ''];
    const installs = Object.entries(lock.packages ?? {}).filter(
      ([where, info]) => where.endsWith(`node_modules/${name}`) && (!version || info.version === version),
    );
    // A package the lock does not name cannot be shown to be a development tool: it counts as run time.
    if (installs.length === 0 || installs.some(([, info]) => !info.dev)) runtime.push(spec);
  }
  return runtime;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const output = fs.readFileSync(process.argv[2], 'utf8');
  const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
  const runtime = runtimePackagesWarned(output, lock);
  if (runtime.length > 0) {
    console.error(
      `npm ci 在 Node ${process.version} 上对运行时依赖报告 EBADENGINE：${runtime.join(', ')}。` +
        '请固定到支持 Node 20 的版本（package.json 的 overrides），或在 docs/decisions/0001-node-20-support.md 中说明为何无害并在此排除。',
    );
    process.exit(1);
  }
  const dev = packagesWarned(output);
  if (dev.length > 0) console.log(`EBADENGINE only for development tools: ${dev.join(', ')}`);
}
