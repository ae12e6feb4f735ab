import type { IwgdfResult, NiceResult } from './assessment';
import { conventionIds, conventions, type ConventionId, type Convention } from './conventions';
import type { Facts } from './facts';
import { iwgdf2023Table } from './iwgdf2023';
import { niceFirstAssessmentWeeks, niceNg19Table } from './niceNg19';
import { evaluateRules, type Evaluation, type Outcome, type ReviewInterval, type RuleTable } from './ruleEngine';

/**
 * Turns a rule-table evaluation into the result the app stores and shows: category, the action
 * and interval of that category, the reasons (rules that fired) and every convention it rests on.
 */

function conventionsApplied(ids: Iterable<ConventionId>): Convention[] {
  const used = new Set(ids);
  return conventionIds.filter((id) => used.has(id)).map((id) => ({ ...conventions[id] }));
}

/**
 * The possible category with the shortest review interval (lowest minimum, then lowest maximum);
 * categories without one (active disease: a referral, not a review) are left out. Decision 6.
 */
export function shortestInterval<C extends string | number>(table: RuleTable<C>, possible: readonly C[]): { category: C; months: ReviewInterval } | null {
  let best: { category: C; months: ReviewInterval } | null = null;
  for (const category of possible) {
    const months = table.outcomes[category].reviewIntervalMonths;
    if (!months) continue;
    if (best === null || months.min < best.months.min || (months.min === best.months.min && months.max < best.months.max)) best = { category, months };
  }
  return best;
}

function outcomeOf<C extends string | number>(table: RuleTable<C>, evaluation: Evaluation<C>): Outcome {
  const category = evaluation.category;
  if (category !== 'incomplete') {
    const { label, action, interval, reviewIntervalMonths } = table.outcomes[category];
    return { label, action, interval, reviewIntervalMonths };
  }
  // Decision 6: an incomplete result still sets a follow-up, from the most cautious possibility.
  const labels = evaluation.possibleCategories.map((c) => table.outcomes[c].label).join(' or ');
  const shortest = shortestInterval(table, evaluation.possibleCategories);
  if (shortest === null) return { ...table.incomplete, action: `${table.incomplete.action} It could be ${labels || 'any category'}.` };
  const { label, interval } = table.outcomes[shortest.category];
  return {
    label: table.incomplete.label,
    action: `${table.incomplete.action} It could be ${labels}; until it is settled, follow up as for ${label} (decision 6).`,
    // An abbreviation ("FPS within 2-4 weeks") keeps its capitals.
    interval: `Until settled: ${/^[A-Z][A-Z]/.test(interval) ? interval : `${interval.charAt(0).toLowerCase()}${interval.slice(1)}`} (the shortest interval of ${labels})`,
    reviewIntervalMonths: { ...shortest.months },
  };
}

function common<C extends string | number>(table: RuleTable<C>, evaluation: Evaluation<C>, extra: readonly ConventionId[]) {
  const outcome = outcomeOf(table, evaluation);
  return {
    ruleSetVersion: table.ruleSetVersion,
    label: outcome.label,
    action: outcome.action,
    interval: outcome.interval,
    reviewIntervalMonths: outcome.reviewIntervalMonths ? { ...outcome.reviewIntervalMonths } : null,
    toSettle: evaluation.toSettle,
    conventionsApplied: conventionsApplied([...evaluation.because.flatMap((b) => b.conventions), ...extra]),
  };
}

/** `extra`: conventions that shape the result without deciding it (e.g. C8, fissures recorded). */
export function iwgdfResult(facts: Facts, extra: readonly ConventionId[]): IwgdfResult {
  const evaluation = evaluateRules(iwgdf2023Table, facts);
  return {
    ruleSet: 'IWGDF-2023',
    category: evaluation.category,
    possibleCategories: evaluation.possibleCategories,
    because: evaluation.because,
    ...common(iwgdf2023Table, evaluation, extra),
  };
}

export function niceResult(facts: Facts, extra: readonly ConventionId[]): NiceResult {
  const evaluation = evaluateRules(niceNg19Table, facts);
  const weeks = evaluation.category === 'incomplete' ? null : niceFirstAssessmentWeeks[evaluation.category];
  return {
    ruleSet: 'NICE-NG19',
    category: evaluation.category,
    possibleCategories: evaluation.possibleCategories,
    because: evaluation.because,
    firstAssessmentWeeks: weeks ? { ...weeks } : null,
    ...common(niceNg19Table, evaluation, extra),
  };
}
