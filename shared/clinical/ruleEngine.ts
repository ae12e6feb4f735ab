import { sides, type Side } from '../domain/findings';
import type { ConventionId } from './conventions';
import { factDefinitions, factIds, type FactId, type Facts } from './facts';
import { unique } from './sets';
import type { Tri } from './tri';

/**
 * The one small interpreter behind every risk rule table: a table of rules
 * (id, condition, result, source, reason) is easier to review, print and explain than nested ifs.
 *
 * The category is the most severe result among the rules that hold. Facts that are unknown are
 * weighed by trying every combination of their values (conventions C6, D14): if all combinations
 * give the same category, that is the answer; otherwise the answer is `incomplete`, with the
 * categories still possible and the unknown facts that would settle it.
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
  /** Where the rule comes from (reference.md section and its source). */
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

function holds(condition: Condition, values: Readonly<Record<FactId, boolean>>): boolean {
  if ('fact' in condition) return values[condition.fact] === condition.is;
  if ('all' in condition) return condition.all.every((c) => holds(c, values));
  return condition.any.some((c) => holds(c, values));
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
 * Convention C1: a rule that combines two foot-level risk factors holds for the person but on
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

export function evaluateRules<C extends string | number>(table: RuleTable<C>, facts: Facts): Evaluation<C> {
  const rank = (c: C): number => table.categories.indexOf(c);
  // Most severe first, so the first rule that holds gives the category.
  const bySeverity = [...table.rules].sort((a, b) => rank(b.then) - rank(a.then));
  const unknown = factsReadBy(table.rules).filter((id) => facts[id].value === 'unknown');

  const values = {} as Record<FactId, boolean>;
  for (const id of factIds) values[id] = facts[id].value === true;
  const combinations = 1 << unknown.length;
  const outcome = new Int16Array(combinations);
  for (let mask = 0; mask < combinations; mask += 1) {
    unknown.forEach((id, bit) => {
      values[id] = ((mask >> bit) & 1) === 1;
    });
    const first = bySeverity.find((rule) => holds(rule.when, values));
    outcome[mask] = first ? rank(first.then) : -1;
  }

  const ranks = unique(Array.from(outcome)).sort((a, b) => a - b);
  const gap = ranks.includes(-1);
  const possibleCategories = ranks.filter((r) => r >= 0).map((r) => table.categories[r] as C);
  const fired = table.rules.map((rule) => becauseOf(rule, facts)).filter((b): b is Because<C> => b !== undefined);

  if (!gap && possibleCategories.length === 1) {
    const category = possibleCategories[0] as C;
    return { category, possibleCategories, because: fired.filter((b) => b.category === category), toSettle: [] };
  }

  // Which unknown facts matter: flipping one changes the category in some combination.
  const toSettle: ToSettle[] = unknown
    .filter((_, bit) => {
      for (let mask = 0; mask < combinations; mask += 1) {
        if (outcome[mask] !== outcome[mask ^ (1 << bit)]) return true;
      }
      return false;
    })
    .map((id) => ({
      fact: id,
      label: factDefinitions[id].label,
      action: factDefinitions[id].toSettle,
      findings: facts[id].toSettle,
    }));
  const labels = possibleCategories.map((c) => table.outcomes[c].label);
  const reason = gap
    ? 'No rule of the table matched some combination of the unrecorded findings (a gap in the rule table: please report it)'
    : `Not decided: the findings not recorded (${toSettle.map((t) => t.label).join('; ')}) could make this ${labels.join(' or ')}. Record them to settle it.`;
  const incompleteEntry: Because<C> = {
    ruleId: `${table.ruleSet}-INCOMPLETE`,
    reason,
    source: 'App convention C6 (reference.md, decisions #6)',
    findings: unique(toSettle.flatMap((t) => t.findings)),
    conventions: unique<ConventionId>([
      'C6',
      ...(toSettle.some((t) => t.fact !== 'lops' && t.fact !== 'pad') ? (['D14'] as const) : []),
      ...toSettle.flatMap((t) => facts[t.fact].conventions),
    ]),
    category: 'incomplete',
  };
  return { category: 'incomplete', possibleCategories, because: [incompleteEntry, ...fired], toSettle };
}
