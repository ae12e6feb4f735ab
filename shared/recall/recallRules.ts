import type { ExamSummary } from '../domain/exam';
import type { ExamStatus } from '../domain/findings';
import { recallGuidelineLabels, type RecallSettings } from '../domain/recallSettings';
import { assertNever } from '../ipc/result';
import { addMonths } from '../text/dates';

/**
 * When a patient is next due for a foot screen. The one statement of the rules; the
 * database computes the same thing in SQL for the worklist (electron/db/repositories/recallSql.ts),
 * and a test holds the two to each other for every category, status and guideline.
 *
 * - Only the current signed version of an examination counts: drafts, discarded drafts and
 *   versions replaced by an amendment do not. An amended exam therefore counts once.
 * - The last signed examination is the one with the latest examination date (then the latest id).
 * - Due date = its examination date + the interval of its category under the clinic's recall
 *   guideline, in calendar months (31 January + 1 month = 28/29 February).
 * - Active disease (NICE active or IWGDF urgent, under either guideline) is due at once, on the
 *   examination date itself: it needs referral, not recall.
 * - A declined or unsuitable examination counts as contact, but the feet were not examined: it is
 *   recalled after the "incomplete" interval (default 1 month).
 * - A performed examination whose category is incomplete (unknown LOPS or PAD could change it) is
 *   recalled after the shortest interval among the categories it could still be, so a patient
 *   who may be high risk is never recalled as if low risk; and never later than the clinic's
 *   "incomplete" interval: whichever date is earlier. One that could be active disease is due at
 *   once, as active disease is: settle it or refer, never wait.
 * - No signed examination: never screened, no due date (its own worklist view).
 */

export type IwgdfCategoryText = NonNullable<ExamSummary['iwgdfCategory']>;
export type NiceCategoryText = NonNullable<ExamSummary['niceCategory']>;

/** What the recall reads from the last signed examination. */
export interface RecallBasis {
  examinedOn: string;
  examStatus: ExamStatus;
  iwgdf: IwgdfCategoryText;
  nice: NiceCategoryText;
  /** The categories an incomplete result could still be, as the assessment lists them (empty when decided). */
  possibleIwgdf: readonly PossibleIwgdf[];
  possibleNice: readonly PossibleNice[];
}

/** A category an incomplete result could be (never "incomplete" itself). */
export type PossibleIwgdf = Exclude<IwgdfCategoryText, 'incomplete'>;
export type PossibleNice = Exclude<NiceCategoryText, 'incomplete'>;

export type RecallDecision =
  | { kind: 'never-screened' }
  | { kind: 'refer-now'; dueOn: string; months: 0; reason: string }
  | { kind: 'interval'; dueOn: string; months: number; reason: string };

export const niceCategoryLabels: Readonly<Record<NiceCategoryText, string>> = {
  low: 'Low risk',
  moderate: 'Moderate risk',
  high: 'High risk',
  active: 'Active problem',
  incomplete: 'Incomplete',
};

export const iwgdfCategoryLabels: Readonly<Record<IwgdfCategoryText, string>> = {
  '0': 'Category 0',
  '1': 'Category 1',
  '2': 'Category 2',
  '3': 'Category 3',
  urgent: 'Active disease (urgent)',
  incomplete: 'Incomplete',
};

/** The categories of one guideline, in order of risk, as the worklist filters them. */
export const recallCategories = {
  nice: ['low', 'moderate', 'high', 'active', 'incomplete'],
  iwgdf: ['0', '1', '2', '3', 'urgent', 'incomplete'],
} as const satisfies { nice: readonly NiceCategoryText[]; iwgdf: readonly IwgdfCategoryText[] };
export type RecallCategory = (typeof recallCategories)['nice' | 'iwgdf'][number];
export const allRecallCategories = ['low', 'moderate', 'high', 'active', '0', '1', '2', '3', 'urgent', 'incomplete'] as const satisfies readonly RecallCategory[];

export function isActiveDisease(basis: Pick<RecallBasis, 'iwgdf' | 'nice'>): boolean {
  return basis.nice === 'active' || basis.iwgdf === 'urgent';
}

function plural(months: number): string {
  return months === 1 ? '1 month' : `${months} months`;
}

/** The interval in months (0 = due at once) and why, for the last signed examination. */
export function recallInterval(basis: RecallBasis, settings: RecallSettings): { months: number; reason: string } {
  const guideline = recallGuidelineLabels[settings.guideline];
  if (isActiveDisease(basis)) return { months: 0, reason: 'Active foot disease: due now, for referral rather than recall' };
  if (basis.examStatus !== 'performed') {
    const what = basis.examStatus === 'declined' ? 'declined' : 'unsuitable';
    return { months: settings.incompleteMonths, reason: `Examination ${what}: screen again after ${plural(settings.incompleteMonths)} (clinic setting for incomplete screens)` };
  }
  const guidelineCategory = settings.guideline === 'nice' ? basis.nice : basis.iwgdf;
  if (guidelineCategory === 'incomplete') return incompleteInterval(basis, settings);
  const months = categoryMonths(settings, guidelineCategory);
  const label = settings.guideline === 'nice' ? niceCategoryLabels[basis.nice] : iwgdfCategoryLabels[basis.iwgdf];
  return { months, reason: `${guideline} ${label.toLowerCase()}: every ${plural(months)} (clinic setting)` };
}

/**
 * An incomplete category: the shortest clinic interval among the categories it could be, or the
 * clinic's interval for incomplete screens when that is shorter (or nothing else gives one).
 */
function incompleteInterval(basis: RecallBasis, settings: RecallSettings): { months: number; reason: string } {
  const guideline = recallGuidelineLabels[settings.guideline];
  const possible: readonly RecallCategory[] = settings.guideline === 'nice' ? basis.possibleNice : basis.possibleIwgdf;
  const labels: Readonly<Record<string, string>> = settings.guideline === 'nice' ? niceCategoryLabels : iwgdfCategoryLabels;
  const could = possible.length > 0 ? ` (could be ${possible.map((c) => (labels[c] ?? c).toLowerCase()).join(' or ')})` : '';
  if (possible.some((c) => c === 'active' || c === 'urgent')) {
    return { months: 0, reason: `${guideline} category incomplete${could}: due now, as active foot disease is possible: settle it or refer` };
  }
  const shortest = possible.reduce<number | null>((least, c) => Math.min(least ?? Infinity, categoryMonths(settings, c)), null);
  if (shortest !== null && shortest < settings.incompleteMonths) {
    return { months: shortest, reason: `${guideline} category incomplete${could}: screen again after ${plural(shortest)}, the shortest interval of the categories it could be (clinic setting)` };
  }
  const months = settings.incompleteMonths;
  return { months, reason: `${guideline} category incomplete${could}: screen again after ${plural(months)} (clinic setting for incomplete screens)` };
}

/** Months for a category of the recall guideline that is not active disease. */
function categoryMonths(settings: RecallSettings, category: RecallCategory): number {
  switch (category) {
    case 'low':
    case 'moderate':
    case 'high':
      return settings.niceMonths[category];
    case '0':
    case '1':
    case '2':
    case '3':
      return settings.iwgdfMonths[category];
    case 'incomplete':
    case 'active':
    case 'urgent':
      return settings.incompleteMonths;
    default:
      return assertNever(category, 'recall category');
  }
}

export function recallDecision(basis: RecallBasis | null, settings: RecallSettings): RecallDecision {
  if (basis === null) return { kind: 'never-screened' };
  const { months, reason } = recallInterval(basis, settings);
  if (months === 0) return { kind: 'refer-now', dueOn: basis.examinedOn, months: 0, reason };
  return { kind: 'interval', dueOn: addMonths(basis.examinedOn, months), months, reason };
}

/**
 * The examination recall counts from, among a patient's examinations: the current signed version
 * with the latest examination date (ties: the later record). Superseded, draft and discarded
 * versions never count.
 */
export function lastSignedExam<T extends Pick<ExamSummary, 'id' | 'state' | 'examinedOn'>>(exams: readonly T[]): T | null {
  let best: T | null = null;
  for (const exam of exams) {
    if (exam.state !== 'signed' || exam.examinedOn === null) continue;
    if (best === null || exam.examinedOn > (best.examinedOn ?? '') || (exam.examinedOn === best.examinedOn && exam.id > best.id)) best = exam;
  }
  return best;
}

/** Whole days from `today` to `dueOn` (negative: overdue by that many days). */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
