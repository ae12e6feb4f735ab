import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factDefinitions, factIds, type Fact, type FactId, type Facts } from './facts';
import { iwgdf2023Table, type IwgdfCategory } from './iwgdf2023';
import { niceNg19Table, type NiceCategory } from './niceNg19';
import { evaluateRules } from './ruleEngine';
import type { Tri } from './tri';

/**
 * The rule tables are checked against a plain, independent reading of the guideline tables
 * (IWGDF 2023 and NICE NG19) for every combination of risk factors, and the incompleteness
 * logic against brute force.
 */

type Values = Record<FactId, boolean>;

function iwgdfPlain(v: Values): IwgdfCategory {
  if (v.activeUlcer || v.footInfection || v.gangrene || v.activeCharcot || v.criticalIschaemia || (v.restPain && v.pad)) return 'urgent';
  const lopsOrPad = v.lops || v.pad;
  if (lopsOrPad && (v.previousUlcer || v.previousAmputation || v.endStageRenalDisease)) return 3;
  if ((v.lops && v.pad) || (v.lops && v.deformity) || (v.pad && v.deformity)) return 2;
  if (lopsOrPad) return 1;
  return 0;
}

function nicePlain(v: Values): NiceCategory {
  if (v.activeUlcer || v.footInfection || v.gangrene || v.activeCharcot || v.criticalIschaemia || (v.restPain && v.pad)) return 'active';
  if (v.previousUlcer || v.previousAmputation || v.renalReplacementTherapy) return 'high';
  if ((v.lops && v.pad) || ((v.lops || v.pad) && (v.callus || v.deformity))) return 'high';
  if (v.deformity || v.lops || v.pad) return 'moderate';
  return 'low';
}

function fact(id: FactId, value: Tri, perFoot: Fact['perFoot'] = null): Fact {
  return {
    id,
    value,
    reason: `${id} ${String(value)}`,
    findings: value === 'unknown' ? [] : [`path.${id}`],
    toSettle: value === 'unknown' ? [`path.${id}`] : [],
    conventions: [],
    perFoot: factDefinitions[id].level === 'foot' ? (perFoot ?? { right: value, left: value }) : null,
  };
}

function factsFrom(values: Record<FactId, Tri>): Facts {
  const entries = factIds.map((id) => [id, fact(id, values[id])] as const);
  return Object.fromEntries(entries) as unknown as Facts;
}

function allCombinations(): Values[] {
  const out: Values[] = [];
  for (let mask = 0; mask < 1 << factIds.length; mask += 1) {
    out.push(Object.fromEntries(factIds.map((id, bit) => [id, ((mask >> bit) & 1) === 1])) as Values);
  }
  return out;
}

describe('rule tables against a plain reading of the guidelines', () => {
  const combinations = allCombinations();

  it(`IWGDF 2023 agrees for all ${combinations.length} combinations, always with a reason`, () => {
    for (const values of combinations) {
      const result = evaluateRules(iwgdf2023Table, factsFrom(values));
      expect(result.category).toBe(iwgdfPlain(values));
      expect(result.because.length).toBeGreaterThan(0);
      expect(result.because.every((b) => b.category === result.category)).toBe(true);
    }
  });

  it(`NICE NG19 agrees for all ${combinations.length} combinations, always with a reason`, () => {
    for (const values of combinations) {
      const result = evaluateRules(niceNg19Table, factsFrom(values));
      expect(result.category).toBe(nicePlain(values));
      expect(result.because.length).toBeGreaterThan(0);
    }
  });
});

describe('incompleteness (C6, D14)', () => {
  const triArb = fc.constantFrom<Tri>(true, false, 'unknown');
  const valuesArb = fc.record(Object.fromEntries(factIds.map((id) => [id, triArb])) as Record<FactId, fc.Arbitrary<Tri>>);

  function bruteForce<C>(values: Record<FactId, Tri>, plain: (v: Values) => C): Set<C> {
    const unknown = factIds.filter((id) => values[id] === 'unknown');
    const out = new Set<C>();
    for (let mask = 0; mask < 1 << unknown.length; mask += 1) {
      const v = Object.fromEntries(factIds.map((id) => [id, values[id] === true])) as Values;
      unknown.forEach((id, bit) => (v[id] = ((mask >> bit) & 1) === 1));
      out.add(plain(v));
    }
    return out;
  }

  it('the category is decided exactly when every possibility agrees, and lists the possibilities', () => {
    fc.assert(
      fc.property(valuesArb, (values) => {
        for (const [table, plain] of [
          [iwgdf2023Table, iwgdfPlain],
          [niceNg19Table, nicePlain],
        ] as const) {
          const expected = bruteForce(values, plain as (v: Values) => IwgdfCategory | NiceCategory);
          const result = evaluateRules(table as typeof iwgdf2023Table, factsFrom(values));
          expect(new Set(result.possibleCategories)).toEqual(expected);
          expect(result.category === 'incomplete').toBe(expected.size > 1);
          if (result.category === 'incomplete') {
            expect(result.toSettle.length).toBeGreaterThan(0);
            expect(result.because[0]?.ruleId).toMatch(/INCOMPLETE$/);
            for (const t of result.toSettle) expect(values[t.fact]).toBe('unknown');
          } else {
            expect(result.toSettle).toEqual([]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('lists only the unknown facts that can change the category', () => {
    const values = Object.fromEntries(factIds.map((id) => [id, false])) as Record<FactId, Tri>;
    values.lops = 'unknown';
    values.endStageRenalDisease = 'unknown';
    values.pad = true;
    // PAD alone: IWGDF 1 or 2 (LOPS) or 3 (ESRD): both matter. NICE: moderate or high (LOPS); ESRD does not matter.
    const iwgdf = evaluateRules(iwgdf2023Table, factsFrom(values));
    expect(iwgdf.possibleCategories).toEqual([1, 2, 3]);
    expect(iwgdf.toSettle.map((t) => t.fact)).toEqual(['lops', 'endStageRenalDisease']);
    const nice = evaluateRules(niceNg19Table, factsFrom(values));
    expect(nice.possibleCategories).toEqual(['moderate', 'high']);
    expect(nice.toSettle.map((t) => t.fact)).toEqual(['lops']);
  });

  it('decides despite unknowns when they cannot matter (vignette V29: PAD + ulcer history = 3)', () => {
    const values = Object.fromEntries(factIds.map((id) => [id, false])) as Record<FactId, Tri>;
    values.lops = 'unknown';
    values.pad = true;
    values.previousUlcer = true;
    const result = evaluateRules(iwgdf2023Table, factsFrom(values));
    expect(result.category).toBe(3);
    expect(result.because.map((b) => b.ruleId)).toEqual(['IWGDF-3']);
    expect(result.because[0]?.findings).toEqual(['path.pad', 'path.previousUlcer']);
  });
});

describe('explanations', () => {
  function base(): Record<FactId, Tri> {
    return Object.fromEntries(factIds.map((id) => [id, false])) as Record<FactId, Tri>;
  }

  it('names every rule that fired at the decided category, with the deciding findings', () => {
    const values = { ...base(), lops: true, pad: true, deformity: true } as Record<FactId, Tri>;
    const result = evaluateRules(iwgdf2023Table, factsFrom(values));
    expect(result.category).toBe(2);
    expect(result.because.map((b) => b.ruleId)).toEqual(['IWGDF-2-LOPS-PAD', 'IWGDF-2-LOPS-DEFORMITY', 'IWGDF-2-PAD-DEFORMITY']);
    expect(result.because[0]?.findings).toEqual(['path.lops', 'path.pad']);
    expect(result.because[0]?.source).toContain('guidelinecentral.com/guideline/25084');
  });

  it('says when risk factors on different feet were combined (C1)', () => {
    const facts = { ...factsFrom({ ...base(), lops: true, deformity: true } as Record<FactId, Tri>) } as Record<FactId, Fact>;
    facts.lops = fact('lops', true, { left: true, right: false });
    facts.deformity = fact('deformity', true, { left: false, right: true });
    const result = evaluateRules(iwgdf2023Table, facts as Facts);
    expect(result.category).toBe(2);
    expect(result.because[0]?.conventions).toContain('C1');
    facts.deformity = fact('deformity', true, { left: true, right: false });
    expect(evaluateRules(iwgdf2023Table, facts as Facts).because[0]?.conventions).not.toContain('C1');
  });

  it('says when history without LOPS or PAD leaves IWGDF at 0 (C5)', () => {
    const result = evaluateRules(iwgdf2023Table, factsFrom({ ...base(), previousUlcer: true } as Record<FactId, Tri>));
    expect(result.category).toBe(0);
    expect(result.because.find((b) => b.ruleId === 'IWGDF-0-HISTORY')?.conventions).toEqual(['C5']);
  });

  it('every rule has an id, a source and a reason; ids are unique', () => {
    for (const table of [iwgdf2023Table, niceNg19Table] as const) {
      const ids = table.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const rule of table.rules) {
        expect(rule.source.length).toBeGreaterThan(10);
        expect(rule.reason.length).toBeGreaterThan(10);
      }
    }
  });

  it('is fast enough for live use with nothing recorded', () => {
    const values = Object.fromEntries(factIds.map((id) => [id, 'unknown'])) as Record<FactId, Tri>;
    const start = performance.now();
    const result = evaluateRules(niceNg19Table, factsFrom(values));
    expect(result.category).toBe('incomplete');
    expect(performance.now() - start).toBeLessThan(500);
  });
});
