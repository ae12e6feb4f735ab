// Lint config. Besides style, it enforces the import arrows of the design (section 2):
//   renderer -> shared, electron -> shared, shared -> nothing.
// A wrong-way import is a lint error, not a convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Patterns shared by every folder: nothing may reach into a sibling layer it must not see. */
const toElectron = {
  regex: '(^|/)electron(/|$)',
  message: 'Import arrows: only electron/ may use Electron or electron/ code (design section 2).',
};
const toRenderer = {
  regex: '(^|/)renderer(/|$)',
  message: 'Import arrows: nothing imports renderer/ (design section 2).',
};
const nodeOnlyPackages = ['better-sqlite3', 'pdfmake', 'electron-builder'];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Exported functions say what they return (Medplum habit): review reads signatures, not bodies.
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nodeOnlyPackages, 'react', 'react-dom'].map((name) => ({
            name,
            message: 'shared/ is pure TypeScript: no Node, no DOM libraries, no Electron (design section 2).',
          })),
          patterns: [toElectron, toRenderer, { regex: '^@mui/', message: 'shared/ has no UI code.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [toElectron, toRenderer] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nodeOnlyPackages].map((name) => ({
            name,
            message: 'The renderer never sees Node, the file system or SQL: use window.api (design section 4).',
          })),
          patterns: [toElectron],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [toRenderer] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions, globals: globals.browser },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not run the React Compiler; this rule only reports libraries it would skip.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // Focus is moved on purpose for keyboard-first work (search box, first form field, the safe
      // button of a confirmation); DOM elements still may not autofocus.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
    },
  },
  {
    files: ['electron/web/client/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'e2e/**/*.ts', '*.config.{ts,js}'],
    ignores: ['electron/web/client/**'],
    languageOptions: { globals: globals.node },
  },
);
