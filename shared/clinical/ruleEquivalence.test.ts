import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankFindings } from '../domain/examProtocol';
import { parseFindings, type Findings } from '../domain/findings';
import { assess } from './assess';
import type { Assessment } from './assessment';
import { factDefinitions, factIds, type Fact, type FactId, type Facts } from './facts';
import { enumeratingEvaluateRules } from './fixtures/enumeratingRuleEngine';
import { seededFindings } from './fixtures/findingsArbitrary';
import { iwgdf2023Table } from './iwgdf2023';
import { niceNg19Table } from './niceNg19';
import { siteProtocolIds } from './protocols';
import { evaluateRules } from './ruleEngine';
import type { Tri } from './tri';

/**
 * The rule evaluator settles groups of combinations of unknown facts at once instead of trying
 * each one. Its answers must be exactly those of the evaluator that tried every combination (kept
 * as a reference in fixtures/enumeratingRuleEngine.ts): category, possible categories, every
 * reason with its findings and conventions, and what to record to settle it, in the same order.
 */

/** The risk factors an assessment was scored from, as the rule tables read them. */
function factsOf(assessment: Assessment): Facts {
  const entries = assessment.riskFactors.map((r): [FactId, Fact] => {
    const fact: Fact = { id: r.id, value: r.value, reason: r.reason, findings: r.findings, toSettle: r.toSettle, conventions: r.conventions, perFoot: r.perFoot };
    if (r.weak) fact.weak = r.weak;
    return [r.id, fact];
  });
  return Object.fromEntries(entries) as Record<FactId, Fact>;
}

/** Both guidelines' results of `assessment` are what the enumerating evaluator gives for its facts. */
function expectSameAsEnumerating(assessment: Assessment): void {
  const facts = factsOf(assessment);
  const iwgdf = enumeratingEvaluateRules(iwgdf2023Table, facts);
  const nice = enumeratingEvaluateRules(niceNg19Table, facts);
  expect(evaluateRules(iwgdf2023Table, facts)).toEqual(iwgdf);
  expect(evaluateRules(niceNg19Table, facts)).toEqual(nice);
  // And the assessment itself carries those answers (the facts above are the ones it used).
  for (const [result, reference] of [
    [assessment.iwgdf2023, iwgdf],
    [assessment.nice, nice],
  ] as const) {
    expect(result.category).toEqual(reference.category);
    expect(result.possibleCategories).toEqual(reference.possibleCategories);
    expect(result.because).toEqual(reference.because);
    expect(result.toSettle).toEqual(reference.toSettle);
  }
}

function load(file: string): { id: string; findings: unknown }[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)), 'utf8')) as { id: string; findings: unknown }[];
}

describe('the rule evaluator gives the answers of the one that tried every combination', () => {
  const cases = [...load('vignettes.json'), ...load('vignettes-revision2.json')];

  it.each(cases.map((c) => [c.id, c] as const))('worked case %s', (_id, worked) => {
    const parsed = parseFindings(worked.findings);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expectSameAsEnumerating(assess(parsed.value));
  });

  it('an exam just started (almost every risk factor unknown), for each site protocol', () => {
    for (const protocol of siteProtocolIds) {
      const facts = factsOf(assess(blankFindings(protocol)));
      expect(factIds.filter((id) => facts[id].value === 'unknown').length).toBeGreaterThan(8);
      expectSameAsEnumerating(assess(blankFindings(protocol)));
    }
  });

  it('10,000 seeded random findings', () => {
    const findings: Findings[] = seededFindings(20261125, 10_000);
    const categories = new Set<string>();
    for (const f of findings) {
      const assessment = assess(f);
      categories.add(`${String(assessment.iwgdf2023.category)}/${assessment.nice.category}`);
      expectSameAsEnumerating(assessment);
    }
    // Both decided and incomplete results were compared.
    expect([...categories].some((c) => c.includes('incomplete'))).toBe(true);
    expect(categories.size).toBeGreaterThan(10);
  }, 180_000);

  it('any mix of yes, no, unknown and weak "no" (random facts, not only those findings give)', () => {
    const triArb = fc.constantFrom<Tri>(true, false, false, 'unknown', 'unknown');
    const factArb = (id: FactId): fc.Arbitrary<Fact> =>
      fc.record({ value: triArb, weak: fc.boolean(), left: triArb, right: triArb }).map(({ value, weak, left, right }) => {
        const fact: Fact = {
          id,
          value,
          reason: `${id} ${String(value)}`,
          findings: value === 'unknown' ? [] : [`path.${id}`],
          toSettle: value === 'unknown' ? [`path.${id}`] : [],
          conventions: value === true ? ['C1'] : [],
          perFoot: factDefinitions[id].level === 'foot' ? { left, right } : null,
        };
        if (weak && value === false && (id === 'lops' || id === 'pad')) fact.weak = { reason: `${id} weak`, toSettle: [`weak.${id}`] };
        return fact;
      });
    const factsArb = fc.record(Object.fromEntries(factIds.map((id) => [id, factArb(id)])) as Record<FactId, fc.Arbitrary<Fact>>);
    fc.assert(
      fc.property(factsArb, (facts) => {
        expect(evaluateRules(iwgdf2023Table, facts)).toEqual(enumeratingEvaluateRules(iwgdf2023Table, facts));
        expect(evaluateRules(niceNg19Table, facts)).toEqual(enumeratingEvaluateRules(niceNg19Table, facts));
      }),
      { numRuns: 2000, seed: 20261127 },
    );
  });
});
