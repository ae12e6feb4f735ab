// Finds the Electron executable WITHOUT triggering a download: `require('electron')` would try to
// fetch the binary on first use (Electron >= 42), which fails on machines without network.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return fs.existsSync(candidate) ? { path: candidate } : { missing: `no Electron executable at ${candidate}` };
  }
  if (!relative) return { missing: 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD or no network)' };
  const executable = path.join(dir, 'dist', relative);
  return fs.existsSync(executable) ? { path: executable } : { missing: `the Electron binary is missing (${executable})` };
}
