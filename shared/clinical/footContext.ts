import { sides, type FootFindings, type Findings, type Side } from '../domain/findings';
import { sideLabel } from './protocols';

/**
 * Which feet the engines evaluate (absent feet are left out; convention D8):
 * - `absent` feet (major amputation, congenital) are left out, not "incomplete";
 * - `not_examined` feet (the foot or the whole exam declined / unsuitable) exist and can be at
 *   risk: their examination results count as not recorded, recorded active disease still counts;
 * - `examined` feet: what was recorded counts.
 */
export type FootRole = 'examined' | 'not_examined' | 'absent';

export interface FootContext {
  side: Side;
  foot: FootFindings;
  role: FootRole;
  /** "Left foot not examined (declined: patient in a hurry)"; null for examined and absent feet. */
  notExaminedBecause: string | null;
}

function withReason(what: string, reason: string | undefined): string {
  return reason && reason.trim() !== '' ? `${what}: ${reason.trim()}` : what;
}

export function footContext(findings: Findings, side: Side): FootContext {
  const foot = findings.feet[side];
  const label = `${sideLabel(side)} foot`;
  if (foot.status === 'absent') return { side, foot, role: 'absent', notExaminedBecause: null };
  const exam = findings.examStatus ?? 'performed';
  if (exam !== 'performed') {
    const because = `${label} not examined (examination ${withReason(exam, findings.examStatusReason)})`;
    return { side, foot, role: 'not_examined', notExaminedBecause: because };
  }
  if (foot.status === 'declined' || foot.status === 'unsuitable') {
    const because = `${label} not examined (${withReason(foot.status, foot.statusReason)})`;
    return { side, foot, role: 'not_examined', notExaminedBecause: because };
  }
  return { side, foot, role: 'examined', notExaminedBecause: null };
}

/** Right then left, the order a clinic reads them. */
export function footContexts(findings: Findings): FootContext[] {
  return sides.map((side) => footContext(findings, side));
}
