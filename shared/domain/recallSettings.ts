import * as z from 'zod';
import { iwgdf2023Table } from '../clinical/iwgdf2023';
import { niceNg19Table } from '../clinical/niceNg19';
import type { ReviewInterval } from '../clinical/ruleEngine';

/**
 * Recall intervals an administrator sets in Settings. A patient's next screen is due at
 * the date of their last signed examination plus the interval of its category under the guideline
 * the clinic recalls by (NICE NG19 unless changed). Active disease (NICE "active", IWGDF "urgent")
 * has no interval: it is due at once, as it needs referral rather than recall.
 *
 * Defaults are the LOWER end of each guideline's range (IWGDF 1: every 6-12 months -> 6), the
 * safer choice: a clinic that wants the upper end changes it here, knowingly.
 */

export const recallGuidelines = ['nice', 'iwgdf'] as const;
export type RecallGuideline = (typeof recallGuidelines)[number];
export const recallGuidelineLabels: Readonly<Record<RecallGuideline, string>> = {
  nice: 'NICE NG19',
  iwgdf: 'IWGDF 2023',
};

const months = z
  .number({ error: 'Enter a number of months' })
  .int('Whole months only')
  .min(1, 'At least 1 month')
  .max(60, 'At most 60 months');

export const recallSettingsSchema = z
  .object({
    /** Which guideline's category sets the interval. */
    guideline: z.enum(recallGuidelines),
    niceMonths: z.object({ low: months, moderate: months, high: months }).strict(),
    iwgdfMonths: z.object({ '0': months, '1': months, '2': months, '3': months }).strict(),
    /**
     * An incomplete category, which includes every declined or unsuitable examination whose
     * history did not decide the category: the feet were not examined, so try again soon.
     */
    incompleteMonths: months,
    /** How to book, printed on invitation letters ("Phone 01632 960000, Monday to Friday"). */
    bookingText: z.string().trim().max(300, 'At most 300 characters'),
  })
  .strict();
export type RecallSettings = z.infer<typeof recallSettingsSchema>;

function lowerBound(interval: ReviewInterval | null, what: string): number {
  if (!interval) throw new Error(`no review interval for ${what}`);
  return interval.min;
}

const niceOutcomes = niceNg19Table.outcomes;
const iwgdfOutcomes = iwgdf2023Table.outcomes;

/** The engines' own intervals, lower bound of each range. */
export const guidelineRecallMonths = {
  nice: {
    low: lowerBound(niceOutcomes.low.reviewIntervalMonths, 'NICE low'),
    moderate: lowerBound(niceOutcomes.moderate.reviewIntervalMonths, 'NICE moderate'),
    high: lowerBound(niceOutcomes.high.reviewIntervalMonths, 'NICE high'),
  },
  iwgdf: {
    '0': lowerBound(iwgdfOutcomes[0].reviewIntervalMonths, 'IWGDF 0'),
    '1': lowerBound(iwgdfOutcomes[1].reviewIntervalMonths, 'IWGDF 1'),
    '2': lowerBound(iwgdfOutcomes[2].reviewIntervalMonths, 'IWGDF 2'),
    '3': lowerBound(iwgdfOutcomes[3].reviewIntervalMonths, 'IWGDF 3'),
  },
} as const;

export const defaultRecallSettings: RecallSettings = {
  guideline: 'nice',
  niceMonths: { ...guidelineRecallMonths.nice },
  iwgdfMonths: { ...guidelineRecallMonths.iwgdf },
  // The shortest interval either guideline gives (1 month): an unfinished screen is repeated soon.
  incompleteMonths: Math.min(...Object.values(guidelineRecallMonths.nice), ...Object.values(guidelineRecallMonths.iwgdf)),
  bookingText: '',
};
