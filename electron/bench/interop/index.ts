/**
 * `npm run bench:interop`: the register import and the FHIR export, each against its raw baseline
 * (csv-parse alone; JSON.stringify of the same resources), as `bench:` lines like `npm run bench`.
 * `--quick` uses smaller sizes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchLine } from '../measure';
import { benchFhirExport } from './fhirExport';
import { benchRegisterImport } from './registerImport';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foot-screening-bench-interop-'));
  try {
    const rows = quick ? 10_000 : 100_000;
    const register = await benchRegisterImport(dir, rows, quick ? 1 : 3);
    console.log(benchLine('register-import', rows, register.medianMs, register.baselineMs));
    const exams = quick ? 200 : 2_000;
    const fhir = await benchFhirExport(dir, exams, quick ? 2 : 5);
    console.log(benchLine('fhir-export', exams, fhir.medianMs, fhir.baselineMs));
    console.log('');
    console.log(
      `register-import: ${rows.toLocaleString('en-GB')} rows (${register.fileMb.toFixed(1)} MB) read and checked in ${(register.medianMs / 1000).toFixed(1)} s ` +
        `(csv-parse alone ${(register.baselineMs / 1000).toFixed(1)} s); peak RSS ${register.peakRssMb.toFixed(0)} MB (csv-parse alone ${register.baselinePeakRssMb.toFixed(0)} MB); target < 60 s`,
    );
    console.log(
      `fhir-export: ${fhir.examsPerSecond.toFixed(0)} signed exams/s as Bulk Data NDJSON (${fhir.resourcesPerExam.toFixed(0)} resources each); ` +
        `JSON.stringify alone ${((exams / fhir.baselineMs) * 1000).toFixed(0)} exams/s; one transaction Bundle (10-site exam) ${fhir.bundleMedianMs.toFixed(2)} ms`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
