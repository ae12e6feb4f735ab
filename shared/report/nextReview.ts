import type { Assessment } from '../clinical/assessment';
import { followUpOf } from '../clinical/followUp';
import { addMonths } from '../text/dates';

/**
 * When the next foot screen is due: the exam date plus the review interval of the follow-up
 * (shared/clinical/followUp.ts), which every screen, report and recall reads.
 *
 * Each guideline gives a range (IWGDF 2023 category 1: every 6-12 months; NICE NG19 moderate:
 * every 3-6 months). The lower end of each range and the shorter of the two guidelines are taken,
 * so the date is never later than either guideline allows (an app convention, stated on the
 * report). An incomplete result takes the shortest interval of the categories it could be
 * (decision 6), so it always has a date. Active disease has no review date: it needs urgent
 * referral, and screening resumes once it has resolved.
 */
export type NextReview =
  | { kind: 'date'; date: string; months: number; basis: string; provisional: boolean }
  | { kind: 'urgent'; text: string }
  | { kind: 'not-set'; text: string };

export function nextReview(assessment: Assessment, examinedOn: string): NextReview {
  const { review } = followUpOf(assessment);
  if (review.months !== null) {
    return { kind: 'date', date: addMonths(examinedOn, review.months), months: review.months, basis: review.basis, provisional: review.provisional };
  }
  if (assessment.iwgdf2023.category === 'urgent' || assessment.nice.category === 'active') return { kind: 'urgent', text: review.basis };
  return { kind: 'not-set', text: review.basis };
}
