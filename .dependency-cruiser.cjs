/**
 * The module rules of ARCHITECTURE.md §4.2, enforced by `npm run check:deps`
 * (`depcruise src --config .dependency-cruiser.cjs`).
 *
 * - src/platform/ is shared plumbing: it imports no module, nor src/portal, src/app.ts, src/main.ts.
 * - A module (src/modules/<name>/) imports another module only through that module's index.ts,
 *   and only a module of an earlier tier in MODULE_TIERS. Modules of one tier are siblings: none
 *   imports another. Anything flowing the other way is an event (a pg-boss job).
 * - src/portal/ (pages composing several modules) may import any module, through its index.ts.
 * - No module imports src/portal, src/app.ts or src/main.ts.
 * - No circular dependencies anywhere, type-only imports included.
 *
 * Test files (*.test.ts) live beside the code and follow the same rules: there is no exception.
 * The shared test support in test/ (factories, test app) is not under the module rules: factories
 * may need a module's inner files (a repository) to build rows. In exchange, only test files may
 * import test/.
 * A new module must be added to MODULE_TIERS below, or every import from or to it fails.
 */

/** ARCHITECTURE.md §4.2, in dependency order: a module may import any module of an earlier tier. */
const MODULE_TIERS = [
  ['admin-units'],
  ['calendar'],
  ['identity'],
  ['catalogue'],
  ['dossiers'],
  ['workflow'],
  ['results', 'payments', 'queue', 'feedback'],
  ['notifications', 'statistics'],
];

const MODULES = MODULE_TIERS.flat();
const escapeRegExp = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names) => `(${names.map(escapeRegExp).join('|')})`;
const moduleFolder = (names) => `^src/modules/${anyOf(names)}/`;
const MODULE_INDEX = '^src/modules/[^/]+/index\\.ts$';
const ROOT_FILES = '^src/(app|main)\\.tsx?$';

/** One rule per module: it may not import a module of its own tier or of a later one. */
const orderRules = MODULE_TIERS.flatMap((tier, position) =>
  tier.map((name) => {
    const earlier = MODULE_TIERS.slice(0, position).flat();
    const notEarlier = MODULE_TIERS.slice(position)
      .flat()
      .filter((other) => other !== name);
    return {
      name: `module-order-${name}`,
      severity: 'error',
      comment:
        `${name} may import only modules listed before it in ARCHITECTURE.md §4.2 (${earlier.join(', ') || 'none'}). ` +
        'Send anything flowing the other way as an event (a pg-boss job enqueued in the same transaction).',
      from: { path: `^src/modules/${escapeRegExp(name)}/` },
      to: { path: moduleFolder(notEarlier) },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular dependency: break it by moving the shared part down, or by an event.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import cannot be resolved to a file or an installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment:
        'src/platform is shared plumbing below every module: it imports no module, portal or composition root.',
      from: { path: '^src/platform/' },
      to: { path: `^src/(modules|portal)/|${ROOT_FILES}` },
    },
    {
      name: 'module-not-to-portal-or-root',
      severity: 'error',
      comment: 'A module never imports src/portal, src/app.ts or src/main.ts: they sit above every module.',
      from: { path: '^src/modules/' },
      to: { path: `^src/portal/|${ROOT_FILES}` },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment: 'Another module is reached only through its index.ts (its public API), never its inner files.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', MODULE_INDEX] },
    },
    {
      name: 'outside-through-index',
      severity: 'error',
      comment:
        'Code in src/ outside src/modules (portal, app.ts, main.ts) reaches a module only through its index.ts.',
      from: { path: '^src/', pathNot: '^src/modules/' },
      to: { path: '^src/modules/', pathNot: MODULE_INDEX },
    },
    {
      name: 'only-tests-import-test-support',
      severity: 'error',
      comment:
        'test/ is shared test support: only *.test.ts files (and *test-support.ts helpers that only tests ' +
        'import) may import it, never the running code.',
      from: { path: '^src/', pathNot: '(\\.test\\.tsx?|test-support\\.ts)$' },
      to: { path: '^test/' },
    },
    {
      name: 'module-unknown',
      severity: 'error',
      comment:
        'This folder in src/modules is not in the module order of ARCHITECTURE.md §4.2: ' +
        'add it to MODULE_TIERS in .dependency-cruiser.cjs (and to the architecture docs) first.',
      from: { path: `^src/modules/(?!${anyOf(MODULES)}/)` },
      to: {},
    },
    {
      name: 'to-module-unknown',
      severity: 'error',
      comment:
        'This folder in src/modules is not in the module order of ARCHITECTURE.md §4.2 (MODULE_TIERS).',
      from: {},
      to: { path: `^src/modules/(?!${anyOf(MODULES)}/)` },
    },
    ...orderRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
    // Type-only imports count: a module's types are part of its public API too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
