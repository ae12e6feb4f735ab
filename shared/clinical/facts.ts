import type { AmputationLevel, Findings, FootFindings, Side } from '../domain/findings';
import { combineFeet, type Conclusion, type FootConclusion } from './conclusion';
import type { ConventionId } from './conventions';
import type { FootContext } from './footContext';
import { sideLabel } from './protocols';
import type { Tri } from './tri';

/**
 * The person-level risk factors the rule tables read. Each is true / false / unknown with the
 * finding paths that decided it. Risk factors combine per person, the worse side deciding
 * (decision 1); `perFoot` keeps the sides so an explanation can say when that was needed.
 */

export const factIds = [
  'activeUlcer',
  'footInfection',
  'gangrene',
  'activeCharcot',
  'criticalIschaemia',
  'restPain',
  'lops',
  'pad',
  'deformity',
  'callus',
  'previousUlcer',
  'previousAmputation',
  'endStageRenalDisease',
  'renalReplacementTherapy',
] as const;
export type FactId = (typeof factIds)[number];

export interface FactDefinition {
  id: FactId;
  /** In the clinic's words. */
  label: string;
  /** The same in a sentence: "no callus", "active ulcer recorded". */
  noun: string;
  level: 'foot' | 'person';
  /** How the engine reads it from the findings (printed in docs/clinical-rules.md). */
  derivedFrom: string;
  /** What to record when it is unknown and could change a category. */
  toSettle: string;
}

export const factDefinitions: Readonly<Record<FactId, FactDefinition>> = {
  activeUlcer: {
    id: 'activeUlcer',
    noun: 'active ulcer',
    label: 'Active foot ulcer',
    level: 'foot',
    derivedFrom: '`skin.activeUlcer` of a foot that exists (or a listed `skin.ulcerSites`, D10)',
    toSettle: 'Record whether there is an active ulcer on each foot',
  },
  footInfection: {
    id: 'footInfection',
    noun: 'foot infection',
    label: 'Foot infection',
    level: 'foot',
    derivedFrom: '`skin.infection` of a foot that exists',
    toSettle: 'Record whether there is a foot infection',
  },
  gangrene: {
    id: 'gangrene',
    noun: 'gangrene',
    label: 'Gangrene',
    level: 'foot',
    derivedFrom: '`skin.gangrene` of a foot that exists',
    toSettle: 'Record whether there is gangrene',
  },
  activeCharcot: {
    id: 'activeCharcot',
    noun: 'active Charcot foot',
    label: 'Active (acute) Charcot foot, or a hot swollen foot',
    level: 'foot',
    derivedFrom:
      '`activeCharcot`; a `hotSwollen` foot counts as suspected acute Charcot (treat as acute Charcot until proven otherwise: iatrox.com; pulsetoday.co.uk)',
    toSettle: 'Record whether there is an active Charcot foot (hot, swollen foot)',
  },
  criticalIschaemia: {
    id: 'criticalIschaemia',
    noun: 'critical ischaemia',
    label: 'Critical limb-threatening ischaemia',
    level: 'foot',
    derivedFrom: '`criticalIschaemia` of a foot that exists',
    toSettle: 'Record whether there are signs of critical ischaemia',
  },
  restPain: {
    id: 'restPain',
    noun: 'rest pain',
    label: 'Ischaemic rest pain',
    level: 'person',
    derivedFrom: '`symptoms.restPain`',
    toSettle: 'Ask about rest pain',
  },
  lops: {
    id: 'lops',
    noun: 'LOPS',
    label: 'Loss of protective sensation (LOPS, neuropathy)',
    level: 'foot',
    derivedFrom: 'Monofilament, vibration and Ipswich Touch Test of each foot (decisions 2 and 5; D1-D5)',
    toSettle: 'Complete the monofilament test (or Ipswich Touch Test) on the feet listed',
  },
  pad: {
    id: 'pad',
    noun: 'PAD',
    label: 'Peripheral artery disease (PAD, limb ischaemia)',
    level: 'foot',
    derivedFrom:
      'Pedal pulses, ABI, TBI, Doppler waveforms, toe pressure and critical ischaemia of each foot (decisions 3, 4, 5, 7 and 9; D7, D15)',
    toSettle: 'Palpate both pedal pulses; measure ABI or TBI, or record Doppler waveforms, where the result asks for them',
  },
  deformity: {
    id: 'deformity',
    noun: 'foot deformity',
    label: 'Foot deformity',
    level: 'foot',
    derivedFrom: '`deformity.present` (or a listed `deformity.types`, D10)',
    toSettle: 'Record whether there is a foot deformity',
  },
  callus: {
    id: 'callus',
    noun: 'callus',
    label: 'Callus',
    level: 'foot',
    derivedFrom: '`skin.callus` (or a listed `skin.callusSites`, D10)',
    toSettle: 'Record whether there is callus',
  },
  previousUlcer: {
    id: 'previousUlcer',
    noun: 'history of foot ulcer',
    label: 'History of foot ulcer',
    level: 'person',
    derivedFrom: '`history.previousUlcer`',
    toSettle: 'Record whether the patient has had a foot ulcer',
  },
  previousAmputation: {
    id: 'previousAmputation',
    noun: 'previous amputation',
    label: 'Previous lower-extremity amputation (minor or major)',
    level: 'person',
    derivedFrom:
      '`history.previousAmputation` is "minor" or "major"; or a foot recorded absent, which counts as a major amputation (decision 1); or a foot-level `previousAmputation` (D11)',
    toSettle: 'Record any previous amputation',
  },
  endStageRenalDisease: {
    id: 'endStageRenalDisease',
    noun: 'end-stage renal disease',
    label: 'End-stage renal disease',
    level: 'person',
    derivedFrom: '`history.endStageRenalDisease`, or `history.onDialysis` (D6)',
    toSettle: 'Record whether the patient has end-stage renal disease',
  },
  renalReplacementTherapy: {
    id: 'renalReplacementTherapy',
    noun: 'renal replacement therapy',
    label: 'On renal replacement therapy (dialysis or kidney transplant)',
    level: 'person',
    derivedFrom: '`history.onDialysis`, or `history.kidneyTransplant` (D6)',
    toSettle: 'Record whether the patient is on dialysis or has a kidney transplant',
  },
};

export interface Fact extends Conclusion {
  id: FactId;
  /** The value on each foot that exists, for foot-level facts; null for person-level facts. */
  perFoot: Partial<Record<Side, Tri>> | null;
}
export type Facts = Readonly<Record<FactId, Fact>>;

/** What one foot says about a yes/no item, and the paths that say it. */
interface FootReading {
  value: boolean | undefined;
  /** The path of the yes/no item. */
  path: string;
  /** Another path that makes it true (a listed site or type, a hot swollen foot). */
  alsoTrue?: { path: string; why: string; convention?: ConventionId };
}

function footFlag(ctx: FootContext, reading: FootReading, noun: string, activeSign: boolean): Conclusion {
  const side = sideLabel(ctx.side);
  const trueBy: string[] = [];
  const conventions: ConventionId[] = [];
  const reasons: string[] = [];
  if (reading.value === true) {
    trueBy.push(reading.path);
    reasons.push(`${noun} recorded`);
  }
  if (reading.alsoTrue) {
    trueBy.push(reading.alsoTrue.path);
    reasons.push(reading.alsoTrue.why);
    if (reading.alsoTrue.convention) conventions.push(reading.alsoTrue.convention);
  }
  if (ctx.role !== 'examined') {
    // Not examined (D8): only recorded signs of active disease count.
    if (activeSign && trueBy.length > 0) {
      return { value: true, reason: `${side} foot: ${reasons.join('; ')}`, findings: trueBy, toSettle: [], conventions: [...conventions, 'D8'] };
    }
    return {
      value: 'unknown',
      reason: `${ctx.notExaminedBecause ?? `${side} foot not examined`}: ${noun} unknown`,
      findings: [],
      toSettle: [`feet.${ctx.side}.status`],
      conventions: ['D8'],
    };
  }
  if (trueBy.length > 0) {
    return { value: true, reason: `${side} foot: ${reasons.join('; ')}`, findings: trueBy, toSettle: [], conventions };
  }
  if (reading.value === false) {
    return { value: false, reason: `${side} foot: no ${noun}`, findings: [reading.path], toSettle: [], conventions: [] };
  }
  return {
    value: 'unknown',
    reason: `${side} foot: ${noun} not recorded`,
    findings: [],
    toSettle: [reading.path],
    conventions: [],
  };
}

function listed(items: readonly string[] | undefined): boolean {
  return items !== undefined && items.length > 0;
}

/** Reads one foot-level item of every foot that exists and combines them per person (decision 1). */
function footFact(
  id: FactId,
  contexts: readonly FootContext[],
  read: (foot: FootFindings, base: string) => FootReading,
  activeSign: boolean,
): Fact {
  const noun = factDefinitions[id].noun;
  const feet: FootConclusion[] = contexts
    .filter((ctx) => ctx.role !== 'absent')
    .map((ctx) => ({ side: ctx.side, conclusion: footFlag(ctx, read(ctx.foot, `feet.${ctx.side}`), noun, activeSign) }));
  return fromFeet(id, feet);
}

export function fromFeet(id: FactId, feet: readonly FootConclusion[]): Fact {
  const combined = combineFeet(factDefinitions[id].label, feet);
  const perFoot: Partial<Record<Side, Tri>> = {};
  for (const f of feet) perFoot[f.side] = f.conclusion.value;
  return { ...combined, id, perFoot };
}

function personFact(id: FactId, value: Tri, reason: string, findings: string[], conventions: ConventionId[] = []): Fact {
  return {
    id,
    value,
    reason,
    findings: value === 'unknown' ? [] : findings,
    toSettle: value === 'unknown' ? findings : [],
    conventions,
    perFoot: null,
  };
}

/**
 * Previous amputation: the history, and (decision 1) any foot recorded absent, which counts as a
 * major amputation on that side whatever the history says; an amputation recorded on a foot
 * counts too (D11: a supplementary item only adds).
 */
function amputationFact(recorded: AmputationLevel | undefined, contexts: readonly FootContext[]): Fact {
  const absent = contexts.filter((ctx) => ctx.foot.status === 'absent');
  const onFoot = contexts.filter((ctx) => ctx.foot.status !== 'absent' && (ctx.foot.previousAmputation === 'minor' || ctx.foot.previousAmputation === 'major'));
  if (recorded === 'minor' || recorded === 'major') {
    return personFact('previousAmputation', true, `Previous amputation: ${recorded}`, ['history.previousAmputation']);
  }
  if (absent.length > 0) {
    const feet = absent.map((ctx) => `${sideLabel(ctx.side).toLowerCase()} foot absent`).join(', ');
    const history = recorded === 'none' ? ' (the history says none: check the record)' : '';
    return personFact(
      'previousAmputation',
      true,
      `Previous amputation: ${feet}, which counts as a major amputation (decision 1)${history}`,
      absent.map((ctx) => `feet.${ctx.side}.status`),
      ['C1'],
    );
  }
  if (onFoot.length > 0) {
    const feet = onFoot.map((ctx) => `${sideLabel(ctx.side).toLowerCase()} foot ${ctx.foot.previousAmputation ?? ''}`).join(', ');
    return personFact('previousAmputation', true, `Previous amputation recorded on the foot: ${feet}`, onFoot.map((ctx) => `feet.${ctx.side}.previousAmputation`), ['D11']);
  }
  if (recorded === 'none') return personFact('previousAmputation', false, 'Previous amputation: none', ['history.previousAmputation']);
  return personFact('previousAmputation', 'unknown', 'Previous amputation: not recorded', ['history.previousAmputation']);
}

function yesNo(value: boolean | undefined, label: string): [Tri, string] {
  if (value === undefined) return ['unknown', `${label}: not recorded`];
  return [value, `${label}: ${value ? 'yes' : 'no'}`];
}

/** The facts of the rule tables, given LOPS and PAD per foot (lops.ts, pad.ts). */
export function deriveFacts(
  findings: Findings,
  contexts: readonly FootContext[],
  lopsPerFoot: readonly FootConclusion[],
  padPerFoot: readonly FootConclusion[],
): Facts {
  const history = findings.history ?? {};
  const symptoms = findings.symptoms ?? {};

  const [ulcerValue, ulcerReason] = yesNo(history.previousUlcer, 'History of foot ulcer');

  // ESRD (IWGDF): dialysis is ESRD (D6).
  let esrd: Fact;
  if (history.endStageRenalDisease === true) {
    esrd = personFact('endStageRenalDisease', true, 'End-stage renal disease: yes', ['history.endStageRenalDisease']);
  } else if (history.onDialysis === true) {
    esrd = personFact('endStageRenalDisease', true, 'On dialysis, which is end-stage renal disease', ['history.onDialysis'], ['D6']);
  } else if (history.endStageRenalDisease === false) {
    esrd = personFact('endStageRenalDisease', false, 'End-stage renal disease: no', ['history.endStageRenalDisease']);
  } else {
    esrd = personFact('endStageRenalDisease', 'unknown', 'End-stage renal disease: not recorded', ['history.endStageRenalDisease']);
  }

  // Renal replacement therapy (NICE): dialysis or a kidney transplant (D6; a transplant only adds, D11).
  let rrt: Fact;
  if (history.onDialysis === true) {
    rrt = personFact('renalReplacementTherapy', true, 'On dialysis', ['history.onDialysis']);
  } else if (history.kidneyTransplant === true) {
    rrt = personFact('renalReplacementTherapy', true, 'Kidney transplant', ['history.kidneyTransplant'], ['D6', 'D11']);
  } else if (history.onDialysis === false) {
    rrt = personFact('renalReplacementTherapy', false, 'Not on dialysis', ['history.onDialysis']);
  } else {
    rrt = personFact('renalReplacementTherapy', 'unknown', 'Dialysis: not recorded', ['history.onDialysis']);
  }

  const [restValue, restReason] = yesNo(symptoms.restPain, 'Rest pain');

  return {
    activeUlcer: footFact(
      'activeUlcer',
      contexts,
      (foot, base) => ({
        value: foot.skin?.activeUlcer,
        path: `${base}.skin.activeUlcer`,
        alsoTrue:
          listed(foot.skin?.ulcerSites) && foot.skin?.activeUlcer !== true
          ? { path: `${base}.skin.ulcerSites`, why: 'ulcer site listed', convention: 'D10' }
          : undefined,
      }),
      true,
    ),
    footInfection: footFact('footInfection', contexts, (foot, base) => ({ value: foot.skin?.infection, path: `${base}.skin.infection` }), true),
    gangrene: footFact('gangrene', contexts, (foot, base) => ({ value: foot.skin?.gangrene, path: `${base}.skin.gangrene` }), true),
    activeCharcot: footFact(
      'activeCharcot',
      contexts,
      (foot, base) => ({
        value: foot.activeCharcot,
        path: `${base}.activeCharcot`,
        alsoTrue:
          foot.hotSwollen === true
            ? { path: `${base}.hotSwollen`, why: 'hot swollen foot: treat as acute Charcot until proven otherwise', convention: 'D11' }
            : undefined,
      }),
      true,
    ),
    criticalIschaemia: footFact(
      'criticalIschaemia',
      contexts,
      (foot, base) => ({ value: foot.criticalIschaemia, path: `${base}.criticalIschaemia` }),
      true,
    ),
    restPain: personFact('restPain', restValue, restReason, ['symptoms.restPain']),
    lops: fromFeet('lops', lopsPerFoot),
    pad: fromFeet('pad', padPerFoot),
    deformity: footFact(
      'deformity',
      contexts,
      (foot, base) => ({
        value: foot.deformity?.present,
        path: `${base}.deformity.present`,
        alsoTrue:
          listed(foot.deformity?.types) && foot.deformity?.present !== true
            ? { path: `${base}.deformity.types`, why: `deformity listed (${(foot.deformity?.types ?? []).join(', ')})`, convention: 'D10' }
            : undefined,
      }),
      false,
    ),
    callus: footFact(
      'callus',
      contexts,
      (foot, base) => ({
        value: foot.skin?.callus,
        path: `${base}.skin.callus`,
        alsoTrue:
          listed(foot.skin?.callusSites) && foot.skin?.callus !== true
            ? { path: `${base}.skin.callusSites`, why: 'callus site listed', convention: 'D10' }
            : undefined,
      }),
      false,
    ),
    previousUlcer: personFact('previousUlcer', ulcerValue, ulcerReason, ['history.previousUlcer']),
    previousAmputation: amputationFact(history.previousAmputation, contexts),
    endStageRenalDisease: esrd,
    renalReplacementTherapy: rrt,
  };
}
