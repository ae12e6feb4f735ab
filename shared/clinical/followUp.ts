import * as z from 'zod';
import { assertNever } from '../ipc/result';
import type { FactId } from './facts';
import { shortestInterval } from './categoryResults';
import { iwgdf2023Table, type IwgdfCategory } from './iwgdf2023';
import { niceNg19Table, type NiceCategory } from './niceNg19';
import { redFlagLabels, type RedFlagId } from './redFlags';
import type { RuleTable } from './ruleEngine';
import type { Tri } from './tri';

/**
 * What happens next, in one answer for the screens, the reports and recall (decisions 6 and 10):
 * when the next foot screen is due and which referrals the result calls for.
 *
 * - Review: the shortest review interval among the categories each guideline's result could be,
 *   so an incomplete result still has a review date; none while active disease needs referral.
 * - Foot referral: the most urgent referral any possible category requires (NICE NG19 times:
 *   moderate, foot protection service within 6-8 weeks; high, within 2-4 weeks; active, within
 *   1 working day to the MDFS or FPS, or immediately to acute services when limb-threatening).
 *   IWGDF 2023 gives screening intervals, not referral times, so an IWGDF category takes the NICE
 *   level of the same name (urgent -> active, 3 -> high, 2 -> moderate): an app convention.
 *   `provisional` when only a category the incomplete result could be requires it.
 * - Medical review: a red flag of an atypical neuropathy is referred to a GP or physician, not
 *   to the foot protection service.
 */

export const referralKinds = ['foot', 'medical-review'] as const;
export type ReferralKind = (typeof referralKinds)[number];

/** Foot referral urgency, least urgent first, and the medical review of a red flag. */
export const footReferralLevels = ['moderate', 'high', 'active', 'immediate'] as const;
export type FootReferralLevel = (typeof footReferralLevels)[number];
export const referralLevels = [...footReferralLevels, 'medical-review'] as const;
export type ReferralLevel = (typeof referralLevels)[number];

const text = z.string();

export const referralSchema = z.strictObject({
  kind: z.enum(referralKinds),
  level: z.enum(referralLevels),
  /** Who to: "Foot protection service (FPS) / podiatry". */
  recipient: text,
  /** One line for the top of a letter: "First assessment within 6-8 weeks". */
  headline: text,
  /** The rule in full, with its source. */
  urgency: text,
  /** Days from the examination to the latest first assessment (moderate 56, high 28); null otherwise. */
  seeWithinDays: z.number().int().nullable(),
  /** Why, one sentence each. */
  reasons: z.array(text),
  /** Offered because a category the incomplete result could be requires it, not a decided one. */
  provisional: z.boolean(),
});
export type Referral = z.infer<typeof referralSchema>;

export const followUpSchema = z.strictObject({
  review: z.strictObject({
    /** Months from the examination to the next foot screen; null while active disease needs referral instead. */
    months: z.number().int().nullable(),
    /** "3 months after this examination, the shortest interval the guidelines give. ..." */
    basis: text,
    /** Taken from a category an incomplete result could be, not a decided one. */
    provisional: z.boolean(),
  }),
  /** A referral is warranted (foot or medical review), provisional or not. */
  referralWarranted: z.boolean(),
  /** Foot referral first, then the medical review of a red flag. */
  referrals: z.array(referralSchema),
  /** One line for summaries: never "not warranted" while an action asks for a referral. */
  referralText: text,
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** What the follow-up reads from an assessment (the stored ones of every revision have it). */
export interface FollowUpBasis {
  iwgdf2023: {
    category: IwgdfCategory | 'incomplete';
    possibleCategories: IwgdfCategory[];
    label: string;
    toSettle: { label: string }[];
  };
  nice: {
    category: NiceCategory | 'incomplete';
    possibleCategories: NiceCategory[];
    label: string;
    toSettle: { label: string }[];
  };
  pad: Tri;
  redFlag: boolean;
  redFlags: { present: RedFlagId[] };
  riskFactors: { id: FactId; value: Tri }[];
}

const iwgdfLevels: Readonly<Record<IwgdfCategory, FootReferralLevel | null>> = { 0: null, 1: null, 2: 'moderate', 3: 'high', urgent: 'active' };
const niceLevels: Readonly<Record<NiceCategory, FootReferralLevel | null>> = { low: null, moderate: 'moderate', high: 'high', active: 'active' };

const fpsRecipient = 'Foot protection service (FPS) / podiatry';
const mdfsRecipient = 'Multidisciplinary foot care service (MDFS)';
export const limbThreateningWords = 'ulcer with fever or sepsis, ulcer with limb ischaemia, deep soft-tissue or bone infection, or gangrene';

function fact(basis: FollowUpBasis, id: FactId): boolean {
  return basis.riskFactors.find((f) => f.id === id)?.value === true;
}

/** NICE's "limb- or life-threatening" items that the findings can show (gpnotebook.com list). */
export function limbThreateningFindings(basis: FollowUpBasis): string[] {
  const found: string[] = [];
  if (fact(basis, 'gangrene')) found.push('gangrene');
  if (fact(basis, 'activeUlcer') && (basis.pad === true || fact(basis, 'criticalIschaemia'))) found.push('ulcer with limb ischaemia');
  return found;
}

const rank = (level: FootReferralLevel | null): number => (level === null ? -1 : footReferralLevels.indexOf(level));
const higher = (a: FootReferralLevel | null, b: FootReferralLevel | null): FootReferralLevel | null => (rank(b) > rank(a) ? b : a);

/** Who a foot referral goes to and how soon, by level (NICE NG19 times). */
export function footReferralWords(level: FootReferralLevel): Pick<Referral, 'recipient' | 'headline' | 'urgency' | 'seeWithinDays'> {
  switch (level) {
    case 'immediate':
      return {
        recipient: `Acute services, and inform the ${mdfsRecipient}`,
        headline: 'Immediately: limb-threatening',
        urgency: `Refer immediately to acute services and inform the multidisciplinary foot care service: ${limbThreateningWords} (NICE NG19).`,
        seeWithinDays: null,
      };
    case 'active':
      return {
        recipient: `${mdfsRecipient} or foot protection service`,
        headline: 'Within 1 working day',
        urgency:
          'Active diabetic foot problem: refer within 1 working day to the multidisciplinary foot care service or the foot protection service, for triage within 1 further working day. Refer immediately to acute services instead if there is fever or sepsis, deep soft-tissue or bone infection, ulcer with limb ischaemia, or gangrene (NICE NG19).',
        seeWithinDays: null,
      };
    case 'high':
      return {
        recipient: fpsRecipient,
        headline: 'First assessment within 2-4 weeks',
        urgency: 'High risk: first foot protection service assessment within 2-4 weeks, then review every 1-2 months, or every 1-2 weeks if there is immediate concern (NICE NG19).',
        seeWithinDays: 28,
      };
    case 'moderate':
      return {
        recipient: fpsRecipient,
        headline: 'First assessment within 6-8 weeks',
        urgency: 'Moderate risk: first foot protection service assessment within 6-8 weeks, then review every 3-6 months (NICE NG19).',
        seeWithinDays: 56,
      };
    default:
      return assertNever(level, 'referral level');
  }
}

interface GuidelineView<C extends string | number> {
  name: string;
  table: RuleTable<C>;
  category: C | 'incomplete';
  possible: readonly C[];
  label: string;
  toSettle: readonly { label: string }[];
  levels: Readonly<Record<C, FootReferralLevel | null>>;
}

function guidelines(basis: FollowUpBasis): [GuidelineView<IwgdfCategory>, GuidelineView<NiceCategory>] {
  const { iwgdf2023: i, nice: n } = basis;
  return [
    { name: 'IWGDF 2023', table: iwgdf2023Table, category: i.category, possible: i.possibleCategories, label: i.label, toSettle: i.toSettle, levels: iwgdfLevels },
    { name: 'NICE NG19', table: niceNg19Table, category: n.category, possible: n.possibleCategories, label: n.label, toSettle: n.toSettle, levels: niceLevels },
  ];
}

/** The referral a guideline's result certainly requires, and the most urgent one it could require. */
function guidelineLevels<C extends string | number>(g: GuidelineView<C>): { certain: FootReferralLevel | null; possible: FootReferralLevel | null } {
  const levels = g.possible.map((c) => g.levels[c]);
  if (levels.length === 0) return { certain: null, possible: null };
  const certain = levels.reduce<FootReferralLevel | null>((low, l) => (rank(l) < rank(low) ? l : low), levels[0] ?? null);
  const possible = levels.reduce<FootReferralLevel | null>((high, l) => higher(high, l), null);
  return { certain, possible };
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function guidelineReason<C extends string | number>(g: GuidelineView<C>): string | null {
  const { certain, possible } = guidelineLevels(g);
  if (possible === null) return null;
  if (g.category !== 'incomplete') return `${g.name}: ${lower(g.label)}.`;
  const needing = g.possible.filter((c) => g.levels[c] !== null).map((c) => lower(g.table.outcomes[c].label));
  const settle = g.toSettle.map((t) => lower(t.label)).join('; ');
  const could = `${g.name}: not decided, it could be ${needing.join(' or ')}${settle ? ` (to settle: ${settle})` : ''}.`;
  return certain === null ? could : `${could} A referral is needed whichever it is.`;
}

function footReferral(basis: FollowUpBasis): Referral | null {
  const views = guidelines(basis);
  let certain: FootReferralLevel | null = null;
  let possible: FootReferralLevel | null = null;
  for (const g of views) {
    const levels = guidelineLevels(g as GuidelineView<string | number>);
    certain = higher(certain, levels.certain);
    possible = higher(possible, levels.possible);
  }
  if (possible === null) return null;
  const limb = limbThreateningFindings(basis);
  const level: FootReferralLevel = possible === 'active' && limb.length > 0 ? 'immediate' : possible;
  // NICE first: its times decide how soon.
  const reasons = [views[1], views[0]].map((g) => guidelineReason(g as GuidelineView<string | number>)).filter((r): r is string => r !== null);
  if (level === 'immediate') reasons.push(`Limb-threatening: ${limb.join(', ')}.`);
  return { kind: 'foot', level, ...footReferralWords(level), reasons, provisional: certain === null };
}

function medicalReview(basis: FollowUpBasis): Referral | null {
  if (!basis.redFlag) return null;
  const flags = basis.redFlags.present.map((id) => redFlagLabels[id].toLowerCase());
  return {
    kind: 'medical-review',
    level: 'medical-review',
    recipient: 'GP or physician (medical review)',
    headline: 'Prompt medical review',
    urgency:
      'A red flag of an atypical neuropathy: arrange prompt medical review (GP or physician), as this is not typical of diabetic neuropathy; it is not a foot protection referral.',
    seeWithinDays: null,
    reasons: [`Red flag of an atypical neuropathy: ${flags.join(', ')}. Prompt medical review is needed.`],
    provisional: false,
  };
}

function plural(months: number): string {
  return months === 1 ? '1 month' : `${months} months`;
}

interface ReviewCandidate {
  guideline: string;
  months: number;
  words: string;
  provisional: boolean;
}

function reviewCandidate<C extends string | number>(g: GuidelineView<C>): ReviewCandidate | null {
  const shortest = shortestInterval(g.table, g.possible);
  if (shortest === null) return null;
  const outcome = g.table.outcomes[shortest.category];
  const interval = g.name === 'IWGDF 2023' ? outcome.interval.toLowerCase() : outcome.interval;
  if (g.category !== 'incomplete') return { guideline: g.name, months: shortest.months.min, words: `${outcome.label}: ${interval}`, provisional: false };
  const labels = g.possible.map((c) => lower(g.table.outcomes[c].label)).join(' or ');
  return {
    guideline: g.name,
    months: shortest.months.min,
    words: `not decided (could be ${labels}); until it is settled, as for ${lower(outcome.label)}: ${interval.charAt(0).toLowerCase()}${interval.slice(1)}`,
    provisional: true,
  };
}

function review(basis: FollowUpBasis): FollowUp['review'] {
  const views = guidelines(basis);
  if (basis.iwgdf2023.category === 'urgent' || basis.nice.category === 'active') {
    return {
      months: null,
      basis: 'No routine review date: active foot disease needs urgent referral and treatment. Screening resumes once it has resolved.',
      provisional: false,
    };
  }
  const candidates = views.map((g) => reviewCandidate(g as GuidelineView<string | number>)).filter((c): c is ReviewCandidate => c !== null);
  const chosen = candidates.reduce<ReviewCandidate | null>((best, c) => (best === null || c.months < best.months ? c : best), null);
  if (chosen === null) {
    return { months: null, basis: 'Not set: no category of either guideline gives a review interval. Record the missing findings, then reassess.', provisional: true };
  }
  const listed = [chosen, ...candidates.filter((c) => c !== chosen)].map((c) => `${c.guideline} ${c.words}`);
  const lead = chosen.provisional
    ? `${plural(chosen.months)} after this examination: the result is incomplete, so it takes the shortest interval of the categories it could be (decision 6).`
    : `${plural(chosen.months)} after this examination, the shortest interval the guidelines give.`;
  return { months: chosen.months, basis: `${lead} ${listed.join('. ')}.`, provisional: chosen.provisional };
}

function referralText(referrals: readonly Referral[]): string {
  if (referrals.length === 0) return 'Not warranted: no category requires a referral and there is no red flag.';
  const parts = referrals.map((r) => {
    const what = `${r.recipient}, ${lower(r.headline)}`;
    return r.provisional ? `may be needed until the result is settled: ${what}` : what;
  });
  const certain = referrals.some((r) => !r.provisional);
  return `${certain ? 'Warranted' : 'Offered'}: ${parts.join('; and ')}.`;
}

/** The follow-up of an assessment: review and referrals (decisions 6 and 10). Pure. */
export function followUpFor(basis: FollowUpBasis): FollowUp {
  const referrals = [footReferral(basis), medicalReview(basis)].filter((r): r is Referral => r !== null);
  return {
    review: review(basis),
    referralWarranted: referrals.length > 0,
    referrals,
    referralText: referralText(referrals),
  };
}

/**
 * The follow-up of a stored assessment: the one it was signed with, or, for an assessment signed
 * before follow-ups were stored, the one its stored categories give.
 */
export function followUpOf(assessment: FollowUpBasis & { followUp?: FollowUp | undefined }): FollowUp {
  return assessment.followUp ?? followUpFor(assessment);
}
