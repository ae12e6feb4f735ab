import type { Application, MonofilamentSiteValue, NotTestableReason, TouchTestSiteValue } from '../domain/findings';
import { assertNever } from '../ipc/result';

/**
 * Felt / not felt from what was recorded at one site, including raw "Felt it?" answers
 * (IWGDF 2023 monofilament procedure; generalised by convention D1).
 *
 * IWGDF 2023 procedure: at each site 2 real applications and at least 1 sham, so 3 questions.
 * Sensate with 2 of 3 correct answers, insensate with 2 of 3 wrong. A wrong answer is a real
 * application answered "no" or a sham answered "yes" (the patient "felt" a touch that never came).
 */

/** What a site shows on the diagram and feeds into LOPS. `pending` = not recorded or not yet decided. */
export const siteStates = ['felt', 'not_felt', 'not_tested', 'pending'] as const;
export type SiteState = (typeof siteStates)[number];

export interface AnswerTally {
  real: number;
  sham: number;
  correct: number;
  wrong: number;
  /** Shams answered "yes": the answers may be guesses. */
  shamAnsweredYes: number;
}

export interface DerivedSite {
  state: SiteState;
  /** Why the site was not tested (not_tested only; null when no reason was given). */
  reason: NotTestableReason | null;
  note: string | null;
  /** Present when the site was recorded as raw answers. */
  answers: AnswerTally | null;
  explanation: string;
}

/** The IWGDF procedure: 2 real applications and at least 1 sham before a site is decided. */
export const requiredRealApplications = 2;
export const requiredShamApplications = 1;

export function tallyAnswers(applications: readonly Application[]): AnswerTally {
  const tally: AnswerTally = { real: 0, sham: 0, correct: 0, wrong: 0, shamAnsweredYes: 0 };
  for (const a of applications) {
    if (a.sham) tally.sham += 1;
    else tally.real += 1;
    const wrong = a.sham ? a.response === 'yes' : a.response === 'no';
    if (wrong) tally.wrong += 1;
    else tally.correct += 1;
    if (a.sham && a.response === 'yes') tally.shamAnsweredYes += 1;
  }
  return tally;
}

export type AnswerDecision = 'sensate' | 'insensate' | 'pending';

/**
 * Convention D1: decided once >= 2 real and >= 1 sham are answered; insensate when at least half
 * of all answers are wrong (exactly "2 of 3 wrong" with 3 answers; a tie beyond 3 counts as insensate).
 */
export function decideAnswers(tally: AnswerTally): AnswerDecision {
  if (tally.real < requiredRealApplications || tally.sham < requiredShamApplications) return 'pending';
  return tally.wrong * 2 >= tally.real + tally.sham ? 'insensate' : 'sensate';
}

export function describeTally(tally: AnswerTally): string {
  const total = tally.real + tally.sham;
  const sham = tally.sham === 1 ? '1 sham' : `${tally.sham} shams`;
  const shamYes = tally.shamAnsweredYes > 0 ? `; ${tally.shamAnsweredYes} sham answered "yes" (counted wrong)` : '';
  return `${tally.wrong} of ${total} answers wrong (${tally.real} real, ${sham}${shamYes})`;
}

function pendingExplanation(tally: AnswerTally): string {
  const missing: string[] = [];
  const realMissing = requiredRealApplications - tally.real;
  if (realMissing > 0) missing.push(`${realMissing} more real application${realMissing > 1 ? 's' : ''}`);
  if (tally.sham < requiredShamApplications) missing.push('a sham application');
  return `Not decided yet: ${tally.real + tally.sham} answer(s) recorded; needs ${missing.join(' and ')} (2 real + at least 1 sham)`;
}

function fromAnswers(applications: readonly Application[]): DerivedSite {
  const tally = tallyAnswers(applications);
  const decision = decideAnswers(tally);
  switch (decision) {
    case 'pending':
      return { state: 'pending', reason: null, note: null, answers: tally, explanation: pendingExplanation(tally) };
    case 'insensate':
      return { state: 'not_felt', reason: null, note: null, answers: tally, explanation: `Not felt: ${describeTally(tally)}` };
    case 'sensate':
      return { state: 'felt', reason: null, note: null, answers: tally, explanation: `Felt: ${describeTally(tally)}` };
    default:
      return assertNever(decision, 'answer decision');
  }
}

const notRecorded: DerivedSite = {
  state: 'pending',
  reason: null,
  note: null,
  answers: null,
  explanation: 'Not recorded',
};

function fromSimple(value: 'felt' | 'not_felt' | 'not_tested'): DerivedSite {
  switch (value) {
    case 'felt':
      return { state: 'felt', reason: null, note: null, answers: null, explanation: 'Felt' };
    case 'not_felt':
      return { state: 'not_felt', reason: null, note: null, answers: null, explanation: 'Not felt' };
    case 'not_tested':
      return { state: 'not_tested', reason: null, note: null, answers: null, explanation: 'Not tested' };
    default:
      return assertNever(value, 'site result');
  }
}

export const notTestableReasonLabels: Readonly<Record<NotTestableReason, string>> = {
  ulcer: 'ulcer',
  callus: 'callus',
  scar: 'scar',
  necrosis: 'necrotic tissue',
  amputation: 'amputated',
  dressing: 'dressing',
  other: 'other reason',
};

/** A monofilament site as recorded (string, raw answers or not-testable object) to its state. */
export function deriveMonofilamentSite(value: MonofilamentSiteValue | undefined): DerivedSite {
  if (value === undefined) return notRecorded;
  if (typeof value === 'string') return fromSimple(value);
  if ('applications' in value) return fromAnswers(value.applications);
  return {
    state: 'not_tested',
    reason: value.reason,
    note: value.note ?? null,
    answers: null,
    explanation: `Not tested: ${notTestableReasonLabels[value.reason]}${value.note ? ` (${value.note})` : ''}`,
  };
}

/** An Ipswich toe: touched once, felt or not (no sham, no raw answers). */
export function deriveTouchTestSite(value: TouchTestSiteValue | undefined): DerivedSite {
  if (value === undefined) return notRecorded;
  if (typeof value === 'string') return fromSimple(value);
  return deriveMonofilamentSite(value);
}

/** An amputated site can never be tested nor be insensate (convention D2). */
export function isAmputatedSite(site: DerivedSite): boolean {
  return site.state === 'not_tested' && site.reason === 'amputation';
}
