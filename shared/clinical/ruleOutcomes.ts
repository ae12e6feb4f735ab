import type { FactId, Facts } from './facts';
import type { Condition, FirmNoRequirement } from './ruleEngine';
import type { Tri } from './tri';

/**
 * Which categories a rule table can still give while some facts are unknown, and which unknown
 * facts decide between them, without trying every combination of their values.
 *
 * The table's answer for one combination is the rank of the most severe rule that holds (-1 when
 * none does: a gap). Trying all 2^n combinations costs 8,192 table readings with 13 facts unknown,
 * which is where an exam starts, and the live result is recomputed on every key. Instead the
 * combinations are split as a decision tree: read the rules most severe first with the unknown
 * facts as "unknown" (three-valued logic); when the first rule that is not surely false is surely
 * true, every combination below this point gives its rank (a leaf); otherwise split on one unknown
 * fact of that rule and read again. A few dozen leaves cover every combination, each leaf standing
 * for all the combinations that agree with its settled facts.
 *
 * A weak "no" (decision 5) is weighed like an unknown fact only where its requirement holds: its
 * value is "requirement holds, and the weighed bit is yes"; the requirement is read with the weak
 * facts as "no", as the firm-no rule is written.
 */

/** One group of combinations: `settled[i]` is 0 or 1 for the facts split on, -1 for the others. */
export interface OutcomeLeaf {
  readonly settled: Int8Array;
  readonly rank: number;
}

export interface RankedCondition {
  readonly when: Condition;
  readonly rank: number;
}

export interface Outcomes {
  readonly leaves: readonly OutcomeLeaf[];
}

const open = -1;

/**
 * The leaves of the decision tree over the weighed facts (`unknown` first, then `weak`), for rules
 * given most severe first.
 */
export function decideOutcomes(
  rules: readonly RankedCondition[],
  facts: Facts,
  unknown: readonly FactId[],
  weak: readonly FactId[],
  requirement: FirmNoRequirement | undefined,
): Outcomes {
  const index = new Map<FactId, number>();
  unknown.forEach((id, i) => index.set(id, i));
  if (requirement) weak.forEach((id, i) => index.set(id, unknown.length + i));
  const settled = new Int8Array(unknown.length + weak.length).fill(open);
  const leaves: OutcomeLeaf[] = [];

  const bit = (i: number): Tri => (settled[i] === open ? 'unknown' : settled[i] === 1);

  /** The fact's value under the current splits; weak facts read as "no" while reading the requirement. */
  const valueOf = (id: FactId, weakAsNo: boolean): Tri => {
    const i = index.get(id);
    if (i === undefined) return facts[id].value === true;
    if (i < unknown.length) return bit(i);
    if (weakAsNo) return false;
    const own = bit(i);
    if (own === false || !requirement) return false;
    const required = read(requirement.when, true);
    if (required === false) return false;
    return required === true && own === true ? true : 'unknown';
  };

  function read(condition: Condition, weakAsNo: boolean): Tri {
    if ('fact' in condition) {
      const value = valueOf(condition.fact, weakAsNo);
      return value === 'unknown' ? 'unknown' : value === condition.is;
    }
    let undecided = false;
    if ('all' in condition) {
      for (const part of condition.all) {
        const value = read(part, weakAsNo);
        if (value === false) return false;
        if (value === 'unknown') undecided = true;
      }
      return undecided ? 'unknown' : true;
    }
    for (const part of condition.any) {
      const value = read(part, weakAsNo);
      if (value === true) return true;
      if (value === 'unknown') undecided = true;
    }
    return undecided ? 'unknown' : false;
  }

  /** A weighed fact not yet split on that leaves `condition` undecided (one exists when it reads unknown). */
  function openFact(condition: Condition, weakAsNo: boolean): number | undefined {
    if ('fact' in condition) {
      if (valueOf(condition.fact, weakAsNo) !== 'unknown') return undefined;
      const i = index.get(condition.fact) as number;
      if (settled[i] === open) return i;
      // A weak fact whose own bit is settled: its requirement is what is still open.
      return requirement ? openFact(requirement.when, true) : undefined;
    }
    for (const part of 'all' in condition ? condition.all : condition.any) {
      if (read(part, weakAsNo) !== 'unknown') continue;
      const found = openFact(part, weakAsNo);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  function split(): void {
    for (const rule of rules) {
      const value = read(rule.when, false);
      if (value === false) continue;
      if (value === true) {
        leaves.push({ settled: settled.slice(), rank: rule.rank });
        return;
      }
      const i = openFact(rule.when, false);
      if (i === undefined) throw new Error('Rule evaluation: an undecided rule with nothing left to split on');
      settled[i] = 0;
      split();
      settled[i] = 1;
      split();
      settled[i] = open;
      return;
    }
    leaves.push({ settled: settled.slice(), rank: -1 });
  }

  split();
  return { leaves };
}

/**
 * For each weighed fact: whether flipping it alone changes the answer for some combination. Two
 * leaves of one decision tree always disagree on at least one settled fact; a combination in one
 * leaf becomes, by flipping fact i, a combination of the other exactly when i is the only fact
 * they disagree on.
 */
export function factsThatMatter(leaves: readonly OutcomeLeaf[], count: number): boolean[] {
  const matters = new Array<boolean>(count).fill(false);
  for (let a = 0; a < leaves.length; a += 1) {
    const first = leaves[a] as OutcomeLeaf;
    for (let b = a + 1; b < leaves.length; b += 1) {
      const second = leaves[b] as OutcomeLeaf;
      if (first.rank === second.rank) continue;
      let only = -1;
      for (let i = 0; i < count; i += 1) {
        const x = first.settled[i] as number;
        const y = second.settled[i] as number;
        if (x === open || y === open || x === y) continue;
        if (only !== -1) {
          only = -2;
          break;
        }
        only = i;
      }
      if (only >= 0) matters[only] = true;
    }
  }
  return matters;
}
