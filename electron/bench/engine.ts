import { assess } from '#shared/clinical/assess';
import type { Assessment } from '#shared/clinical/assessment';
import type { Fact, FactId, Facts } from '#shared/clinical/facts';
import { enumeratingEvaluateRules } from '#shared/clinical/fixtures/enumeratingRuleEngine';
import { seededFindings } from '#shared/clinical/fixtures/findingsArbitrary';
import { iwgdf2023Table } from '#shared/clinical/iwgdf2023';
import { niceNg19Table } from '#shared/clinical/niceNg19';
import { evaluateRules } from '#shared/clinical/ruleEngine';
import { blankFindings } from '#shared/domain/examProtocol';
import { compare, median, type Comparison } from './measure';

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

/**
 * Both rule tables for an exam just started (13 risk factors unknown, as while the sensation
 * tests are being answered), against the reference evaluator that tries every combination of the
 * unknown facts (the baseline: what each key used to cost).
 */
export async function benchRuleEvaluation(runs: number): Promise<Comparison> {
  const facts = factsOf(assess(blankFindings('iwgdf-3')));
  return compare(
    () => [evaluateRules(iwgdf2023Table, facts), evaluateRules(niceNg19Table, facts)],
    () => [enumeratingEvaluateRules(iwgdf2023Table, facts), enumeratingEvaluateRules(niceNg19Table, facts)],
    runs,
  );
}

function factsOf(assessment: Assessment): Facts {
  const entries = assessment.riskFactors.map((r): [FactId, Fact] => [r.id, { ...r, perFoot: r.perFoot }]);
  return Object.fromEntries(entries) as Record<FactId, Fact>;
}
