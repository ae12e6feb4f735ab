import fs from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { toBulkForm } from '#shared/fhir/bulkForm';
import { resourceList, screeningResources, screeningTransaction, type ScreeningForFhir } from '#shared/fhir/examBundle';
import { context, screening, screeningSet } from '#shared/fhir/fixtures/screenings';
import { writeBulkNdjson } from '../../interop/fhir/bulkNdjson';
import { fullBilateralFindings } from '../../testing/clinic';
import { median } from '../measure';
import { syntheticNhsNumber } from './registerFile';

export interface FhirExportFigures {
  exams: number;
  /** Median time to write `exams` signed screenings as Bulk Data NDJSON (build, map, stringify, write). */
  medianMs: number;
  /** Median time of `JSON.stringify` alone over the same resources, prebuilt. */
  baselineMs: number;
  examsPerSecond: number;
  /** One transaction Bundle (the heaviest exam: 10 sites with raw answers on both feet). */
  bundleMedianMs: number;
  resourcesPerExam: number;
}

/** `n` signed screenings of varied kinds, each its own patient and series. */
function screenings(n: number): ScreeningForFhir[] {
  const kinds = [...screeningSet(), screening(screeningSet()[0]?.patient ?? ({} as never), fullBilateralFindings())];
  return Array.from({ length: n }, (_, i) => {
    const base = kinds[i % kinds.length] as ScreeningForFhir;
    const nhs = syntheticNhsNumber(i).replace(/ /g, '');
    return {
      ...base,
      patient: { ...base.patient, nationalNumber: nhs, clinicIdentifier: `B${i}` },
      screening: { ...base.screening, seriesId: 1000 + i },
    };
  });
}

export async function benchFhirExport(dir: string, n: number, runs: number): Promise<FhirExportFigures> {
  const inputs = screenings(n);
  const prebuilt: Resource[][] = inputs.map((s) => toBulkForm(resourceList(screeningResources(s, context))));
  const resourcesPerExam = prebuilt.reduce((sum, r) => sum + r.length, 0) / n;
  const times: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < runs; run++) {
    const out = path.join(dir, `fhir-${run}`);
    const start = performance.now();
    await writeBulkNdjson(inputs, out, context, { transactionTime: '2026-01-15T09:00:00.000Z', includeCodeSystems: false });
    times.push(performance.now() - start);
    fs.rmSync(out, { recursive: true, force: true });
    const b = performance.now();
    let bytes = 0;
    for (const resources of prebuilt) for (const r of resources) bytes += JSON.stringify(r).length + 1;
    baselines.push(performance.now() - b);
    if (bytes === 0) throw new Error('nothing stringified');
  }
  const heavy = screening(screeningSet()[0]?.patient ?? ({} as never), fullBilateralFindings());
  const bundleTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    screeningTransaction(heavy, context);
    bundleTimes.push(performance.now() - s);
  }
  const medianMs = median(times);
  return { exams: n, medianMs, baselineMs: median(baselines), examsPerSecond: (n / medianMs) * 1000, bundleMedianMs: median(bundleTimes.slice(50)), resourcesPerExam };
}
