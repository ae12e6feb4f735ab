import type { IwgdfResult, NiceResult } from './assessment';
import { conventionIds, conventions, type ConventionId, type Convention } from './conventions';
import type { Facts } from './facts';
import { iwgdf2023Table } from './iwgdf2023';
import { niceFirstAssessmentWeeks, niceNg19Table } from './niceNg19';
import { evaluateRules, type Evaluation, type Outcome, type RuleTable } from './ruleEngine';

/**
 * Turns a rule-table evaluation into the result the app stores and shows: category, the action
 * and interval of that category, the reasons (rules that fired) and every convention it rests on.
 */

function conventionsApplied(ids: Iterable<ConventionId>): Convention[] {
  const used = new Set(ids);
  return conventionIds.filter((id) => used.has(id)).map((id) => ({ ...conventions[id] }));
}

function outcomeOf<C extends string | number>(table: RuleTable<C>, evaluation: Evaluation<C>): Outcome {
  const category = evaluation.category;
  if (category === 'incomplete') return table.incomplete;
  const { label, action, interval, reviewIntervalMonths } = table.outcomes[category];
  return { label, action, interval, reviewIntervalMonths };
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
