// The module rule (docs/ARCHITECTURE.md, "Modules"): a feature folder under src/modules is a room with one door, its
// index.ts. Checked in CI by `npm run depcheck`; no exceptions are listed here, and none should be.
const TEST = '(\\.test\\.ts|\\.test-support\\.ts|-test-kit\\.ts|check-fixtures\\.ts)$';

module.exports = {
  forbidden: [
    {
      name: 'module-front-only',
      comment: 'Another module is reached through its front (src/modules/<feature>/index.ts), never its inner files.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-front-or-test-support',
      comment:
        "A module's tests may also use another module's test support (*.test-support.ts, test kit, test vectors).",
      severity: 'error',
      from: { path: ['^src/modules/([^/]+)/.*' + TEST] },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: [
          '^src/modules/$1/',
          '^src/modules/[^/]+/index\\.ts$',
          '^src/modules/[^/]+/.*' + TEST,
          '\\.vectors\\.json$',
        ],
      },
    },
    {
      name: 'composition-root-through-fronts',
      comment: 'src/app and the CLI also reach a module through its front: what they use of it is what it offers.',
      severity: 'error',
      from: { path: '^src/(app|cli)/', pathNot: TEST },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'modules-never-import-the-composition-root',
      comment: 'src/app composes the modules; modules never depend on it (nor on the CLI or the test harness).',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: TEST },
      to: { path: '^src/(app|cli|test)/' },
    },
    {
      name: 'no-cycles',
      comment:
        'No runtime import cycle between files (type-only ones vanish at run time); module cycles: scripts/depcheck.mjs.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|web|bench|data)/' },
  },
};
