import { assess } from '#shared/clinical/assess';
import { seededFindings } from '#shared/clinical/fixtures/findingsArbitrary';
import { median } from './measure';

/**
 * The risk engine on its own: `assess` over seeded random findings (boundary values favoured,
 * sparse and complete exams mixed), the same findings every run. Reports the median time per
 * assessment and the time for the whole batch.
 */
export function benchEngine(count: number, rounds: number): { perAssessmentMs: number; batchMs: number } {
  const findings = seededFindings(20261125, count);
  for (const f of findings.slice(0, Math.min(500, count))) assess(f);
  const batches: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const f of findings) assess(f);
    batches.push(performance.now() - start);
  }
  const batchMs = median(batches);
  return { perAssessmentMs: batchMs / count, batchMs };
}
