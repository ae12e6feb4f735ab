import { describe, expect, it } from 'vitest';
import { assess } from '../clinical/assess';
import { changed, normalFindings, normalWith } from '../clinical/fixtures/findingsBuilders';
import { vignetteFindings } from './fixtures/reportInputs';
import { limbThreateningFindings, referralDecision } from './referral';

const decide = (id: string) => referralDecision(assess(vignetteFindings(id)), '2026-11-25');

describe('referral letter: when it is warranted and how soon (NICE NG19 times, decision 10)', () => {
  it('is not warranted for low risk without a red flag', () => {
    for (const id of ['V01', 'V02', 'V39']) {
      expect(decide(id).warranted, id).toBe(false);
    }
  });

  it('NICE moderate risk is a referral: the foot protection service within 6-8 weeks', () => {
    for (const id of ['V03', 'V04', 'V05', 'V31']) {
      expect(decide(id), id).toMatchObject({ warranted: true, level: 'moderate', urgencyHeadline: 'First assessment within 6-8 weeks', seeBy: '2027-01-20', provisional: false });
    }
    expect(decide('V03').reasons).toEqual(['NICE NG19: moderate risk.']);
  });

  it('an incomplete result that could need a referral offers it, saying so', () => {
    const d = decide('V27');
    expect(d).toMatchObject({ warranted: true, level: 'moderate', provisional: true });
    expect(d.reasons[0]).toMatch(/^NICE NG19: not decided, it could be moderate risk \(to settle: /);
  });

  it('NICE high risk: the foot protection service within 2-4 weeks, dated from the exam', () => {
    const d = decide('V10');
    expect(d).toMatchObject({ warranted: true, level: 'high', recipient: 'Foot protection service (FPS) / podiatry', seeBy: '2026-12-23' });
    expect(d.urgencyHeadline).toBe('First assessment within 2-4 weeks');
    expect(d.reasons).toEqual(['NICE NG19: high risk.', 'IWGDF 2023: category 2 (moderate risk).']);
  });

  it('NICE high with IWGDF 1 (LOPS and callus) is warranted by NICE alone', () => {
    expect(decide('V13')).toMatchObject({ warranted: true, level: 'high', reasons: ['NICE NG19: high risk.'] });
  });

  it('IWGDF 3 with NICE moderate (ESRD without dialysis) takes the more urgent level', () => {
    const d = decide('V19');
    expect(d.level).toBe('high');
    expect(d.reasons).toEqual(['NICE NG19: moderate risk.', 'IWGDF 2023: category 3 (high risk).']);
  });

  it('an active problem: within 1 working day to the MDFS or FPS; limb-threatening: immediately', () => {
    expect(decide('V21')).toMatchObject({ level: 'active', urgencyHeadline: 'Within 1 working day' });
    const gangrene = assess(normalWith((f) => (f.feet.left.skin = { ...f.feet.left.skin, gangrene: true })));
    expect(limbThreateningFindings(gangrene)).toEqual(['gangrene']);
    expect(referralDecision(gangrene, '2026-11-25')).toMatchObject({ level: 'immediate', urgencyHeadline: 'Immediately: limb-threatening' });
  });

  it('a red flag warrants the letter, asking for prompt medical review', () => {
    const d = decide('V36');
    expect(d).toMatchObject({ warranted: true, medicalReview: true, level: 'moderate', seeBy: '2027-01-20' });
    expect(d.reasons.at(-1)).toMatch(/^Red flag of an atypical neuropathy: sudden onset, rapid spread/);
    const redFlagOnly = referralDecision(assess(changed(normalFindings(), (f) => (f.redFlags = { ...f.redFlags, motorWeakness: true }))), '2026-11-25');
    expect(redFlagOnly).toMatchObject({ warranted: true, level: null, recipient: 'GP or physician (medical review)', urgencyHeadline: 'Prompt medical review' });
  });
});
