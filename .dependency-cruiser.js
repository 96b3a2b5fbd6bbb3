/**
 * Layer rules (STYLE.md §11), matched by path and by package: the domain sits at the bottom and imports
 * nothing outside itself; libs never import apps; no cycles.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain imports nothing from Nest, databases, Kafka or other libs: only itself',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: ['^libs/domain/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-types-are-pure',
      comment: 'even type-only imports in the domain stay inside it',
      severity: 'error',
      from: { path: '^libs/domain/src/(?!.*\\.spec\\.ts$)' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '\\.int-spec\\.ts$', '\\.e2e-spec\\.ts$', '^libs/testing/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
