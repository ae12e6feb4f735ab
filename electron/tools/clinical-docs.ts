/**
 * `npm run docs:clinical`: writes docs/clinical-rules.md from the rule tables (shared/clinical),
 * so clinical reviewers read exactly what the engine runs. `--check` only compares and exits 1
 * when the committed file is stale (the unit test does the same).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clinicalRulesMarkdown } from '#shared/clinical/rulesDocument';

export const clinicalRulesFile = fileURLToPath(new URL('../../docs/clinical-rules.md', import.meta.url));

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function main(args: readonly string[]): number {
  const text = clinicalRulesMarkdown();
  const relative = path.relative(process.cwd(), clinicalRulesFile);
  if (args.includes('--check')) {
    if (readOrEmpty(clinicalRulesFile) === text) {
      console.log(`${relative} is up to date`);
      return 0;
    }
    console.error(`${relative} is stale: run npm run docs:clinical`);
    return 1;
  }
  mkdirSync(path.dirname(clinicalRulesFile), { recursive: true });
  writeFileSync(clinicalRulesFile, text);
  console.log(`Wrote ${relative}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
