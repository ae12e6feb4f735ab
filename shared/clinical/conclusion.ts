import type { Side } from '../domain/findings';
import type { ConventionId } from './conventions';
import { unique } from './sets';
import type { Tri } from './tri';

/**
 * A "no" that is not firm (decision 5): ruled out by a single weak test, e.g. PAD by palpable
 * pulses without a normal index. Why, and the finding paths whose recording would make it firm.
 */
export interface WeakNo {
  reason: string;
  toSettle: string[];
}

/**
 * A derived finding (LOPS, PAD, ...) with its reason: the finding paths that decided it, the
 * paths to record when it is unknown, and the conventions it depends on.
 */
export interface Conclusion {
  value: Tri;
  reason: string;
  /** Finding paths that decided the value, e.g. `feet.left.monofilament.sites.hallux`. */
  findings: string[];
  /** When unknown: the finding paths whose recording would settle it. */
  toSettle: string[];
  conventions: ConventionId[];
  /** Only for LOPS and PAD with value false: present when the "no" is not firm (decision 5). */
  weak?: WeakNo;
}

export interface FootConclusion {
  side: Side;
  conclusion: Conclusion;
}

/**
 * Person level: true if any foot is true; unknown if any foot is unknown and none is true; false
 * if every foot considered is false (firm only if every foot is firm). Absent feet are not passed in.
 */
export function combineFeet(what: string, feet: readonly FootConclusion[]): Conclusion {
  if (feet.length === 0) {
    return {
      value: false,
      reason: `${what}: no foot present to evaluate`,
      findings: [],
      toSettle: [],
      conventions: ['D13'],
    };
  }
  const pick = (value: Tri): FootConclusion[] => feet.filter((f) => f.conclusion.value === value);
  const yes = pick(true);
  const unknown = pick('unknown');
  const chosen = yes.length > 0 ? yes : unknown.length > 0 ? unknown : feet;
  const value: Tri = yes.length > 0 ? true : unknown.length > 0 ? 'unknown' : false;
  const combined: Conclusion = {
    value,
    reason: chosen.map((f) => f.conclusion.reason).join('; '),
    findings: value === 'unknown' ? [] : unique(chosen.flatMap((f) => f.conclusion.findings)),
    toSettle: value === 'unknown' ? unique(chosen.flatMap((f) => f.conclusion.toSettle)) : [],
    conventions: unique(chosen.flatMap((f) => f.conclusion.conventions)),
  };
  const weak = value === false ? feet.flatMap((f) => (f.conclusion.weak ? [f.conclusion.weak] : [])) : [];
  if (weak.length > 0) {
    combined.weak = { reason: weak.map((w) => w.reason).join('; '), toSettle: unique(weak.flatMap((w) => w.toSettle)) };
  }
  return combined;
}
