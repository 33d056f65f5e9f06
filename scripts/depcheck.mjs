// The module rule, checked in CI (docs/ARCHITECTURE.md, "Modules"): dependency-cruiser applies the file rules of
// .dependency-cruiser.cjs (fronts only, modules never import src/app, no file cycles), and this script adds the one
// rule it cannot state: no cycle between modules (A imports B's front and B imports A's, however indirectly).
// Test files are left out of the module graph: a module's tests may use other modules to set up their data.
// `--mermaid` prints the module graph as the Mermaid picture docs/ARCHITECTURE.md shows.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const TEST = /(\.test\.ts|\.test-support\.ts|-test-kit\.ts|check-fixtures\.ts)$/;
const bin = path.join('node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
let raw;
try {
  raw = execFileSync(process.execPath, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
} catch (error) {
  // dependency-cruiser exits non-zero when a rule is broken; its JSON is still on stdout.
  raw = error.stdout;
  if (!raw) throw error;
}
const result = JSON.parse(raw);

const problems = result.summary.violations.map(
  (v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name ?? c).join(' → ')})` : ''}`,
);

const moduleOf = (file) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
const graph = new Map();
for (const m of result.modules) {
  const from = moduleOf(m.source);
  if (!from || TEST.test(m.source)) continue;
  if (!graph.has(from)) graph.set(from, new Set());
  for (const d of m.dependencies) {
    const to = moduleOf(d.resolved);
    if (to && to !== from) graph.get(from).add(to);
  }
}
for (const cycle of stronglyConnected(graph).filter((c) => c.length > 1)) {
  problems.push(`module-cycle: ${cycle.sort().join(' ↔ ')}`);
}

if (process.argv.includes('--mermaid')) {
  // The picture in docs/ARCHITECTURE.md: every module uses shared, so those arrows are left out.
  const lines = ['flowchart LR'];
  for (const [from, tos] of [...graph.entries()].sort())
    for (const to of [...tos].sort()) if (to !== 'shared') lines.push(`  ${from} --> ${to}`);
  console.log(lines.join('\n'));
}

if (problems.length > 0) {
  console.error(`模块依赖规则未通过（${problems.length} 处）：\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.error(`模块依赖规则通过：${graph.size} 个模块、${result.summary.totalCruised} 个文件，无越界引用，无循环。`);

/** Tarjan's algorithm: the groups of modules that reach each other. */
function stronglyConnected(g) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        group.push(w);
      } while (w !== v);
      out.push(group);
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}
