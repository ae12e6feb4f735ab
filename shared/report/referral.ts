import type { Assessment } from '../clinical/assessment';
import { followUpOf, limbThreateningFindings as limbThreatening, type FootReferralLevel, type Referral } from '../clinical/followUp';
import { addDays } from '../text/dates';
import { formatDate } from './reportText';

/**
 * The referral letter's decision: whether a letter is warranted, to whom, and how soon. It reads
 * the follow-up of the assessment (shared/clinical/followUp.ts: NICE NG19 times, decision 10), so
 * the summary, the letter, the patient copy and the parts list give one answer.
 *
 * The letter goes to the foot team when any category the result is, or could be, requires a
 * referral; otherwise, with a red flag of an atypical neuropathy, to a GP or physician for medical
 * review. With both, the foot team letter asks for the medical review as well.
 */

export type ReferralLevel = FootReferralLevel;

export interface ReferralDecision {
  warranted: boolean;
  /** How soon the foot team should see the patient; null when only a red flag warrants the letter. */
  level: ReferralLevel | null;
  /** "Multidisciplinary foot care service (MDFS)" etc. */
  recipient: string;
  /** One line for the top of the letter: "Within 1 working day". */
  urgencyHeadline: string;
  /** The rule in full, with its source. */
  urgency: string;
  /** Latest date for the first assessment (high and moderate), from the exam date. */
  seeBy: string | null;
  /** Why the letter is warranted, one reason per line. */
  reasons: string[];
  /** A red flag present: prompt medical review of the neuropathy is asked for as well. */
  medicalReview: boolean;
  /** The result is incomplete and only a category it could be requires this referral. */
  provisional: boolean;
}

/** NICE's "limb- or life-threatening" items that the findings can show (gpnotebook.com list). */
export function limbThreateningFindings(assessment: Assessment): string[] {
  return limbThreatening(assessment);
}

function decision(referral: Referral, all: readonly Referral[], examinedOn: string): ReferralDecision {
  return {
    warranted: true,
    level: referral.level === 'medical-review' ? null : referral.level,
    recipient: referral.recipient,
    urgencyHeadline: referral.headline,
    urgency: referral.urgency,
    seeBy: referral.seeWithinDays === null ? null : addDays(examinedOn, referral.seeWithinDays),
    reasons: all.flatMap((r) => r.reasons),
    medicalReview: all.some((r) => r.kind === 'medical-review'),
    provisional: referral.provisional,
  };
}

/** The referral decision for a signed assessment. `examinedOn` dates the "see by" deadline. */
export function referralDecision(assessment: Assessment, examinedOn: string): ReferralDecision {
  const { referrals } = followUpOf(assessment);
  const first = referrals.find((r) => r.kind === 'foot') ?? referrals[0];
  if (first) return decision(first, referrals, examinedOn);
  return { warranted: false, level: null, recipient: '', urgencyHeadline: '', urgency: '', seeBy: null, reasons: [], medicalReview: false, provisional: false };
}

/** One sentence for the parts list: why a letter is or is not offered. */
export function referralOfferText(decision: ReferralDecision): string {
  if (!decision.warranted) {
    return 'Not needed: no category requires a referral (NICE moderate, high or active; IWGDF 2, 3 or active disease) and there is no red flag.';
  }
  const seeBy = decision.seeBy ? ` (by ${formatDate(decision.seeBy)})` : '';
  const may = decision.provisional ? 'Offered until the result is settled. ' : '';
  return `${may}${decision.reasons.join(' ')} To: ${decision.recipient}. ${decision.urgencyHeadline}${seeBy}.`;
}

/** "Within 1 working day", "Immediately (limb-threatening)": the headline as one clean phrase. */
export function urgencyPhrase(decision: ReferralDecision): string {
  const [head, ...rest] = decision.urgencyHeadline.split(/:\s*/);
  const phrase = rest.length > 0 ? `${head ?? ''} (${rest.join(', ')})` : (head ?? '');
  return `${phrase}${decision.seeBy ? `, by ${formatDate(decision.seeBy)}` : ''}`;
}
