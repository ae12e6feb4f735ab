import { sideLabel } from '#shared/clinical/protocols';
import type { ExamSummary } from '#shared/domain/exam';
import {
  sides,
  type AmputationLevel,
  type FootFindings,
  type Findings,
  type History,
  type SelfCare,
  type SelfCareAbility,
  type Side,
  type SmokingStatus,
  type UlcerSide,
} from '#shared/domain/findings';

/**
 * Carrying the history forward: items that rarely change (ulcer and amputation history, kidney
 * disease, vascular history, smoking, self-care) are offered from the last signed screening as
 * "from <date>: confirm". Nothing is written until the nurse confirms an item (it is then recorded
 * exactly as before) or answers it differently; an item neither confirmed nor answered stays
 * "not recorded". One key per item either way.
 *
 * Two stable findings of the feet are offered the same way, on the step where they are recorded:
 * a foot that was absent (amputation or congenital) at Start, and the deformities of a foot on the
 * Deformity step. A foot that was present, or had no deformity, is not offered: those are asked
 * afresh, as they can change.
 */

export const amputationLabels: Readonly<Record<AmputationLevel, string>> = { none: 'None', minor: 'Minor (toes, forefoot)', major: 'Major (above the ankle)' };
const amputationOrder: Readonly<Record<AmputationLevel, number>> = { none: 0, minor: 1, major: 2 };

/** Per-side amputation, with the person-level value the engines read kept as the worse side. */
export function withAmputation(findings: Findings, side: Side, level: AmputationLevel): Findings {
  const feet = { ...findings.feet, [side]: { ...findings.feet[side], previousAmputation: level } };
  const levels = sides.map((s) => feet[s].previousAmputation).filter((l): l is AmputationLevel => l !== undefined);
  const worst = levels.reduce<AmputationLevel>((a, b) => (amputationOrder[b] > amputationOrder[a] ? b : a), 'none');
  return { ...findings, feet, history: { ...findings.history, previousAmputation: worst } };
}

export const smokingLabels: Readonly<Record<SmokingStatus, string>> = { never: 'Never smoked', former: 'Former smoker', current: 'Smokes now' };
export const ulcerSideLabels: Readonly<Record<UlcerSide, string>> = { right: 'Right', left: 'Left', both: 'Both' };
export const selfCareLabels: Readonly<Record<SelfCareAbility, string>> = { independent: 'Independent', needs_help: 'Needs help', unable: 'Unable' };

type HistoryFlag = 'previousUlcer' | 'endStageRenalDisease' | 'onDialysis' | 'kidneyTransplant' | 'onMetformin' | 'underVascularClinic' | 'previousVascularIntervention';
type SelfCareFlag = 'canCutOwnNails' | 'impairedVision' | 'livesAlone';

export const historyFlagLabels: Readonly<Record<HistoryFlag, string>> = {
  previousUlcer: 'Previous foot ulcer (healed)',
  endStageRenalDisease: 'End-stage renal disease',
  onDialysis: 'On dialysis',
  kidneyTransplant: 'Kidney transplant',
  onMetformin: 'Takes metformin',
  underVascularClinic: 'Under a vascular clinic',
  previousVascularIntervention: 'Previous vascular surgery or angioplasty (legs)',
};

export const selfCareFlagLabels: Readonly<Record<SelfCareFlag, string>> = {
  canCutOwnNails: 'Can cut own toenails',
  impairedVision: 'Impaired vision (cannot see the soles of the feet)',
  livesAlone: 'Lives alone',
};

/** The step where an offered item is confirmed (all that are still waiting are listed again in History). */
export type CarriedStep = 'setup' | 'deformity' | 'history';

/** One item offered from the last screening. */
export interface CarriedItem {
  /** Stable id, also the finding path ("history.previousUlcer", "feet.left.previousAmputation"). */
  id: string;
  step: CarriedStep;
  label: string;
  /** The earlier answer in words. */
  words: string;
  /** Whether the current screening already has an answer for it (then it is no longer offered). */
  recorded: (findings: Findings) => boolean;
  /** Records the earlier answer. */
  confirm: (findings: Findings) => Findings;
  /** For yes/no items: records the other answer. Null when "changed" needs a choice. */
  opposite: ((findings: Findings) => Findings) | null;
}

const yesNoWord = (v: boolean): string => (v ? 'yes' : 'no');

function historyFlag(key: HistoryFlag, value: boolean): CarriedItem {
  const set = (v: boolean) => (f: Findings): Findings => ({ ...f, history: { ...f.history, [key]: v } });
  return { id: `history.${key}`, step: 'history', label: historyFlagLabels[key], words: yesNoWord(value), recorded: (f) => f.history?.[key] !== undefined, confirm: set(value), opposite: set(!value) };
}

function historyValue<K extends 'previousUlcerSide' | 'previousUlcerDate' | 'smoking'>(key: K, label: string, value: NonNullable<History[K]>, words: string): CarriedItem {
  return {
    id: `history.${key}`,
    step: 'history',
    label,
    words,
    recorded: (f) => f.history?.[key] !== undefined,
    confirm: (f) => ({ ...f, history: { ...f.history, [key]: value } }),
    opposite: null,
  };
}

function selfCareFlag(key: SelfCareFlag, value: boolean): CarriedItem {
  const set = (v: boolean) => (f: Findings): Findings => ({ ...f, selfCare: { ...f.selfCare, [key]: v } });
  return { id: `selfCare.${key}`, step: 'history', label: selfCareFlagLabels[key], words: yesNoWord(value), recorded: (f) => f.selfCare?.[key] !== undefined, confirm: set(value), opposite: set(!value) };
}

/**
 * The items of an earlier screening's findings that are offered again, in the order the history
 * step asks them. Only what was recorded then is offered; "not recorded" is never carried.
 */
export function carriedItems(previous: Findings): CarriedItem[] {
  const h = previous.history ?? {};
  const out: CarriedItem[] = [...absentFeet(previous), ...deformities(previous)];
  const flag = (key: HistoryFlag): void => {
    const v = h[key];
    if (v !== undefined) out.push(historyFlag(key, v));
  };
  flag('previousUlcer');
  if (h.previousUlcerSide !== undefined) out.push(historyValue('previousUlcerSide', 'Side of the previous ulcer', h.previousUlcerSide, ulcerSideLabels[h.previousUlcerSide].toLowerCase()));
  if (h.previousUlcerDate !== undefined) out.push(historyValue('previousUlcerDate', 'When the previous ulcer was', h.previousUlcerDate, h.previousUlcerDate));
  for (const side of sides) {
    const level = previous.feet[side].previousAmputation;
    if (level === undefined) continue;
    out.push({
      id: `feet.${side}.previousAmputation`,
      step: 'history',
      label: `Amputation, ${sideLabel(side).toLowerCase()} side`,
      words: amputationLabels[level].toLowerCase(),
      recorded: (f) => f.feet[side].previousAmputation !== undefined,
      confirm: (f) => withAmputation(f, side, level),
      opposite: null,
    });
  }
  flag('endStageRenalDisease');
  flag('onDialysis');
  flag('kidneyTransplant');
  flag('onMetformin');
  flag('underVascularClinic');
  flag('previousVascularIntervention');
  if (h.smoking !== undefined) out.push(historyValue('smoking', 'Smoking', h.smoking, smokingLabels[h.smoking].toLowerCase()));
  const care: SelfCare = previous.selfCare ?? {};
  if (care.ability !== undefined) {
    const ability = care.ability;
    out.push({
      id: 'selfCare.ability',
      step: 'history',
      label: 'Can look after own feet',
      words: selfCareLabels[ability].toLowerCase(),
      recorded: (f) => f.selfCare?.ability !== undefined,
      confirm: (f) => ({ ...f, selfCare: { ...f.selfCare, ability } }),
      opposite: null,
    });
  }
  for (const key of ['canCutOwnNails', 'impairedVision', 'livesAlone'] as const) {
    const v = care[key];
    if (v !== undefined) out.push(selfCareFlag(key, v));
  }
  return out;
}

/**
 * Anything recorded on a foot this time (beyond whether it is there): the foot is present. A new
 * screening starts with an empty sensory test on each foot, which records nothing.
 */
function examined(foot: FootFindings): boolean {
  return Object.entries(foot).some(([key, value]) => {
    if (value === undefined || key === 'status' || key === 'statusReason' || key === 'previousAmputation') return false;
    if (key === 'monofilament' || key === 'touchTest') return Object.keys((value as { sites?: object }).sites ?? {}).length > 0;
    return true;
  });
}

/**
 * A foot recorded as absent. It waits until confirmed absent, given another status at Start, or
 * examined (anything recorded on it says it is there): "present" is the starting value, so choosing
 * it records nothing by itself.
 */
function absentFeet(previous: Findings): CarriedItem[] {
  return sides
    .filter((side) => previous.feet[side].status === 'absent')
    .map((side) => {
      const reason = previous.feet[side].statusReason;
      return {
        id: `feet.${side}.status`,
        step: 'setup',
        label: `${sideLabel(side)} foot`,
        words: `absent (amputation or congenital)${reason ? `: ${reason}` : ''}`,
        recorded: (f) => f.feet[side].status !== 'present' || examined(f.feet[side]),
        confirm: (f) => ({ ...f, feet: { ...f.feet, [side]: { ...f.feet[side], status: 'absent', statusReason: reason ?? '' } } }),
        opposite: null,
      } satisfies CarriedItem;
    });
}

/** The deformities of a foot, as one item per foot (the types as they were recorded). */
function deformities(previous: Findings): CarriedItem[] {
  const out: CarriedItem[] = [];
  for (const side of sides) {
    const foot = previous.feet[side];
    if (foot.status !== 'present' || foot.deformity?.present !== true) continue;
    const types = [...(foot.deformity.types ?? [])];
    out.push({
      id: `feet.${side}.deformity`,
      step: 'deformity',
      label: `Deformity, ${sideLabel(side).toLowerCase()} foot`,
      words: types.length > 0 ? types.join(', ') : 'yes (type not recorded)',
      // A foot not examined today has nothing to confirm.
      recorded: (f) => f.feet[side].status !== 'present' || f.feet[side].deformity?.present !== undefined,
      confirm: (f) => ({ ...f, feet: { ...f.feet, [side]: { ...f.feet[side], deformity: { present: true, types: [...types] } } } }),
      opposite: null,
    });
  }
  return out;
}

/** What was offered from the last signed screening, and its date in words. */
export interface Carried {
  date: string;
  items: readonly CarriedItem[];
}

/** The items still waiting for the nurse: offered and not yet answered in this screening. */
export function pendingItems(items: readonly CarriedItem[], findings: Findings): CarriedItem[] {
  return items.filter((item) => !item.recorded(findings));
}

/** Confirms the first waiting item (key C); unchanged when none waits. */
export function confirmNext(items: readonly CarriedItem[], findings: Findings): Findings {
  const next = pendingItems(items, findings)[0];
  return next ? next.confirm(findings) : findings;
}

/**
 * The screening to carry forward from: the latest signed one of another series (an amendment's
 * own earlier versions are not "the last screening": the amendment starts from their findings).
 */
export function previousSignedExam(exams: readonly ExamSummary[], current: Pick<ExamSummary, 'id' | 'seriesId'>): ExamSummary | null {
  const candidates = exams.filter((e) => e.state === 'signed' && e.id !== current.id && e.seriesId !== current.seriesId);
  const dateOf = (e: ExamSummary): string => e.examinedOn ?? e.startedAt.slice(0, 10);
  return candidates.reduce<ExamSummary | null>((best, e) => {
    if (!best) return e;
    const d = dateOf(e);
    const b = dateOf(best);
    return d > b || (d === b && (e.signedAt ?? '') > (best.signedAt ?? '')) ? e : best;
  }, null);
}
