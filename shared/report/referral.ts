import type { Assessment } from '../clinical/assessment';
import type { FactId } from '../clinical/facts';
import { redFlagLabels } from '../clinical/redFlags';
import { assertNever } from '../ipc/result';
import { addDays } from '../text/dates';
import { formatDate } from './reportText';

/**
 * Whether a referral letter is warranted, to whom, and how soon.
 *
 * Offered when NICE NG19 says high risk or an active problem, or IWGDF 2023 says category 2, 3
 * or active disease ("urgent"), or a red flag of an atypical neuropathy is present.
 *
 * How soon follows NICE NG19 (improvingdiabeticfootcare.com protocols and
 * pathways; gpnotebook.com referral criteria):
 *   active   - limb- or life-threatening: immediately to acute services, and inform the
 *              multidisciplinary foot care service (MDFS); otherwise within 1 working day to the
 *              MDFS or foot protection service (FPS), for triage within 1 further working day;
 *   high     - FPS first assessment within 2-4 weeks;
 *   moderate - FPS first assessment within 6-8 weeks.
 * IWGDF 2023 gives screening intervals, not referral times, so an IWGDF category is matched to the
 * NICE level of the same name (urgent -> active, 3 -> high, 2 -> moderate): an app convention.
 * The more urgent of the two guidelines decides.
 *
 * A red flag asks for prompt medical review of the neuropathy (it is not typical of diabetic
 * neuropathy: think of inflammatory neuropathy, vasculitis or entrapment), which the
 * letter adds whatever the foot risk.
 */

export const referralLevels = ['immediate', 'active', 'high', 'moderate'] as const;
export type ReferralLevel = (typeof referralLevels)[number];

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
}

function fact(assessment: Assessment, id: FactId): boolean {
  return assessment.riskFactors.find((f) => f.id === id)?.value === true;
}

/** NICE's "limb- or life-threatening" items that the findings can show (gpnotebook.com list). */
export function limbThreateningFindings(assessment: Assessment): string[] {
  const found: string[] = [];
  if (fact(assessment, 'gangrene')) found.push('gangrene');
  if (fact(assessment, 'activeUlcer') && (assessment.pad === true || fact(assessment, 'criticalIschaemia'))) found.push('ulcer with limb ischaemia');
  return found;
}

function levelOf(assessment: Assessment): ReferralLevel | null {
  const nice = assessment.nice.category;
  const iwgdf = assessment.iwgdf2023.category;
  if (nice === 'active' || iwgdf === 'urgent') return limbThreateningFindings(assessment).length > 0 ? 'immediate' : 'active';
  if (nice === 'high' || iwgdf === 3) return 'high';
  if (iwgdf === 2 || (nice === 'moderate' && assessment.redFlag)) return 'moderate';
  return null;
}

const fpsRecipient = 'Foot protection service (FPS) / podiatry';
const mdfsRecipient = 'Multidisciplinary foot care service (MDFS)';

function levelWords(level: ReferralLevel, examinedOn: string): Pick<ReferralDecision, 'recipient' | 'urgencyHeadline' | 'urgency' | 'seeBy'> {
  switch (level) {
    case 'immediate':
      return {
        recipient: `Acute services, and inform the ${mdfsRecipient}`,
        urgencyHeadline: 'Immediately: limb-threatening',
        urgency: `Refer immediately to acute services and inform the multidisciplinary foot care service: ${limbThreateningWords} (NICE NG19).`,
        seeBy: null,
      };
    case 'active':
      return {
        recipient: `${mdfsRecipient} or foot protection service`,
        urgencyHeadline: 'Within 1 working day',
        urgency:
          'Active diabetic foot problem: refer within 1 working day to the multidisciplinary foot care service or the foot protection service, for triage within 1 further working day. Refer immediately to acute services instead if there is fever or sepsis, deep soft-tissue or bone infection, ulcer with limb ischaemia, or gangrene (NICE NG19).',
        seeBy: null,
      };
    case 'high':
      return {
        recipient: fpsRecipient,
        urgencyHeadline: 'First assessment within 2-4 weeks',
        urgency: 'High risk: first foot protection service assessment within 2-4 weeks, then review every 1-2 months, or every 1-2 weeks if there is immediate concern (NICE NG19).',
        seeBy: addDays(examinedOn, 28),
      };
    case 'moderate':
      return {
        recipient: fpsRecipient,
        urgencyHeadline: 'First assessment within 6-8 weeks',
        urgency: 'Moderate risk: first foot protection service assessment within 6-8 weeks, then review every 3-6 months (NICE NG19).',
        seeBy: addDays(examinedOn, 56),
      };
    default:
      return assertNever(level, 'referral level');
  }
}

const limbThreateningWords = 'ulcer with fever or sepsis, ulcer with limb ischaemia, deep soft-tissue or bone infection, or gangrene';

/** The referral decision for a signed assessment. `examinedOn` dates the "see by" deadline. */
export function referralDecision(assessment: Assessment, examinedOn: string): ReferralDecision {
  const nice = assessment.nice.category;
  const iwgdf = assessment.iwgdf2023.category;
  const reasons: string[] = [];
  if (nice === 'high' || nice === 'active') reasons.push(`NICE NG19: ${assessment.nice.label.toLowerCase()}.`);
  if (iwgdf === 2 || iwgdf === 3 || iwgdf === 'urgent') reasons.push(`IWGDF 2023: ${assessment.iwgdf2023.label.toLowerCase()}.`);
  const limb = limbThreateningFindings(assessment);
  if (limb.length > 0 && (nice === 'active' || iwgdf === 'urgent')) reasons.push(`Limb-threatening: ${limb.join(', ')}.`);
  const flags = assessment.redFlags.present.map((id) => redFlagLabels[id].toLowerCase());
  if (assessment.redFlag) reasons.push(`Red flag of an atypical neuropathy: ${flags.join(', ')}. Prompt medical review is needed.`);
  const warranted = reasons.length > 0;
  const level = warranted ? levelOf(assessment) : null;
  if (level !== null) return { warranted, level, reasons, medicalReview: assessment.redFlag, ...levelWords(level, examinedOn) };
  return {
    warranted,
    level: null,
    recipient: warranted ? 'Diabetes team or GP (medical review)' : '',
    urgencyHeadline: warranted ? 'Prompt medical review' : '',
    urgency: warranted
      ? 'A red flag of an atypical neuropathy: arrange prompt medical review, as this is not typical of diabetic neuropathy (reference section f).'
      : '',
    seeBy: null,
    reasons,
    medicalReview: assessment.redFlag,
  };
}

/** One sentence for the parts list: why a letter is or is not offered. */
export function referralOfferText(decision: ReferralDecision): string {
  if (!decision.warranted) {
    return 'Not needed: offered for NICE high risk or an active problem, IWGDF category 2, 3 or active disease, or a red flag.';
  }
  const seeBy = decision.seeBy ? ` (by ${formatDate(decision.seeBy)})` : '';
  return `${decision.reasons.join(' ')} To: ${decision.recipient}. ${decision.urgencyHeadline}${seeBy}.`;
}
