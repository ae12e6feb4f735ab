import { describe, expect, it } from 'vitest';
import { assess } from '../clinical/assess';
import { vignetteFindings } from './fixtures/reportInputs';
import { nextReview } from './nextReview';

const review = (id: string, on = '2026-11-25') => nextReview(assess(vignetteFindings(id)), on);

describe('next review date: exam date plus the shortest interval the guidelines give', () => {
  it('low risk in both: 12 months', () => {
    expect(review('V01')).toMatchObject({ kind: 'date', date: '2027-11-25', months: 12 });
  });

  it('IWGDF 1 (6-12 months) and NICE moderate (3-6 months): 3 months, saying which guideline', () => {
    const r = review('V04');
    expect(r).toMatchObject({ kind: 'date', date: '2027-02-25', months: 3 });
    expect(r.kind === 'date' && r.basis).toBe(
      '3 months after this examination, the shortest interval the guidelines give. NICE NG19 Moderate risk: FPS within 6-8 weeks, then every 3-6 months. IWGDF 2023 Category 1 (low risk): every 6-12 months.',
    );
  });

  it('IWGDF 3 and NICE high: 1 month; the month end is clamped', () => {
    expect(review('V14')).toMatchObject({ kind: 'date', date: '2026-12-25', months: 1 });
    expect(review('V14', '2027-01-31')).toMatchObject({ date: '2027-02-28' });
  });

  it('active disease has no routine date', () => {
    expect(review('V21').kind).toBe('urgent');
  });

  it('an incomplete result has a date all the same: the shortest interval of the categories it could be (decision 6)', () => {
    // V27: IWGDF 0 or 1, NICE low or moderate: 3 months, as for NICE moderate.
    expect(review('V27')).toMatchObject({ kind: 'date', date: '2027-02-25', months: 3, provisional: true });
    // V48: IWGDF 0 or 3 with NICE high: 1 month.
    const r = review('V48');
    expect(r).toMatchObject({ kind: 'date', months: 1, provisional: true });
    expect(r.kind === 'date' && r.basis).toBe(
      '1 month after this examination: the result is incomplete, so it takes the shortest interval of the categories it could be (decision 6). IWGDF 2023 not decided (could be category 0 (very low risk) or category 3 (high risk)); until it is settled, as for category 3 (high risk): every 1-3 months. NICE NG19 High risk: FPS within 2-4 weeks, then every 1-2 months (every 1-2 weeks if immediate concern).',
    );
  });
});
