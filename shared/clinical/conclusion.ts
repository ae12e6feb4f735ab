import type { Side } from '../domain/findings';
import type { ConventionId } from './conventions';
import { unique } from './sets';
import type { Tri } from './tri';

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
}

export interface FootConclusion {
  side: Side;
  conclusion: Conclusion;
}

/**
 * Person level (the engine's convention): true if any foot is true; unknown if any foot is unknown
 * and none is true; false if every foot considered is false. Absent feet are not passed in.
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
  return {
    value,
    reason: chosen.map((f) => f.conclusion.reason).join('; '),
    findings: value === 'unknown' ? [] : unique(chosen.flatMap((f) => f.conclusion.findings)),
    toSettle: value === 'unknown' ? unique(chosen.flatMap((f) => f.conclusion.toSettle)) : [],
    conventions: unique(chosen.flatMap((f) => f.conclusion.conventions)),
  };
}
