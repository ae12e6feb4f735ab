import type { Side, Vibration, VibrationResult } from '../domain/findings';
import type { ConventionId } from './conventions';
import { decideAnswers, describeTally, tallyAnswers, type AnswerTally } from './siteDerivation';

/**
 * Vibration sense of one foot (IWGDF 2023 tuning-fork procedure; PMC7950904 for VPT):
 * - 128 Hz tuning fork on the dorsal distal phalanx of the hallux; abnormal with 2 of 3 answers
 *   wrong (raw answers decided as monofilament sites, convention D1) = vibration absent;
 * - VPT (biothesiometer): the voltage decides, >= 25 V abnormal (PMC7950904).
 */

export const vptAbnormalVolts = 25;

/** `abnormal` is a VPT of 25 V or more; `pending` = not recorded or answers not complete. */
export const vibrationStates = ['normal', 'reduced', 'absent', 'abnormal', 'not_tested', 'pending'] as const;
export type VibrationState = (typeof vibrationStates)[number];

export interface DerivedVibration {
  method: 'tuning-fork-128' | 'vpt' | null;
  state: VibrationState;
  /** Absent fork vibration (at any site, D5) or VPT >= 25 V: establishes LOPS (C2). */
  establishesLops: boolean;
  /** The fork sat on a toe (or its site was not given, the hallux being the standard site). */
  atToe: boolean;
  answers: AnswerTally | null;
  /** The recorded result and the raw answers contradict each other (D12). */
  conflict: boolean;
  /** Finding paths that decided the state. */
  findings: string[];
  conventions: ConventionId[];
  explanation: string;
}

const severity: Readonly<Record<'normal' | 'reduced' | 'absent', number>> = { normal: 0, reduced: 1, absent: 2 };

function isDecided(result: VibrationResult | undefined): result is 'normal' | 'reduced' | 'absent' {
  return result === 'normal' || result === 'reduced' || result === 'absent';
}

export function deriveVibration(vibration: Vibration | undefined, side: Side): DerivedVibration {
  const base = `feet.${side}.vibration`;
  const none = {
    answers: null,
    conflict: false,
    findings: [] as string[],
    conventions: [] as ConventionId[],
    establishesLops: false,
    atToe: true,
  };
  if (vibration === undefined) {
    return { ...none, method: null, state: 'pending', findings: [base], explanation: 'Vibration not recorded' };
  }
  if (vibration.method === 'vpt') {
    if (vibration.voltage !== null) {
      const abnormal = vibration.voltage >= vptAbnormalVolts;
      return {
        ...none,
        method: 'vpt',
        state: abnormal ? 'abnormal' : 'normal',
        establishesLops: abnormal,
        findings: [`${base}.voltage`],
        explanation: `VPT ${vibration.voltage} V: ${abnormal ? 'abnormal' : 'normal'} (abnormal at ${vptAbnormalVolts} V or more)`,
      };
    }
    const result = vibration.result;
    if (isDecided(result)) {
      return {
        ...none,
        method: 'vpt',
        state: result === 'absent' ? 'abnormal' : result,
        establishesLops: result === 'absent',
        findings: [`${base}.result`],
        explanation: `VPT voltage not recorded; result recorded as ${result}`,
      };
    }
    return {
      ...none,
      method: 'vpt',
      state: result === 'not_tested' ? 'not_tested' : 'pending',
      findings: [`${base}.voltage`],
      explanation: 'VPT voltage not recorded',
    };
  }

  // 128 Hz tuning fork.
  const atToe = vibration.site === undefined || vibration.site === 'hallux' || vibration.site === 'other-toe';
  const where = vibration.site && !atToe ? ` at the ${vibration.site === 'malleolus' ? 'malleolus' : 'tibial tuberosity'}` : '';
  const tally = vibration.applications ? tallyAnswers(vibration.applications) : null;
  const decision = tally ? decideAnswers(tally) : 'pending';
  const fromAnswers = decision === 'insensate' ? 'absent' : decision === 'sensate' ? 'normal' : undefined;
  const fromResult = isDecided(vibration.result) ? vibration.result : undefined;

  const candidates: { state: 'normal' | 'reduced' | 'absent'; path: string }[] = [];
  if (fromResult) candidates.push({ state: fromResult, path: `${base}.result` });
  if (fromAnswers) candidates.push({ state: fromAnswers, path: `${base}.applications` });
  if (candidates.length === 0) {
    const notTested = vibration.result === 'not_tested';
    const answersText = tally ? `; ${describeTally(tally)}, needs 2 real and 1 sham application` : '';
    return {
      ...none,
      method: 'tuning-fork-128',
      state: notTested ? 'not_tested' : 'pending',
      atToe,
      answers: tally,
      findings: [tally ? `${base}.applications` : `${base}.result`],
      explanation: `128 Hz fork${where}: ${notTested ? 'not tested' : 'not decided yet'}${answersText}`,
    };
  }
  const worst = Math.max(...candidates.map((c) => severity[c.state]));
  const deciding = candidates.filter((c) => severity[c.state] === worst);
  const state = deciding[0]?.state ?? 'normal';
  const conflict =
    fromResult !== undefined && fromAnswers !== undefined && Math.abs(severity[fromResult] - severity[fromAnswers]) === 2;
  const conventions: ConventionId[] = [];
  if (tally) conventions.push('D1');
  if (candidates.length > 1) conventions.push('D12');
  if (!atToe) conventions.push('D5');
  const answersText = tally ? ` (${describeTally(tally)})` : '';
  return {
    method: 'tuning-fork-128',
    state,
    establishesLops: state === 'absent',
    atToe,
    answers: tally,
    conflict,
    findings: deciding.map((c) => c.path),
    conventions,
    explanation: `128 Hz fork${where}: ${state}${answersText}`,
  };
}
