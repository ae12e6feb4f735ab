/**
 * Builds everything into out/:
 *   out/main/main.cjs         Electron main (better-sqlite3 and electron external)
 *   out/preload/preload.cjs   sandboxed preload, one CommonJS file
 *   out/web/server.mjs        the loopback harness for plain Node
 *   out/web/chunks/           its parts loaded on first use (import())
 *   out/web/browser-api.js    the browser window.api the harness injects
 *   out/renderer/             the React renderer (Vite)
 */
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import { build as viteBuild } from 'vite';
import { browserApiBundle, mainBundle, preloadBundle, serverBundle } from './bundles';

async function main(): Promise<void> {
  const started = Date.now();
  fs.rmSync('out/main', { recursive: true, force: true });
  fs.rmSync('out/preload', { recursive: true, force: true });
  fs.rmSync('out/web', { recursive: true, force: true });
  await Promise.all([mainBundle, preloadBundle, serverBundle, browserApiBundle].map((options) => esbuild(options)));
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  fs.writeFileSync('out/.build-stamp', new Date().toISOString());
  console.log(`built out/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
