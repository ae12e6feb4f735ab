import { sides, type Side } from '../domain/findings';
import type { ConventionId } from './conventions';
import { factDefinitions, factIds, type Fact, type FactId, type Facts } from './facts';
import { decideOutcomes, factsThatMatter } from './ruleOutcomes';
import { unique } from './sets';
import type { Tri } from './tri';

/**
 * The one small interpreter behind every risk rule table: a table of rules (id, condition,
 * result, source, reason) is easier to review, print and explain than nested ifs.
 *
 * The category is the most severe result among the rules that hold. Facts that are unknown are
 * weighed over every combination of their values (decision 6, D14): if all combinations give the
 * same category, that is the answer; otherwise the answer is `incomplete`, with the categories
 * still possible and the unknown facts that would settle it. The combinations are not tried one
 * by one (2^13 of them early in an exam, on every key): `decideOutcomes` splits on an unknown
 * fact only where a rule still depends on it, so whole groups of combinations are settled at once.
 *
 * A table may also say that, while some condition holds, a "no" for some facts counts only when
 * it is firm (`firmNoWhen`, decision 5): a weak "no" is then weighed like an unknown fact, but
 * only in the combinations where the condition holds.
 */

export type Condition =
  | { readonly fact: FactId; readonly is: boolean }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] };

export interface Rule<C> {
  readonly id: string;
  readonly when: Condition;
  readonly then: C;
  /** Plain English, for the clinician reading the result. */
  readonly reason: string;
  /** Where the rule comes from (its published source). */
  readonly source: string;
  /** App conventions the rule itself rests on. */
  readonly conventions?: readonly ConventionId[];
}

export interface ReviewInterval {
  min: number;
  max: number;
}

export interface Outcome {
  label: string;
  action: string;
  interval: string;
  reviewIntervalMonths: ReviewInterval | null;
}

/** While `when` holds, a "no" for `facts` counts only if it is firm; a weak "no" is weighed as unknown. */
export interface FirmNoRequirement {
  readonly facts: readonly FactId[];
  readonly when: Condition;
  /** What to do to make the "no" firm, shown under "to settle". */
  readonly action: string;
  readonly conventions: readonly ConventionId[];
}

export interface RuleTable<C extends string | number> {
  readonly ruleSet: string;
  readonly ruleSetVersion: string;
  readonly title: string;
  readonly source: string;
  /** Every category, lowest risk first. */
  readonly categories: readonly C[];
  readonly rules: readonly Rule<C>[];
  readonly outcomes: Readonly<Record<C, Outcome & { source: string }>>;
  readonly incomplete: Outcome;
  readonly firmNoWhen?: FirmNoRequirement;
}

export interface Because<C> {
  ruleId: string;
  reason: string;
  source: string;
  /** Finding paths that decided it, so the screen can jump to them. */
  findings: string[];
  conventions: ConventionId[];
  /** The category the rule gives (for `incomplete`: the category it would settle at least). */
  category: C | 'incomplete';
}

export interface ToSettle {
  fact: FactId;
  label: string;
  action: string;
  /** Finding paths to record. */
  findings: string[];
}

export interface Evaluation<C> {
  category: C | 'incomplete';
  /** The categories the findings still allow, lowest risk first (one when decided). */
  possibleCategories: C[];
  because: Because<C>[];
  toSettle: ToSettle[];
}

// ---- Reading conditions -------------------------------------------------------------------

/** Facts a condition reads, with the value each is tested for. */
function leaves(condition: Condition): { fact: FactId; is: boolean }[] {
  if ('fact' in condition) return [condition];
  return ('all' in condition ? condition.all : condition.any).flatMap(leaves);
}

export function factsOf(condition: Condition): FactId[] {
  return unique(leaves(condition).map((l) => l.fact));
}

interface Explained {
  value: Tri;
  findings: string[];
  conventions: ConventionId[];
}

/** Three-valued (Kleene) reading of a condition with the facts as recorded, keeping what decided it. */
function explain(condition: Condition, facts: Facts): Explained {
  if ('fact' in condition) {
    const fact = facts[condition.fact];
    if (fact.value === 'unknown') return { value: 'unknown', findings: [], conventions: [] };
    const value = fact.value === condition.is;
    return { value, findings: value ? fact.findings : [], conventions: value ? fact.conventions : [] };
  }
  const parts = ('all' in condition ? condition.all : condition.any).map((c) => explain(c, facts));
  const decisive = (v: Tri): Explained => {
    const chosen = parts.filter((p) => p.value === v);
    return {
      value: v,
      findings: unique(chosen.flatMap((p) => p.findings)),
      conventions: unique(chosen.flatMap((p) => p.conventions)),
    };
  };
  if ('all' in condition) {
    if (parts.some((p) => p.value === false)) return { value: false, findings: [], conventions: [] };
    return parts.every((p) => p.value === true) ? decisive(true) : { value: 'unknown', findings: [], conventions: [] };
  }
  if (parts.some((p) => p.value === true)) return decisive(true);
  return parts.every((p) => p.value === false) ? { value: false, findings: [], conventions: [] } : { value: 'unknown', findings: [], conventions: [] };
}

/** The condition read on one side only (person-level facts as they are). */
function holdsOnSide(condition: Condition, facts: Facts, side: Side): Tri {
  if ('fact' in condition) {
    const fact = facts[condition.fact];
    const value = fact.perFoot === null ? fact.value : (fact.perFoot[side] ?? 'unknown');
    return value === 'unknown' ? 'unknown' : value === condition.is;
  }
  const parts = ('all' in condition ? condition.all : condition.any).map((c) => holdsOnSide(c, facts, side));
  if ('all' in condition) {
    if (parts.includes(false)) return false;
    return parts.every((p) => p === true) ? true : 'unknown';
  }
  if (parts.includes(true)) return true;
  return parts.every((p) => p === false) ? false : 'unknown';
}

/**
 * Decision 1: a rule that combines two foot-level risk factors holds for the person but on
 * neither foot alone (e.g. LOPS left, deformity right).
 */
function combinesAcrossFeet(condition: Condition, facts: Facts): boolean {
  const footFacts = unique(leaves(condition).filter((l) => l.is && factDefinitions[l.fact].level === 'foot').map((l) => l.fact));
  if (footFacts.length < 2) return false;
  return !sides.some((side) => holdsOnSide(condition, facts, side) === true);
}

// ---- The interpreter ----------------------------------------------------------------------

function factsReadBy<C>(rules: readonly Rule<C>[]): FactId[] {
  const read = new Set(rules.flatMap((r) => factsOf(r.when)));
  return factIds.filter((id) => read.has(id));
}

function becauseOf<C>(rule: Rule<C>, facts: Facts): Because<C> | undefined {
  const explained = explain(rule.when, facts);
  if (explained.value !== true) return undefined;
  const conventions = [...explained.conventions, ...(rule.conventions ?? [])];
  if (combinesAcrossFeet(rule.when, facts)) conventions.push('C1');
  return {
    ruleId: rule.id,
    reason: rule.reason,
    source: rule.source,
    findings: explained.findings,
    conventions: unique(conventions),
    category: rule.then,
  };
}

/** Weak "no" facts of a firm-no requirement (decision 5), in fact order. */
function weakFacts(requirement: FirmNoRequirement | undefined, facts: Facts): FactId[] {
  // When the requirement cannot hold (e.g. no ulcer, amputation or ESRD), a weak "no" is a "no".
  if (!requirement || explain(requirement.when, facts).value === false) return [];
  return factIds.filter((id) => requirement.facts.includes(id) && facts[id].value === false && facts[id].weak !== undefined);
}

/**
 * The facts as the rules may read them for explanations: a weak "no" whose requirement may hold
 * reads as unknown, so no rule is listed as a reason because of it.
 */
function explainedFacts(weak: readonly FactId[], facts: Facts): Facts {
  if (weak.length === 0) return facts;
  const copy: Record<FactId, Fact> = { ...facts };
  for (const id of weak) copy[id] = { ...facts[id], value: 'unknown' };
  return copy;
}

export function evaluateRules<C extends string | number>(table: RuleTable<C>, facts: Facts): Evaluation<C> {
  const rank = (c: C): number => table.categories.indexOf(c);
  // Most severe first, so the first rule that holds gives the category.
  const bySeverity = [...table.rules].sort((a, b) => rank(b.then) - rank(a.then));
  const unknown = factsReadBy(table.rules).filter((id) => facts[id].value === 'unknown');
  const requirement = table.firmNoWhen;
  const weak = weakFacts(requirement, facts);
  // The facts weighed: the unknown ones, then the weak "no" ones (in this order in `toSettle`).
  const weighed = [...unknown, ...weak];

  const outcomes = decideOutcomes(bySeverity.map((rule) => ({ when: rule.when, rank: rank(rule.then) })), facts, unknown, weak, requirement);
  const ranks = unique(outcomes.leaves.map((leaf) => leaf.rank)).sort((a, b) => a - b);
  const gap = ranks.includes(-1);
  const possibleCategories = ranks.filter((r) => r >= 0).map((r) => table.categories[r] as C);
  const readable = explainedFacts(weak, facts);
  const fired = table.rules.map((rule) => becauseOf(rule, readable)).filter((b): b is Because<C> => b !== undefined);

  if (!gap && possibleCategories.length === 1) {
    const category = possibleCategories[0] as C;
    return { category, possibleCategories, because: fired.filter((b) => b.category === category), toSettle: [] };
  }

  const matters = factsThatMatter(outcomes.leaves, weighed.length);
  const toSettle: ToSettle[] = weighed
    .map((id, bit) => ({ id, bit, isWeak: bit >= unknown.length }))
    .filter(({ bit }) => matters[bit] === true)
    .map(({ id, isWeak }) => ({
      fact: id,
      label: factDefinitions[id].label,
      action: isWeak && requirement ? `${requirement.action} ${facts[id].weak?.reason ?? ''}.`.trim() : factDefinitions[id].toSettle,
      findings: isWeak ? (facts[id].weak?.toSettle ?? []) : facts[id].toSettle,
    }));
  const weakSettles = toSettle.some((t) => weak.includes(t.fact));
  const labels = possibleCategories.map((c) => table.outcomes[c].label);
  const open = toSettle.map((t) => (weak.includes(t.fact) ? `${t.label}, not ruled out firmly` : `${t.label}, not recorded`));
  const reason = gap
    ? 'No rule of the table matched some combination of the unrecorded findings (a gap in the rule table: please report it)'
    : `Not decided (decision 6): what is open (${open.join('; ')}) could make this ${labels.join(' or ')}. Record what is listed to settle it.`;
  const incompleteEntry: Because<C> = {
    ruleId: `${table.ruleSet}-INCOMPLETE`,
    reason,
    source: 'Decision 6 of the app conventions: a category that unknown findings could change is incomplete',
    findings: unique(toSettle.flatMap((t) => t.findings)),
    conventions: unique<ConventionId>([
      'C6',
      ...(toSettle.some((t) => t.fact !== 'lops' && t.fact !== 'pad') ? (['D14'] as const) : []),
      ...(weakSettles && requirement ? requirement.conventions : []),
      ...toSettle.flatMap((t) => facts[t.fact].conventions),
    ]),
    category: 'incomplete',
  };
  return { category: 'incomplete', possibleCategories, because: [incompleteEntry, ...fired], toSettle };
}
