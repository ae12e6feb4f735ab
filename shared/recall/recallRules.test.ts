import { describe, expect, it } from 'vitest';
import { iwgdf2023Table } from '../clinical/iwgdf2023';
import { niceNg19Table } from '../clinical/niceNg19';
import { defaultRecallSettings, recallSettingsSchema, type RecallSettings } from '../domain/recallSettings';
import { daysUntil, lastSignedExam, recallDecision, type PossibleIwgdf, type PossibleNice, type RecallBasis } from './recallRules';

const basis = (over: Partial<RecallBasis>): RecallBasis => ({ examinedOn: '2026-03-12', examStatus: 'performed', iwgdf: '0', nice: 'low', possibleIwgdf: [], possibleNice: [], ...over });
const iwgdfClinic: RecallSettings = { ...defaultRecallSettings, guideline: 'iwgdf' };

describe('recall defaults', () => {
  it('are the lower end of each guideline range, NICE drives, incomplete is the shortest interval', () => {
    expect(recallSettingsSchema.parse(defaultRecallSettings)).toEqual(defaultRecallSettings);
    expect(defaultRecallSettings.guideline).toBe('nice');
    expect(defaultRecallSettings.niceMonths).toEqual({
      low: niceNg19Table.outcomes.low.reviewIntervalMonths?.min,
      moderate: niceNg19Table.outcomes.moderate.reviewIntervalMonths?.min,
      high: niceNg19Table.outcomes.high.reviewIntervalMonths?.min,
    });
    expect(defaultRecallSettings.niceMonths).toEqual({ low: 12, moderate: 3, high: 1 });
    expect(defaultRecallSettings.iwgdfMonths).toEqual({ '0': 12, '1': 6, '2': 3, '3': 1 });
    expect(defaultRecallSettings.iwgdfMonths['1']).toBe(iwgdf2023Table.outcomes[1].reviewIntervalMonths?.min);
    expect(defaultRecallSettings.incompleteMonths).toBe(1);
  });
});

describe('due date: interval per category', () => {
  it.each([
    ['low', '2027-03-12', 12],
    ['moderate', '2026-06-12', 3],
    ['high', '2026-04-12', 1],
  ] as const)('NICE %s is due %s', (nice, dueOn, months) => {
    expect(recallDecision(basis({ nice }), defaultRecallSettings)).toMatchObject({ kind: 'interval', dueOn, months });
  });

  it.each([
    ['0', '2027-03-12'],
    ['1', '2026-09-12'],
    ['2', '2026-06-12'],
    ['3', '2026-04-12'],
  ] as const)('IWGDF category %s is due %s when the clinic recalls by IWGDF', (iwgdf, dueOn) => {
    expect(recallDecision(basis({ iwgdf, nice: 'moderate' }), iwgdfClinic)).toMatchObject({ kind: 'interval', dueOn });
  });

  it('follows the clinic intervals, not the defaults', () => {
    const clinic: RecallSettings = { ...defaultRecallSettings, niceMonths: { low: 24, moderate: 6, high: 2 } };
    expect(recallDecision(basis({ nice: 'low' }), clinic)).toMatchObject({ dueOn: '2028-03-12', reason: 'NICE NG19 low risk: every 24 months (clinic setting)' });
    expect(recallDecision(basis({ nice: 'high' }), clinic)).toMatchObject({ dueOn: '2026-05-12', months: 2 });
  });

  it('counts calendar months and keeps to the end of a shorter month', () => {
    expect(recallDecision(basis({ examinedOn: '2026-01-31', nice: 'high' }), defaultRecallSettings)).toMatchObject({ dueOn: '2026-02-28' });
    expect(recallDecision(basis({ examinedOn: '2027-11-30', nice: 'moderate' }), defaultRecallSettings)).toMatchObject({ dueOn: '2028-02-29' });
    expect(recallDecision(basis({ examinedOn: '2024-02-29', nice: 'low' }), defaultRecallSettings)).toMatchObject({ dueOn: '2025-02-28' });
  });

  it('makes active disease due at once under either guideline: referral, not recall', () => {
    for (const settings of [defaultRecallSettings, iwgdfClinic]) {
      expect(recallDecision(basis({ nice: 'active', iwgdf: 'urgent' }), settings)).toEqual({
        kind: 'refer-now',
        dueOn: '2026-03-12',
        months: 0,
        reason: 'Active foot disease: due now, for referral rather than recall',
      });
    }
    expect(recallDecision(basis({ nice: 'high', iwgdf: 'urgent' }), defaultRecallSettings).kind).toBe('refer-now');
  });

  it('gives an incomplete category the incomplete interval when nothing it could be is shorter', () => {
    expect(recallDecision(basis({ nice: 'incomplete', iwgdf: 'incomplete', possibleNice: ['low', 'moderate'], possibleIwgdf: ['0', '1'] }), defaultRecallSettings)).toMatchObject({
      dueOn: '2026-04-12',
      months: 1,
      reason: 'NICE NG19 category incomplete (could be low risk or moderate risk): screen again after 1 month (clinic setting for incomplete screens)',
    });
    expect(recallDecision(basis({ nice: 'low', iwgdf: 'incomplete' }), iwgdfClinic)).toMatchObject({ dueOn: '2026-04-12' });
  });

  it('recalls an incomplete category after the shortest interval of the categories it could be, when shorter than the incomplete interval', () => {
    const clinic: RecallSettings = { ...defaultRecallSettings, incompleteMonths: 6 };
    expect(recallDecision(basis({ nice: 'incomplete', possibleNice: ['low', 'moderate'] }), clinic)).toMatchObject({
      dueOn: '2026-06-12',
      months: 3,
      reason: 'NICE NG19 category incomplete (could be low risk or moderate risk): screen again after 3 months, the shortest interval of the categories it could be (clinic setting)',
    });
    expect(recallDecision(basis({ nice: 'incomplete', possibleNice: ['moderate', 'high'] }), clinic)).toMatchObject({ months: 1, dueOn: '2026-04-12' });
    // The recall guideline's own possible categories decide, with the clinic's intervals.
    const iwgdf6: RecallSettings = { ...iwgdfClinic, incompleteMonths: 6, iwgdfMonths: { '0': 12, '1': 9, '2': 4, '3': 2 } };
    expect(recallDecision(basis({ iwgdf: 'incomplete', possibleIwgdf: ['0', '3'], nice: 'incomplete', possibleNice: ['low'] }), iwgdf6)).toMatchObject({ months: 2 });
    expect(recallDecision(basis({ iwgdf: 'incomplete', possibleIwgdf: ['1', '2'] }), iwgdf6)).toMatchObject({ months: 4 });
    // The earlier date wins: a clinic incomplete interval shorter than every possibility.
    expect(recallDecision(basis({ iwgdf: 'incomplete', possibleIwgdf: ['1', '2'] }), { ...iwgdf6, incompleteMonths: 2 })).toMatchObject({ months: 2 });
    // Could be active disease: due at once, as active disease is.
    expect(recallDecision(basis({ nice: 'incomplete', possibleNice: ['low', 'active'] }), clinic)).toEqual({
      kind: 'refer-now',
      dueOn: '2026-03-12',
      months: 0,
      reason: 'NICE NG19 category incomplete (could be low risk or active problem): due now, as active foot disease is possible: settle it or refer',
    });
    expect(recallDecision(basis({ iwgdf: 'incomplete', possibleIwgdf: ['0', 'urgent'] }), iwgdf6)).toMatchObject({ kind: 'refer-now', months: 0 });
    // Nothing listed (an assessment that could be anything): the incomplete interval.
    expect(recallDecision(basis({ nice: 'incomplete', possibleNice: [] }), clinic)).toMatchObject({ months: 6 });
  });

  it('never recalls an incomplete result later than a decided result of any category it could be', () => {
    const settingsList: RecallSettings[] = [
      { ...defaultRecallSettings, incompleteMonths: 60 },
      { guideline: 'nice', niceMonths: { low: 24, moderate: 5, high: 2 }, iwgdfMonths: { '0': 18, '1': 9, '2': 4, '3': 2 }, incompleteMonths: 3, bookingText: '' },
      { guideline: 'iwgdf', niceMonths: { low: 24, moderate: 5, high: 2 }, iwgdfMonths: { '0': 18, '1': 9, '2': 4, '3': 7 }, incompleteMonths: 12, bookingText: '' },
    ];
    const niceSets: PossibleNice[][] = [['low', 'moderate'], ['low', 'high'], ['moderate', 'high'], ['low', 'moderate', 'high']];
    const iwgdfSets: PossibleIwgdf[][] = [['0', '1'], ['0', '3'], ['1', '2'], ['2', '3'], ['0', '1', '2', '3']];
    for (const settings of settingsList)
      for (const possibleNice of niceSets)
        for (const possibleIwgdf of iwgdfSets) {
          const incomplete = recallDecision(basis({ nice: 'incomplete', iwgdf: 'incomplete', possibleNice, possibleIwgdf }), settings);
          if (incomplete.kind !== 'interval') throw new Error('expected an interval');
          expect(incomplete.months).toBeLessThanOrEqual(settings.incompleteMonths);
          for (const nice of possibleNice)
            for (const iwgdf of possibleIwgdf) {
              const decided = recallDecision(basis({ nice, iwgdf }), settings);
              if (decided.kind !== 'interval') throw new Error('expected an interval');
              expect(incomplete.dueOn <= decided.dueOn).toBe(true);
            }
        }
  });
});

describe('due date: declined and unsuitable examinations', () => {
  it('count as the contact but recall after the incomplete interval, even if history decided a category', () => {
    const clinic: RecallSettings = { ...defaultRecallSettings, incompleteMonths: 2 };
    expect(recallDecision(basis({ examStatus: 'declined', nice: 'incomplete', iwgdf: 'incomplete' }), clinic)).toMatchObject({
      kind: 'interval',
      dueOn: '2026-05-12',
      reason: 'Examination declined: screen again after 2 months (clinic setting for incomplete screens)',
    });
    expect(recallDecision(basis({ examStatus: 'unsuitable', nice: 'high', iwgdf: '3' }), clinic)).toMatchObject({ dueOn: '2026-05-12' });
  });

  it('are still due at once when they record active disease', () => {
    expect(recallDecision(basis({ examStatus: 'declined', nice: 'active', iwgdf: 'urgent' }), defaultRecallSettings).kind).toBe('refer-now');
  });
});

describe('never screened and the exam recall counts from', () => {
  it('has no due date without a signed examination', () => {
    expect(recallDecision(null, defaultRecallSettings)).toEqual({ kind: 'never-screened' });
    expect(lastSignedExam([])).toBeNull();
    expect(lastSignedExam([{ id: 1, state: 'draft', examinedOn: '2026-01-01' }, { id: 2, state: 'discarded', examinedOn: '2026-02-01' }])).toBeNull();
  });

  it('counts an amended exam once: the current signed version, never the one it replaced', () => {
    const exams = [
      { id: 1, state: 'superseded', examinedOn: '2026-05-01' },
      { id: 3, state: 'signed', examinedOn: '2026-05-01' },
      { id: 2, state: 'signed', examinedOn: '2025-05-01' },
      { id: 4, state: 'draft', examinedOn: '2026-06-01' },
    ] as const;
    expect(lastSignedExam(exams)?.id).toBe(3);
    expect(lastSignedExam(exams.filter((e) => e.id !== 3))?.id).toBe(2);
  });

  it('takes the latest examination date, not the latest record', () => {
    expect(lastSignedExam([{ id: 9, state: 'signed', examinedOn: '2025-01-01' }, { id: 5, state: 'signed', examinedOn: '2026-01-01' }])?.id).toBe(5);
    expect(lastSignedExam([{ id: 5, state: 'signed', examinedOn: '2026-01-01' }, { id: 9, state: 'signed', examinedOn: '2026-01-01' }])?.id).toBe(9);
  });

  it('counts days to the due date (negative when overdue)', () => {
    expect(daysUntil('2026-03-12', '2026-03-12')).toBe(0);
    expect(daysUntil('2026-03-10', '2026-03-12')).toBe(-2);
    expect(daysUntil('2026-04-01', '2026-03-01')).toBe(31);
  });
});
