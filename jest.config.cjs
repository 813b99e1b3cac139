/**
 * One `npm test` for the whole repository: a Jest project per workspace (TypeScript through SWC)
 * and the Lightning Web Components under force-app through sfdx-lwc-jest.
 */
const path = require('node:path');
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

/** ESM-only packages that Jest (CommonJS) must transform too. */
const ESM_PACKAGES = [
  'iso-3166',
  'cookie',
  'kdbush',
  'geokdbush',
  'tinyqueue',
  'kysely',
  'pg-boss',
  'serialize-error',
  'non-error',
  '@electric-sql/pglite',
];

const swcTransform = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/**
 * A Node-side TypeScript workspace: tests beside the code as `*.test.ts`. The server's dependencies
 * mix CommonJS and ESM-only packages deep in their trees, so its project transforms all of them.
 */
function typescriptProject(displayName, directory, { transformAllDependencies = false } = {}) {
  return {
    displayName,
    prettierPath: null,
    rootDir: path.join(__dirname, directory),
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: { '^.+\\.[cm]?[jt]sx?$': swcTransform },
    transformIgnorePatterns: transformAllDependencies ? [] : [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
    moduleNameMapper: {
      '^@conduit/core$': path.join(__dirname, 'shared/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
  };
}

module.exports = {
  // Integration tests start databases (PGlite, or a fresh one on PostgreSQL): give them time on a loaded machine.
  testTimeout: 60_000,
  projects: [
    typescriptProject('core', 'shared'),
    typescriptProject('server', 'server', { transformAllDependencies: true }),
    typescriptProject('scripts', 'scripts'),
    {
      ...lwcJestConfig,
      displayName: 'force-app',
      rootDir: __dirname,
      roots: ['<rootDir>/force-app'],
    },
  ],
};
