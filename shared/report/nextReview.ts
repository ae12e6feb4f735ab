import type { Assessment } from '../clinical/assessment';
import { addMonths } from '../text/dates';

/**
 * When the next foot screen is due: the exam date plus the interval of the category.
 *
 * Each guideline gives a range (IWGDF 2023 category 1: every 6-12 months; NICE NG19 moderate:
 * every 3-6 months). The report takes the lower end of each range and
 * the shorter of the two guidelines, so the date is never later than either guideline allows
 * (an app convention, stated on the report). Active disease has no review interval: it needs
 * urgent referral, and screening resumes once it has resolved. An incomplete category has none
 * until the missing findings are recorded.
 */
export type NextReview =
  | { kind: 'date'; date: string; months: number; basis: string }
  | { kind: 'urgent'; text: string }
  | { kind: 'not-set'; text: string };

interface Candidate {
  guideline: string;
  months: number;
  words: string;
}

export function nextReview(assessment: Assessment, examinedOn: string): NextReview {
  const { iwgdf2023: iwgdf, nice } = assessment;
  if (iwgdf.category === 'urgent' || nice.category === 'active') {
    return {
      kind: 'urgent',
      text: 'No routine review date: active foot disease needs urgent referral and treatment. Screening resumes once it has resolved.',
    };
  }
  const candidates: Candidate[] = [];
  if (iwgdf.category !== 'incomplete' && iwgdf.reviewIntervalMonths) {
    candidates.push({ guideline: 'IWGDF 2023', months: iwgdf.reviewIntervalMonths.min, words: `${iwgdf.label}: ${iwgdf.interval.toLowerCase()}` });
  }
  if (nice.category !== 'incomplete' && nice.reviewIntervalMonths) {
    candidates.push({ guideline: 'NICE NG19', months: nice.reviewIntervalMonths.min, words: `${nice.label}: ${nice.interval}` });
  }
  const chosen = candidates.reduce<Candidate | null>((best, c) => (best === null || c.months < best.months ? c : best), null);
  if (!chosen) {
    return { kind: 'not-set', text: 'Not set: the risk category is incomplete. Record the missing findings, then reassess.' };
  }
  const months = chosen.months === 1 ? '1 month' : `${chosen.months} months`;
  const listed = [chosen, ...candidates.filter((c) => c !== chosen)].map((c) => `${c.guideline} ${c.words}`);
  return {
    kind: 'date',
    date: addMonths(examinedOn, chosen.months),
    months: chosen.months,
    basis: `${months} after this examination, the shortest interval the guidelines give. ${listed.join('. ')}.`,
  };
}
