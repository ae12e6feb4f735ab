import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** Runs `npx tsx electron/cli/score.ts <file>` as a child process, as `npm run score` does. */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = path.join(repoRoot, 'shared/clinical/fixtures/vignettes.json');
const vignettes = JSON.parse(readFileSync(fixture, 'utf8')) as {
  id: string;
  findings: Record<string, unknown>;
  expected: { lops: unknown; pad: unknown; iwgdf2023: unknown; nice: unknown; redFlag: unknown };
}[];
const dir = mkdtempSync(path.join(tmpdir(), 'score-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function score(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'electron/cli/score.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function summary(a: { lops: unknown; pad: unknown; redFlag: unknown; iwgdf2023: { category: unknown }; nice: { category: unknown } }): unknown {
  return { lops: a.lops, pad: a.pad, iwgdf2023: a.iwgdf2023.category, nice: a.nice.category, redFlag: a.redFlag };
}

describe('npm run score', () => {
  it('one vignette object gives one assessment object', () => {
    const vignette = vignettes.find((v) => v.id === 'V14');
    const run = score(write('v14.json', JSON.stringify(vignette)));
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Parameters<typeof summary>[0] & { because?: unknown };
    expect(Array.isArray(out)).toBe(false);
    expect(summary(out)).toEqual(vignette?.expected);
  });

  it('the vignettes file (an array) gives an array in input order', () => {
    const run = score(fixture);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Parameters<typeof summary>[0][];
    expect(out.map(summary)).toEqual(vignettes.map((v) => v.expected));
    expect(run.stderr).toBe('');
  });

  it('an array of plain findings objects, with reasons and warnings', () => {
    const run = score(write('findings.json', JSON.stringify(vignettes.slice(0, 3).map((v) => v.findings))));
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { iwgdf2023: { because: unknown[]; ruleSet: string }; warnings: unknown[] }[];
    expect(out).toHaveLength(3);
    expect(out[0]?.iwgdf2023.ruleSet).toBe('IWGDF-2023');
    expect(out[0]?.iwgdf2023.because.length).toBeGreaterThan(0);
    expect(Array.isArray(out[0]?.warnings)).toBe(true);
  });

  it('invalid findings: exit 1, the path of the problem on stderr, nothing on stdout', () => {
    const bad = JSON.parse(JSON.stringify(vignettes[0])) as { findings: { feet: { left: Record<string, unknown> } } };
    bad.findings.feet.left.abi = 'low';
    const file = write('bad.json', JSON.stringify([vignettes[1], bad]));
    const run = score(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}: [1].findings.feet.left.abi: Expected number, received string`);
  });

  it('the revision 2 worked cases, with Doppler waveforms and toe pressure, give their expected results', () => {
    const revision2 = path.join(repoRoot, 'shared/clinical/fixtures/vignettes-revision2.json');
    const expected = (JSON.parse(readFileSync(revision2, 'utf8')) as typeof vignettes).map((v) => v.expected);
    const run = score(revision2);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Parameters<typeof summary>[0][]).map(summary)).toEqual(expected);
  });

  it('out-of-range ABI, TBI and toe pressure are refused with the field named', () => {
    const bad = JSON.parse(JSON.stringify(vignettes[0])) as { findings: { feet: { left: Record<string, unknown>; right: Record<string, unknown> } } };
    bad.findings.feet.left.abi = 4;
    bad.findings.feet.right.tbi = 1.6;
    bad.findings.feet.right.toePressure = 301;
    bad.findings.feet.right.pressures = { toe: 301 };
    bad.findings.feet.left.waveforms = { dorsalisPedis: 'flat' };
    const file = write('out-of-range.json', JSON.stringify(bad));
    const run = score(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `score: ${file}: findings.feet.left.abi: ABI must be above 0 and at most 3`,
      `score: ${file}: findings.feet.left.waveforms.dorsalisPedis: Expected one of "triphasic", "biphasic", "monophasic", "absent", "not_tested"`,
      `score: ${file}: findings.feet.right.tbi: TBI must be between 0 and 1.5`,
      `score: ${file}: findings.feet.right.toePressure: Toe pressure must be between 0 and 300 mmHg`,
      `score: ${file}: findings.feet.right.pressures.toe: Toe pressure must be between 0 and 300 mmHg`,
    ]);
  });

  it('bad JSON and a missing file: exit 1 with the problem named', () => {
    const badJson = score(write('broken.json', '{ "schemaVersion": 1, '));
    expect(badJson.status).toBe(1);
    expect(badJson.stderr).toMatch(/broken\.json is not valid JSON/);
    const missing = score(path.join(dir, 'nowhere.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nowhere\.json: no such file/);
    const noArgs = score();
    expect(noArgs.status).toBe(1);
    expect(noArgs.stderr).toContain('Usage: npm run score');
  });
});
