import type { ExamSummary } from '../domain/exam';
import type { Side } from '../domain/findings';
import { assertNever } from '../ipc/result';
import { iwgdfCategoryLabels, niceCategoryLabels, type IwgdfCategoryText, type NiceCategoryText } from '../recall/recallRules';

/**
 * A patient's screening history over time: the points of the timeline chart and the
 * changes of risk category between one signed screening and the next. Only current signed
 * versions count: an amended exam appears once, with its corrected result; drafts do not appear.
 */

export interface HistoryPoint {
  examId: number;
  examinedOn: string;
  version: number;
  examStatus: ExamSummary['examStatus'];
  nice: NiceCategoryText;
  iwgdf: IwgdfCategoryText;
  /** Insensate of tested sites per foot; null when the foot was not examined. */
  sites: Record<Side, { insensate: number; tested: number } | null>;
}

export type ChangeDirection = 'worse' | 'better' | 'changed';

export interface CategoryChange {
  /** The later screening, where the change is marked. */
  examId: number;
  examinedOn: string;
  previousExamId: number;
  previousExaminedOn: string;
  nice: { from: NiceCategoryText; to: NiceCategoryText } | null;
  iwgdf: { from: IwgdfCategoryText; to: IwgdfCategoryText } | null;
  direction: ChangeDirection;
  /** "NICE NG19: low risk → moderate risk; IWGDF 2023: category 0 → category 1". */
  text: string;
  /** Rose to a level where a foot protection referral is usually made (NICE moderate or above, IWGDF 2 or above). */
  usuallyReferral: boolean;
}

/** Order of risk; incomplete has no place on the scale. */
export function niceRank(c: NiceCategoryText): number | null {
  switch (c) {
    case 'low':
      return 0;
    case 'moderate':
      return 1;
    case 'high':
      return 2;
    case 'active':
      return 3;
    case 'incomplete':
      return null;
    default:
      return assertNever(c, 'NICE category');
  }
}

export function iwgdfRank(c: IwgdfCategoryText): number | null {
  switch (c) {
    case '0':
    case '1':
    case '2':
    case '3':
      return Number(c);
    case 'urgent':
      return 4;
    case 'incomplete':
      return null;
    default:
      return assertNever(c, 'IWGDF category');
  }
}

/** Signed screenings, oldest first (by examination date, then record). */
export function historyPoints(exams: readonly ExamSummary[]): HistoryPoint[] {
  return exams
    .filter((e) => e.state === 'signed' && e.examinedOn !== null && e.niceCategory !== null && e.iwgdfCategory !== null)
    .map((e) => ({
      examId: e.id,
      examinedOn: e.examinedOn ?? '',
      version: e.version,
      examStatus: e.examStatus,
      nice: e.niceCategory ?? 'incomplete',
      iwgdf: e.iwgdfCategory ?? 'incomplete',
      sites: { right: e.sites.right, left: e.sites.left },
    }))
    .sort((a, b) => (a.examinedOn === b.examinedOn ? a.examId - b.examId : a.examinedOn < b.examinedOn ? -1 : 1));
}

function direction(ranks: [number | null, number | null][]): ChangeDirection {
  const moves = ranks.filter(([a, b]) => a !== b);
  if (moves.some(([a, b]) => a === null || b === null)) return 'changed';
  const up = moves.some(([a, b]) => (b ?? 0) > (a ?? 0));
  const down = moves.some(([a, b]) => (b ?? 0) < (a ?? 0));
  return up && !down ? 'worse' : down && !up ? 'better' : 'changed';
}

/** Every change of category from one signed screening to the next. */
export function categoryChanges(points: readonly HistoryPoint[]): CategoryChange[] {
  const changes: CategoryChange[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1];
    const after = points[i];
    if (!before || !after) continue;
    const nice = before.nice !== after.nice ? { from: before.nice, to: after.nice } : null;
    const iwgdf = before.iwgdf !== after.iwgdf ? { from: before.iwgdf, to: after.iwgdf } : null;
    if (!nice && !iwgdf) continue;
    const parts: string[] = [];
    if (nice) parts.push(`NICE NG19: ${niceCategoryLabels[nice.from].toLowerCase()} → ${niceCategoryLabels[nice.to].toLowerCase()}`);
    if (iwgdf) parts.push(`IWGDF 2023: ${iwgdfCategoryLabels[iwgdf.from].toLowerCase()} → ${iwgdfCategoryLabels[iwgdf.to].toLowerCase()}`);
    const niceUp = nice !== null && (niceRank(nice.to) ?? -1) >= 1 && (niceRank(nice.to) ?? -1) > (niceRank(nice.from) ?? 99);
    const iwgdfUp = iwgdf !== null && (iwgdfRank(iwgdf.to) ?? -1) >= 2 && (iwgdfRank(iwgdf.to) ?? -1) > (iwgdfRank(iwgdf.from) ?? 99);
    changes.push({
      examId: after.examId,
      examinedOn: after.examinedOn,
      previousExamId: before.examId,
      previousExaminedOn: before.examinedOn,
      nice,
      iwgdf,
      direction: direction([
        [niceRank(before.nice), niceRank(after.nice)],
        [iwgdfRank(before.iwgdf), iwgdfRank(after.iwgdf)],
      ]),
      text: parts.join('; '),
      usuallyReferral: niceUp || iwgdfUp,
    });
  }
  return changes;
}

/** The two screenings a comparison starts with: the last two signed ones (older first), if there are two. */
export function defaultComparison(exams: readonly ExamSummary[]): [number, number] | null {
  const points = historyPoints(exams);
  const older = points[points.length - 2];
  const newer = points[points.length - 1];
  return older && newer ? [older.examId, newer.examId] : null;
}
