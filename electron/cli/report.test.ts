import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText } from '../testing/poppler';

/** Runs `npx tsx electron/cli/report.ts ...` as a child process, as `npm run report` does. */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const vignettes = JSON.parse(readFileSync(path.join(repoRoot, 'shared/clinical/fixtures/vignettes.json'), 'utf8')) as { id: string; findings: unknown }[];
const dir = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function report(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'electron/cli/report.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const vignette = (id: string): unknown => vignettes.find((v) => v.id === id);

describe('npm run report', () => {
  it('a vignette gives the whole pack for a synthetic patient, signed by "Demo examiner"', () => {
    const out = path.join(dir, 'v14.pdf');
    const run = report(write('v14.json', vignette('V14')), '--out', out, '--date', '2026-11-25');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`report: wrote ${out} (clinician, patient, referral;`);
    const text = pdfText(out);
    expect(text).toContain('DEMO, Sample Patient');
    expect(text).toContain('Demo examiner');
    expect(text).toContain('25 November 2026');
    expect(text).toContain('Referral: diabetic foot');
  });

  it('plain findings with a patient file, chosen parts, one file per part, large print', () => {
    const patient = write('patient.json', { familyName: 'Öztürk', givenNames: 'Jürgen', dateOfBirth: '1950-01-02', clinicIdentifier: 'H-77' });
    const out = path.join(dir, 'pack.pdf');
    const run = report(write('v01.json', (vignette('V01') as { findings: unknown }).findings), '--out', out, '--patient', patient, '--parts', 'clinician,patient', '--separate', '--large-print');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'pack-clinician.pdf'))).toBe(true);
    expect(pdfText(path.join(dir, 'pack-patient.pdf'))).toContain('For Jürgen Öztürk, born 2 January 1950');
    expect(pdfText(path.join(dir, 'pack-clinician.pdf'))).toContain('ÖZTÜRK, Jürgen');
  });

  it('invalid findings: exit 1 with the path of the problem, no file written', () => {
    const bad = JSON.parse(JSON.stringify(vignette('V01'))) as { findings: { feet: { left: Record<string, unknown> } } };
    bad.findings.feet.left.abi = 'low';
    const out = path.join(dir, 'never.pdf');
    const invalid = report(write('bad.json', bad), '--out', out);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('findings.feet.left.abi: Expected number, received string');
    expect(existsSync(out)).toBe(false);

  });

  it('--generated-at: the same input gives byte-identical files, with that time printed and as the PDF dates', () => {
    const findings = write('v14-again.json', vignette('V14'));
    const patient = write('patient-scripts.json', { familyName: 'حداد', givenNames: 'किरण 小明', dateOfBirth: '1950-01-02', clinicIdentifier: 'H-78' });
    const outs = ['first.pdf', 'second.pdf'].map((name) => path.join(dir, name));
    for (const out of outs) {
      const run = report(findings, '--out', out, '--patient', patient, '--generated-at', '2026-03-10T12:00:00Z', '--time-zone', 'Europe/London');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    const [first, second] = outs.map((out) => readFileSync(out));
    expect(first && second && first.equals(second)).toBe(true);
    expect(pdfText(outs[0] ?? '')).toContain('Generated 10 March 2026, 12:00 GMT');
    const info = execFileSync('pdfinfo', [outs[0] ?? ''], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(info).toMatch(/CreationDate:\s+Tue Mar 10 12:00:00 2026/);
    expect(info).toMatch(/ModDate:\s+Tue Mar 10 12:00:00 2026/);
    // Print queues show the title: no name or identifier of the patient in the metadata.
    expect(info).toMatch(/Title:\s+Diabetic foot screening, 2026-03-10/);
    expect(info).not.toMatch(/حداد|किरण|小明|H-78/u);
    expect(report(findings, '--out', path.join(dir, 'never.pdf'), '--generated-at', '10/03/2026').stderr).toContain('--generated-at must be an ISO instant');
    expect(report(findings, '--out', path.join(dir, 'never.pdf'), '--time-zone', 'Mars/Olympus').stderr).toContain('--time-zone must be an IANA time zone');
  }, 60_000);

  it('bad files and bad options: exit 1 with the problem named', () => {
    const out = path.join(dir, 'never.pdf');
    expect(report(write('broken.json', '{ "schemaVersion": 1, '), '--out', out).stderr).toMatch(/broken\.json is not valid JSON/);
    expect(report(path.join(dir, 'nowhere.json'), '--out', out).stderr).toMatch(/cannot read the findings file .*nowhere\.json: no such file/);
    expect(report(write('array.json', [vignette('V01')]), '--out', out).stderr).toContain('expected one findings object or one vignette object, found an array');
    expect(report(write('v01b.json', vignette('V01')), '--out', out, '--parts', 'referral').stderr).toContain('The result does not call for a referral');
    expect(report(write('v01c.json', vignette('V01')), '--out', out, '--parts', 'letter').stderr).toContain('--parts: unknown part letter');
    expect(report(write('v01d.json', vignette('V01')), '--out', out, '--date', '2026-02-30').stderr).toContain('--date must be a date as YYYY-MM-DD');
    expect(report(write('p.json', vignette('V01')), '--out', out, '--patient', write('badpatient.json', { familyName: '' })).stderr).toMatch(/badpatient\.json: .*familyName/);
    const noOut = report(write('v01e.json', vignette('V01')));
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toContain('--out FILE is required');
    expect(report().stderr).toContain('Usage: npm run report');
    expect(existsSync(out)).toBe(false);
    // Ten child processes, each starting tsx: allow for a machine shared with other work.
  }, 120_000);
});
