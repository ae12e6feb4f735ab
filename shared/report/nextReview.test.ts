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

  it('active disease has no routine date; an incomplete category has none yet', () => {
    expect(review('V21').kind).toBe('urgent');
    expect(review('V27')).toEqual({ kind: 'not-set', text: 'Not set: the risk category is incomplete. Record the missing findings, then reassess.' });
  });
});
