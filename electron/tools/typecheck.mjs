// Type-checks every folder with its own tsconfig (see the root tsconfig.json for why there are
// several). Runs the projects one after another and fails if any fails.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const projects = [
  'shared/tsconfig.json',
  'shared/tsconfig.test.json',
  'electron/tsconfig.json',
  'electron/web/client/tsconfig.json',
  'renderer/tsconfig.json',
  'e2e/tsconfig.json',
];
let failed = false;
for (const project of projects) {
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`typecheck failed: ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
