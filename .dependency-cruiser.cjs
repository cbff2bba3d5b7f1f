// The layering of DESIGN.md, kept by dependency-cruiser (`npm run check:deps`, part of `npm test`):
// the renderer talks to the core only through the contract; the contract is pure; the core never
// reaches for UI or Electron; hosts use the core's public entry; a register never imports another.
// tests/build/boundaries.test.ts feeds a hostile tree to these rules and sees each one fire.
/** The folders of db/ that are registers or single-purpose areas (not shared services). */
const AREAS = 'accounts|approvals|assets|audit|backups|departments|expenses|minutes|seals|settings|supplies|vehicles';
const NODE_ONLY = '^(electron|better-sqlite3|exceljs|pdfkit)$|node_modules/(electron|better-sqlite3|exceljs|pdfkit)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-contract',
      comment: 'The renderer reaches the core only through db/contract (types, zod schemas, pure helpers) and the API.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(db/(?!contract/)|electron/)' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a sandboxed page: no Node built-ins, no Electron, no native or server-side modules.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-modules',
      comment: 'The renderer runs in a sandboxed page: no Electron, no native or server-side modules.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: NODE_ONLY },
    },
    {
      name: 'contract-pure',
      comment: 'db/contract is imported by the renderer: no Node built-ins, no database, no other part of db/.',
      severity: 'error',
      from: { path: '^db/contract/' },
      to: { path: `^(db/(?!contract/)|renderer/|electron/)|${NODE_ONLY}` },
    },
    {
      name: 'contract-no-node',
      comment: 'db/contract is imported by the renderer: no Node built-ins.',
      severity: 'error',
      from: { path: '^db/contract/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-ui-or-hosts',
      comment: 'The core is plain Node: it never imports Electron, React, antd, the renderer or a host.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(renderer/|electron/)|^(electron|react|react-dom|antd)$|node_modules/(electron|react|react-dom|antd)/' },
    },
    {
      name: 'hosts-public-entry',
      comment: 'Hosts move calls: they use the core through its public entry (db/index.ts) and the contract, never its insides.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^db/(?!index\\.ts$|contract/)' },
    },
    {
      name: 'hosts-independent',
      comment: 'The desktop and the browser host share code through electron/shared, never through one another (the command line may start the browser host).',
      severity: 'error',
      from: { path: '^electron/(desktop|web)/' },
      to: { path: '^electron/(desktop|web|cli)/', pathNot: '^electron/$1/' },
    },
    {
      name: 'cli-not-desktop',
      comment: 'The command line never loads the desktop host (it runs without Electron).',
      severity: 'error',
      from: { path: '^electron/cli/' },
      to: { path: '^electron/desktop/' },
    },
    {
      name: 'electron-only-in-desktop',
      comment: 'Only the desktop host runs inside Electron.',
      severity: 'error',
      from: { pathNot: '^electron/desktop/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'area-isolation',
      comment: 'A register or area imports db/core, db/contract and the shared services, never another register.',
      severity: 'error',
      from: { path: `^db/(${AREAS})/` },
      to: { path: `^db/(${AREAS})/`, pathNot: '^db/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|build/out|test-results|bench/data)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
