/**
 * `npm run score -- <file.json>`: assesses findings from a file and prints the assessment(s) as
 * JSON on stdout.
 *
 * The file holds one findings object, an array of them, or worked-case objects (objects with a
 * `findings` key, as in shared/clinical/fixtures/vignettes*.json, whose `findings` are used). One
 * input gives one assessment object; an array gives an array in input order.
 *
 * Findings are checked as new input: an out-of-range measurement (ABI not above 0 or above 3,
 * TBI above 1.5, toe pressure outside 0-300 mmHg) is refused with the field named. Bad input (no
 * file, unreadable file, bad JSON, invalid findings) prints a message naming the problem and its
 * path on stderr, prints nothing on stdout and exits with code 1.
 */
import { pathToFileURL } from 'node:url';
import { assess } from '#shared/clinical/assess';
import type { Assessment } from '#shared/clinical/assessment';
import { parseFindings } from '#shared/domain/findings';
import { readJsonFile } from './readJsonFile';

export type ScoreOutcome = { ok: true; output: Assessment | Assessment[] } | { ok: false; problems: string[] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Assesses one entry; `where` is its path in the file ("" for the whole file, "[2]" in an array). */
function scoreOne(entry: unknown, where: string): { assessment?: Assessment; problems: string[] } {
  const isVignette = isObject(entry) && 'findings' in entry;
  const findings = isVignette ? entry.findings : entry;
  const prefix = isVignette ? `${where}${where ? '.' : ''}findings` : where;
  const parsed = parseFindings(findings);
  if (parsed.ok) return { assessment: assess(parsed.value), problems: [] };
  const issues = parsed.error.issues ?? [{ path: '', message: parsed.error.message }];
  return {
    problems: issues.map((issue) => {
      const path = [prefix, issue.path].filter((p) => p !== '').join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}

/** The assessment(s) for the parsed content of a file. */
export function scoreJson(content: unknown): ScoreOutcome {
  const entries = Array.isArray(content) ? content : [content];
  const assessments: Assessment[] = [];
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    const result = scoreOne(entry, Array.isArray(content) ? `[${i}]` : '');
    if (result.assessment) assessments.push(result.assessment);
    problems.push(...result.problems);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, output: Array.isArray(content) ? assessments : (assessments[0] as Assessment) };
}

export function scoreFile(file: string): ScoreOutcome {
  const read = readJsonFile(file);
  if (!read.ok) return read;
  const content = read.value;
  const outcome = scoreJson(content);
  return outcome.ok ? outcome : { ok: false, problems: outcome.problems.map((p) => `${file}: ${p}`) };
}

function main(args: readonly string[]): number {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    console.error('Usage: npm run score -- <file.json>   (one findings object, an array of them, or vignette objects)');
    return 1;
  }
  const outcome = scoreFile(args[0] as string);
  if (!outcome.ok) {
    for (const problem of outcome.problems) console.error(`score: ${problem}`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(outcome.output, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
