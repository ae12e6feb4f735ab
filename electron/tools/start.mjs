// `npm start`: builds if needed, then runs the desktop app where the Electron binary is installed;
// otherwise says so in one line and serves the same app on 127.0.0.1 for a browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findElectronBinary } from './electronBinary.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
process.chdir(root);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const stamp = 'out/.build-stamp';
const sources = Math.max(...['shared', 'electron', 'renderer'].map(newestMtime), fs.statSync('package.json').mtimeMs);
if (!fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < sources) {
  console.log('Building the app...');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const args = process.argv.slice(2);
const electron = findElectronBinary();
const child =
  'path' in electron
    ? spawn(electron.path, ['.', ...args], { stdio: 'inherit' })
    : (console.log(`Electron is not available here (${electron.missing}); serving the app in your browser instead.`),
      spawn(process.execPath, ['out/web/server.mjs', ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
