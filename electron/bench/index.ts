/**
 * `npm run bench`: the performance targets (docs/architecture.md, "Performance targets"), as medians and ratios to raw
 * baselines measured in the same run. Prints a table for people and one
 * `bench: <name> n=<size> median_ms=<x> [baseline_ms=<y> ratio=<x/y>]` line per figure.
 * `--quick` uses fewer runs and sizes (for a smoke check); `--only <group>[,<group>]` runs only
 * those groups (`npm run bench -- --only key-to-paint`); `--patients <n>` sets the size of the
 * renderer groups' clinic (100,000 by default, 10,000 with `--quick`).
 */
import { benchLine } from './measure';
import { benchEngine, benchRuleEvaluation } from './engine';
import { benchExams } from './exams';
import { benchPatientSearch } from './patientSearch';
import { benchRecall } from './recall';
import { benchReportPack } from './reportPack';
import { benchRenderer, rendererGroups, type RendererGroup } from './browser';
import { benchFhirExport } from './interop/fhirExport';
import { benchRegisterImport } from './interop/registerImport';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Row {
  name: string;
  n: number;
  median: number;
  baseline?: number;
  target: string;
}

/** The value of `--only` (comma-separated group names), or null to run every group. */
function onlyGroups(argv: readonly string[]): Set<string> | null {
  const at = argv.indexOf('--only');
  const inline = argv.find((a) => a.startsWith('--only='));
  const value = inline ? inline.slice('--only='.length) : at >= 0 ? argv[at + 1] : undefined;
  return value ? new Set(value.split(',').map((v) => v.trim())) : null;
}

/** `--patients <n>`: the size of the renderer groups' clinic (small for a quick look at one group). */
function patientsOption(argv: readonly string[]): number | undefined {
  const at = argv.indexOf('--patients');
  if (at < 0) return undefined;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('--patients: a whole number of patients, at least 1');
  return n;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = onlyGroups(process.argv);
  const rows: Row[] = [];
  const emit = (row: Row): void => {
    rows.push(row);
    console.log(benchLine(row.name, row.n, row.median, row.baseline));
  };
  const groups: Record<string, () => Promise<void>> = {
    'patient-search': async () => {
      for (const n of quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
        const r = await benchPatientSearch(n, quick ? 200 : 2_000);
        emit({ name: 'patient-search', n, median: r.median, baseline: r.baseline, target: 'ratio ≤ 1.5, < 10 ms at 100k' });
      }
    },
    // The risk engine alone: seeded random findings, and the rule tables early in an exam.
    assess: async () => {
      const engine = benchEngine(quick ? 1_000 : 10_000, quick ? 1 : 3);
      emit({ name: 'assess', n: 1, median: engine.perAssessmentMs, target: 'per assessment, seeded random findings' });
      const rules = await benchRuleEvaluation(quick ? 20 : 100);
      emit({ name: 'rule-evaluation', n: 13, median: rules.median, baseline: rules.baseline, target: 'both tables, 13 facts unknown; baseline: trying every combination' });
      emit({ name: 'assess-batch', n: quick ? 1_000 : 10_000, median: engine.batchMs, target: 'seconds for 10,000 (CI property test)' });
    },
    'exam-save': async () => {
      const exams = benchExams(quick ? 100 : 500);
      emit({ name: 'exam-save', n: 1, median: exams.saveMs, target: '< 5 ms (full bilateral 10-site exam, raw answers, assessment, audit)' });
      emit({ name: 'patient-open-30', n: 30, median: exams.open30Ms, target: '< 5 ms (patient + 30 exams)' });
      await Promise.resolve();
    },
    // Report pack: the whole pack as one PDF through the service vs pdfmake alone.
    'report-pack': async () => {
      const pack = await benchReportPack(quick ? 10 : 30);
      emit({ name: 'report-pack', n: 1, median: pack.median, baseline: pack.baseline, target: 'ratio ≤ 1.3 (Arabic, Devanagari, CJK name)' });
      const clinician = await benchReportPack(quick ? 10 : 30, ['clinician']);
      emit({ name: 'clinician-report', n: 1, median: clinician.median, baseline: clinician.baseline, target: '< 300 ms (Arabic, Devanagari, CJK name)' });
    },
    // Recall worklist and dashboard: 100,000 patients with 500,000 signed exams.
    worklist: async () => {
      const clinic = quick ? 10_000 : 100_000;
      const recall = await benchRecall(clinic, quick ? 20 : 200);
      emit({ name: 'worklist', n: clinic, median: recall.worklist.median, baseline: recall.worklist.baseline, target: `< 200 ms (page + tab counts, ${recall.exams} exams)` });
      emit({ name: 'dashboard', n: clinic, median: recall.dashboard.median, baseline: recall.dashboard.baseline, target: `< 200 ms (all figures, last 12 months, ${recall.exams} exams)` });
    },
    // FHIR Bulk Data export: signed screenings mapped, stringified and written, vs JSON.stringify of the same resources.
    'fhir-export': async () => {
      const n = quick ? 200 : 2_000;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foot-screening-bench-fhir-'));
      try {
        const fhir = await benchFhirExport(dir, n, quick ? 2 : 5);
        emit({ name: 'fhir-export', n, median: fhir.medianMs, baseline: fhir.baselineMs, target: `${fhir.examsPerSecond.toFixed(0)} signed exams/s (${fhir.resourcesPerExam.toFixed(0)} resources each); baseline: JSON.stringify alone` });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    // Register import of a CSV register (read, checked, stored), vs csv-parse alone over the same file.
    'register-import': async () => {
      const rows = quick ? 10_000 : 100_000;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foot-screening-bench-register-'));
      try {
        const r = await benchRegisterImport(dir, rows, quick ? 1 : 3);
        emit({ name: 'register-import', n: rows, median: r.medianMs, baseline: r.baselineMs, target: `< 60 s at 100k; peak RSS ${r.peakRssMb.toFixed(0)} MB; baseline: csv-parse alone` });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  const isRenderer = (g: string): g is RendererGroup => (rendererGroups as readonly string[]).includes(g);
  const unknownGroups = [...(only ?? [])].filter((g) => !(g in groups) && !isRenderer(g));
  if (unknownGroups.length > 0) {
    throw new Error(`--only: no bench group ${unknownGroups.join(', ')} (groups: ${[...Object.keys(groups), ...rendererGroups].join(', ')})`);
  }
  for (const [name, run] of Object.entries(groups)) {
    if (!only || only.has(name)) await run();
  }
  // The built renderer in Chromium through the harness (needs `npm run build`).
  await benchRenderer(new Set(rendererGroups.filter((g) => !only || only.has(g))), { quick, patients: patientsOption(process.argv) });
  console.log('');
  console.log('figure            n         median ms  baseline ms  ratio   target');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(17)} ${String(r.n).padEnd(9)} ${r.median.toFixed(3).padStart(9)}  ${(r.baseline?.toFixed(3) ?? '-').padStart(11)}  ${(r.baseline ? (r.median / r.baseline).toFixed(2) : '-').padStart(5)}   ${r.target}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
