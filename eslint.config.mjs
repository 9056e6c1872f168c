// ESLint flat config: the house rules the code review used to carry by hand (README "Lint and format",
// docs/adr/0150-lint-enforces-the-architecture.md). `npm run lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The generated Prisma client and the driver adapter: only the data layer (lib/<domain>/…) imports them. */
const prismaImports = {
  paths: [
    { name: '@prisma/client', message: 'Only lib/<domain> modules use Prisma: call a domain function instead.' },
    { name: '@prisma/adapter-pg', message: 'Only lib/<domain> modules use Prisma: call a domain function instead.' },
  ],
  patterns: [
    {
      group: ['@prisma/client/*', '@/lib/generated/*', '**/lib/generated/*', '**/generated/prisma/*'],
      message: 'Only lib/<domain> modules use the generated Prisma client: call a domain function instead.',
    },
  ],
};

/** Pages, layouts, route handlers and components: no Prisma client, and no database handle either. */
const uiImports = {
  paths: prismaImports.paths,
  patterns: [
    ...prismaImports.patterns,
    { group: ['@/lib/db/*', '**/lib/db/*'], message: 'Pages, route handlers and components read through lib/<domain> functions, never the database handle.' },
  ],
};

const processEnvRule = [
  'error',
  { object: 'process', property: 'env', message: 'Read settings through `env` (or a helper) from lib/env.ts, the one validated place that reads process.env.' },
];
const processEnvImport = {
  name: 'node:process',
  importNames: ['env'],
  message: 'Read settings through lib/env.ts, the one validated place that reads process.env.',
};

export default tseslint.config(
  {
    ignores: [
      'lib/generated/**',
      '.next/**',
      '.data/**',
      'node_modules/**',
      'next-env.d.ts',
      'bench/out/**',
      'test-results/**',
      'playwright-report/**',
      'public/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, '@next/next': nextPlugin },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Without these import-x skips TypeScript files when it follows imports, and no-cycle sees nothing.
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // No import cycles between our modules (a cycle makes module initialisation order matter).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-imports': ['error', { ...prismaImports, paths: [...prismaImports.paths, processEnvImport] }],
      'no-restricted-properties': processEnvRule,
    },
  },
  {
    // The data layer: lib/<domain>/… may use the Prisma client (top-level lib/*.ts are shared helpers, not a domain).
    files: ['lib/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [processEnvImport] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'proxy.ts'],
    rules: { 'no-restricted-imports': ['error', { ...uiImports, paths: [...uiImports.paths, processEnvImport] }] },
  },
  {
    // lib/env.ts is the one module that reads process.env.
    files: ['lib/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Exceptions to "process.env only in lib/env.ts", each for its reason:
    // - prisma.config.ts, playwright.config.ts: read by the tools (Prisma CLI, Playwright) before any app module loads;
    // - tests/ and bench/: they start servers, test databases and child processes, so they build the child's
    //   environment and point the code under test at a throw-away database (the product never runs them);
    // - tests/ also build their own Prisma clients (a client on a database that goes away mid-test) and use
    //   Prisma's error classes to produce the errors the mapping must handle.
    files: ['prisma.config.ts', 'playwright.config.ts', 'tests/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx,mjs}'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Tests read untyped JSON (response bodies, parsed fixtures) and assert its shape with expect(); typing every
    // body first would add casts, not checks. Product code keeps these rules.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Plain Node scripts (bench/*.mjs, scripts/make-icons.mjs) outside the TypeScript project.
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  // Last: turns off every stylistic rule that would fight Prettier (Prettier owns the layout).
  prettier,
);
