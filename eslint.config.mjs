// ESLint 9 flat config for the whole repository: typescript-eslint (type-aware) on the TypeScript
// workspaces, a purity guard on the domain core, Salesforce's LWC rules on force-app and HubSpot's rules
// on the HubSpot app's UI extensions.
import eslint from '@eslint/js';
import { config as hubspotUiExtensionsConfig } from '@hubspot/eslint-config-ui-extensions';
import lwcConfig from '@salesforce/eslint-config-lwc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const GENERATED = [
  'force-app/main/default/lwc/conduitCore/conduitCore.js',
  'shared/src/geo/subdivision-codes.generated.ts',
  'shared/src/matching/domain/free-mail-domains.generated.ts',
];

/** `import { z } from 'zod'` keeps all of zod's locales (290 KiB) in the Lightning bundle. */
const zodNamespaceImport = {
  selector:
    "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
  message: "Write `import * as z from 'zod'`: bundlers can then drop zod's locales.",
};

/** What the domain core may not reach: it is bundled into Lightning and HubSpot's worker unchanged. */
const coreImpurities = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { regex: '^node:', message: 'shared/ performs no I/O: pass data in through a port.' },
        {
          regex: '^(fs|path|os|child_process|http|https|net|crypto|url|util|stream|worker_threads)(/|$)',
          message: 'shared/ uses no Node APIs: it runs in Lightning and in HubSpot workers.',
        },
        { regex: '^@conduit/(?!core$)', message: 'shared/ imports nothing from other workspaces.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['process', 'Buffer', 'require', '__dirname', '__filename', 'fetch', 'XMLHttpRequest', 'crypto'].map((name) => ({
      name,
      message: 'shared/ is pure: this belongs behind a port.',
    })),
    ...['setTimeout', 'setInterval', 'setImmediate'].map((name) => ({
      name,
      message: 'shared/ never waits on time: the caller schedules.',
    })),
  ],
  'no-restricted-syntax': [
    'error',
    zodNamespaceImport,
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'shared/ never reads the wall clock: take `now` or a Clock port.',
    },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'shared/ never reads the wall clock: take `now` or a Clock port.',
    },
    {
      selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
      message: 'shared/ uses no unseeded randomness: take a seeded generator.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.conduit/**', '.sf/**', '.sfdx/**', ...GENERATED],
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [eslint.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-restricted-syntax': ['error', zodNamespaceImport],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Fastify handlers and port implementations are async by contract, with or without an await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: coreImpurities,
  },
  ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: ['force-app/**/lwc/**/*.js'] })),
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  ...hubspotUiExtensionsConfig.map((config) => ({
    ...config,
    files: ['hubspot-app/src/app/{cards,pages,settings}/**/*.{js,jsx,ts,tsx}'],
  })),
);
