// `npm run rebuild:electron`: builds a SECOND copy of the better-sqlite3 addon for Electron's ABI
// into out/native/electron/, which the desktop main process loads through better-sqlite3's
// `nativeBinding` option. The copy in node_modules stays built for Node, so tests, the harness
// and the command-line tools keep working (never flip one copy back and forth).
// Needs network access to download Electron's headers: run it on a release machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const addonDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'better-sqlite3-electron-'));
fs.cpSync(addonDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });

const run = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', '--nodedir='],
  { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
);
if (run.status !== 0) {
  console.error('Could not build better-sqlite3 for Electron (it needs network access for the Electron headers).');
  process.exit(run.status ?? 1);
}
const target = path.resolve('out/native/electron');
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(target, 'better_sqlite3.node'));
fs.writeFileSync(path.join(target, 'ABOUT.txt'), `better-sqlite3 built for Electron ${electronVersion} on ${process.platform}-${process.arch}\n`);
console.log(`Built ${path.join(target, 'better_sqlite3.node')} for Electron ${electronVersion}.`);
