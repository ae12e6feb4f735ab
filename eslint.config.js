// Lint config. Besides style, it enforces the import arrows between the three folders
//   renderer -> shared, electron -> shared, shared -> nothing,
// the layer order inside electron/ (db <- services <- ipc <- app <- main / web), no import cycles
// anywhere, and the type-aware rules that catch lost promises and switches that miss a case.
// A wrong-way import is a lint error, not a convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Patterns shared by every folder: nothing may reach into a sibling layer it must not see. */
const toElectron = {
  regex: '(^|/)electron(/|$)',
  message: 'Import arrows: only electron/ may use Electron or electron/ code.',
};
const toRenderer = {
  regex: '(^|/)renderer(/|$)',
  message: 'Import arrows: nothing imports renderer/.',
};
const nodeOnlyPackages = ['better-sqlite3-multiple-ciphers', 'pdfmake', 'electron-builder'];

/**
 * The layers of electron/, lowest first. A layer may import the layers below it, never those
 * above: the database knows nothing of services, services nothing of the operations, and only
 * the shells (main, web) and the tools at the top see the composition root.
 */
const electronLayers = [
  { name: 'log', path: 'electron/log' },
  { name: 'db', path: 'electron/db' },
  { name: 'pdf', path: 'electron/pdf' },
  { name: 'services', path: 'electron/services' },
  { name: 'ipc', path: 'electron/ipc' },
  { name: 'app', path: 'electron/app' },
];
/** Folders above every layer: they may import any layer, and no layer may import them. */
const electronTop = ['electron/main', 'electron/web', 'electron/preload', 'electron/cli', 'electron/bench', 'electron/tools', 'electron/testing'];

const layerZones = [
  ...electronLayers.flatMap((layer, i) =>
    [...electronLayers.slice(i + 1).map((l) => l.path), ...electronTop].map((from) => ({
      target: `./${layer.path}`,
      from: `./${from}`,
      message: `Layer order in electron/: ${layer.name} may not import ${from.replace('electron/', '')} (db <- services <- ipc <- app <- main / web).`,
    })),
  ),
  // The two shells stand side by side; the harness serves the renderer under the desktop's
  // window security policy (electron/main/security.ts), which is plain code both may use.
  { target: './electron/main', from: './electron/web', message: 'The desktop shell does not use the loopback harness.' },
  { target: './electron/web', from: './electron/main', except: ['./security.ts'], message: 'The harness uses only the shared security policy of electron/main.' },
  // Production code never imports the test kit, the bench or the command-line tools.
  ...['electron/main', 'electron/web', 'electron/preload', 'electron/cli'].map((target) => ({
    target: `./${target}`,
    from: ['./electron/testing', './electron/bench', './electron/tools'],
    message: 'Only tests, the bench and tools use electron/testing.',
  })),
  // The preload is bundled on its own: it may use shared/ and nothing else of electron/.
  { target: './electron/preload', from: './electron', except: ['./preload'], message: 'The preload bundles only shared/ipc code.' },
];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      // A cycle, even of type-only imports, means two files cannot be understood apart.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // zod's `z` and default exports are its whole namespace as one value, which esbuild cannot
      // shake: with them the harness and desktop bundles carry all of zod's message languages
      // (366 kB the harness compiles at each start), fromJSONSchema and its schema compiler.
      // `import * as z from 'zod'` lets each bundle keep only what it uses
      // (electron/tools/bundles.test.ts checks the result).
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^zod/][importKind!='type'] > :matches(ImportDefaultSpecifier, ImportSpecifier[imported.name='z'][importKind!='type'])",
          message: "Import zod as `import * as z from 'zod'`, so bundles leave out the parts the app does not use.",
        },
      ],
    },
  },
  {
    // Tests beside the code they test use it from above (the test kit, the whole app): exempt.
    files: ['electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // Type-aware rules: each file is checked with its own folder's tsconfig (see tsconfig.json).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: [
          './shared/tsconfig.json',
          './shared/tsconfig.test.json',
          './electron/tsconfig.json',
          './electron/web/client/tsconfig.json',
          './renderer/tsconfig.json',
          './e2e/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its failure: a save that failed would say nothing.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a plain callback is expected (an onClick, a forEach) runs unwatched.
      '@typescript-eslint/no-misused-promises': 'error',
      // A new member of a clinical union (a category, a site state) must be handled everywhere.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
    },
  },
  {
    // Exported functions say what they return: review reads signatures, not bodies.
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
            message: 'shared/ is pure TypeScript: no Node, no DOM libraries, no Electron.',
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
            message: 'The renderer never sees Node, the file system or SQL: use window.api.',
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
