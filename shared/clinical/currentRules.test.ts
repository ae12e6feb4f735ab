import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examSchema } from '../domain/exam';
import { findingsSchema, parseFindings, parseStoredFindings } from '../domain/findings';
import { assess } from './assess';
import { assessmentSchema, type Assessment } from './assessment';
import { currentRuleSets, underCurrentRules } from './currentRules';
import { followUpOf } from './followUp';

/**
 * Exams signed under engine 1.0.0 (the first version of the conventions), as that engine stored
 * them: fixtures/signed-engine-1.0.0.json holds its assessments of V41, V43 and V44 and of a
 * record with an ABI of 4 (valid then). They must keep loading, keep what was signed, and say
 * what the current rules give.
 */

interface Signed {
  id: string;
  findings: unknown;
  assessment: unknown;
}

const signed = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/signed-engine-1.0.0.json', import.meta.url)), 'utf8')) as Signed[];

function record(id: string): { findings: ReturnType<typeof findingsSchema.parse>; assessment: Assessment } {
  const r = signed.find((s) => s.id === id);
  if (!r) throw new Error(`no signed record ${id}`);
  return { findings: findingsSchema.parse(r.findings), assessment: assessmentSchema.parse(r.assessment) };
}

describe('signed exams of the first engine', () => {
  it('still load: findings with the stored schema, assessments with the assessment schema', () => {
    for (const r of signed) {
      expect(parseStoredFindings(r.findings).ok, r.id).toBe(true);
      expect(assessmentSchema.safeParse(r.assessment).success, r.id).toBe(true);
    }
  });

  it('an ABI of 4 (accepted before the input limits) still loads but is refused as new input', () => {
    const r = signed.find((s) => s.id === 'ABI4');
    expect(parseStoredFindings(r?.findings).ok).toBe(true);
    const input = parseFindings(r?.findings);
    expect(input.ok).toBe(false);
    if (!input.ok) expect(input.error.issues).toEqual([{ path: 'feet.right.abi', message: 'ABI must be above 0 and at most 3' }]);
    const stored = record('ABI4');
    const exam = examSchema.shape.findings.safeParse(stored.findings);
    expect(exam.success).toBe(true);
  });

  it('have a follow-up derived from what was signed (they were stored without one)', () => {
    const { assessment } = record('V43');
    expect(assessment.followUp).toBeUndefined();
    // Signed as NICE moderate: a referral to the foot protection service (decision 10).
    expect(followUpOf(assessment)).toMatchObject({ referralWarranted: true, referrals: [{ kind: 'foot', level: 'moderate' }], review: { months: 3 } });
  });
});

describe('under the current rules', () => {
  it('names the current rule sets', () => {
    expect(currentRuleSets).toEqual({ engine: '2.0.0', iwgdf2023: '2.0.0', nice: '2.0.0' });
  });

  it('V43 signed as IWGDF 1 / NICE moderate is IWGDF 3 / NICE high now (the absent foot is an amputation)', () => {
    const { findings, assessment } = record('V43');
    const c = underCurrentRules(assessment, findings);
    expect(c).toMatchObject({ rulesChanged: true, differs: true, signedUnder: 'IWGDF-2023 1.0.0, NICE-NG19 1.0.0, engine 1.0.0' });
    expect(c.iwgdf2023).toMatchObject({ signed: { category: '1' }, current: { category: '3' }, differs: true });
    expect(c.text).toBe(
      'Under the current rules: IWGDF 2023 Category 3 (high risk), signed as Category 1 (low risk); NICE NG19 High risk, signed as Moderate risk.',
    );
    // The record itself is not changed.
    expect(assessment.iwgdf2023.category).toBe(1);
  });

  it('V41 signed as IWGDF 0 / NICE low is undecided now, and says what it could be', () => {
    const { findings, assessment } = record('V41');
    expect(underCurrentRules(assessment, findings).text).toBe(
      'Under the current rules: IWGDF 2023 Incomplete (could be Category 0 (very low risk) or Category 1 (low risk)), signed as Category 0 (very low risk); NICE NG19 Incomplete (could be Low risk or Moderate risk), signed as Low risk.',
    );
  });

  it('an exam signed under the current rules needs no second look', () => {
    const findings = record('V41').findings;
    const now = assess(findings);
    expect(underCurrentRules(now, findings)).toMatchObject({ rulesChanged: false, differs: false, text: null, current: null });
  });

  it('changed rules with the same categories say nothing', () => {
    const { findings } = record('V43');
    const now = assess(findings);
    const old = { ...now, engineVersion: '1.0.0', iwgdf2023: { ...now.iwgdf2023, ruleSetVersion: '1.0.0' } };
    expect(underCurrentRules(old, findings)).toMatchObject({ rulesChanged: true, differs: false, text: null });
  });
});
