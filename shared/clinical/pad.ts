import { pedalArteries, type FootFindings, type PulseResult, type Symptoms, type WaveformResult } from '../domain/findings';
import { assertNever } from '../ipc/result';
import { combineFeet, type Conclusion, type WeakNo } from './conclusion';
import type { ConventionId } from './conventions';
import type { FootContext } from './footContext';
import { sideLabel } from './protocols';
import { unique } from './sets';

/**
 * Peripheral artery disease (PAD) in screening, per foot and per person (app conventions,
 * revision 2: decisions 3, 4, 7 and 9; D7 where they are silent).
 *
 * PAD if: both pedal pulses not palpable, ABI < 0.9, TBI < 0.70, a monophasic or absent Doppler
 * waveform, a toe pressure < 30 mmHg, or critical ischaemia.
 * PAD false only if all pedal pulses are palpable and no abnormal index or waveform is recorded,
 * or (decision 3, D7) a single non-palpable pulse with an ABI of 0.9-1.3 or a TBI of 0.70 or more;
 * except that with an ABI above 1.3 (decision 4) or with claudication or rest pain (decision 7) a
 * normal index or waveform is needed as well. Otherwise PAD is undecided, saying what to record.
 *
 * A "no" is firm (decision 5) only with both pulses palpable and a normal index: ABI 0.9-1.3,
 * TBI 0.70 or more, or a triphasic or biphasic waveform.
 */

/** ABI < 0.9 = PAD (WOCN ABI protocol). */
export const abiPadBelow = 0.9;
/** ABI > 1.3 is falsely raised by calcified arteries (Suominen 2008). */
export const abiUnreliableAbove = 1.3;
/** TBI < 0.70 = PAD (IWGDF 2023). */
export const tbiPadBelow = 0.7;
/** TBI 0.70-0.74: normal by the 2023 cut-off, PAD by the 2019 one (< 0.75): "borderline" (decision 9). */
export const tbiBorderlineBelow = 0.75;
/** Toe pressure < 30 mmHg = PAD, with an urgent vascular assessment (decision 9). */
export const toePressurePadBelow = 30;

const waveformPadResults: readonly WaveformResult[] = ['monophasic', 'absent'];
const waveformNormalResults: readonly WaveformResult[] = ['triphasic', 'biphasic'];

type Pulse = 'palpable' | 'not_palpable';

export function abiIsNormal(abi: number | null): boolean {
  return abi !== null && abi >= abiPadBelow && abi <= abiUnreliableAbove;
}

/** The toe pressure that counts: the lower of `toePressure` and `pressures.toe` (D15). */
export function footToePressure(foot: FootFindings, base: string): { value: number; path: string } | null {
  const recorded = [
    { value: foot.toePressure ?? null, path: `${base}.toePressure` },
    { value: foot.pressures?.toe ?? null, path: `${base}.pressures.toe` },
  ].filter((p): p is { value: number; path: string } => p.value !== null);
  if (recorded.length === 0) return null;
  return recorded.reduce((low, p) => (p.value < low.value ? p : low));
}

/** What the vascular measurements of one foot say, read once for the PAD rule and the warnings. */
export interface VascularReading {
  dp: PulseResult | undefined;
  pt: PulseResult | undefined;
  abi: number | null;
  tbi: number | null;
  toePressure: { value: number; path: string } | null;
  /** Arteries with a monophasic or absent waveform. */
  abnormalWaveforms: string[];
  /** Arteries with a triphasic or biphasic waveform. */
  normalWaveforms: string[];
  abiHigh: boolean;
  /** ABI 0.9-1.3, TBI 0.70 or more, or a triphasic/biphasic waveform recorded. */
  normalIndex: boolean;
}

export function vascularReading(foot: FootFindings, base: string): VascularReading {
  const abi = foot.abi ?? null;
  const tbi = foot.tbi ?? null;
  const waveforms = foot.waveforms ?? {};
  const abnormalWaveforms = pedalArteries.filter((a) => {
    const w = waveforms[a];
    return w !== undefined && waveformPadResults.includes(w);
  });
  const normalWaveforms = pedalArteries.filter((a) => {
    const w = waveforms[a];
    return w !== undefined && waveformNormalResults.includes(w);
  });
  return {
    dp: foot.pulses?.dorsalisPedis,
    pt: foot.pulses?.posteriorTibial,
    abi,
    tbi,
    toePressure: footToePressure(foot, base),
    abnormalWaveforms: abnormalWaveforms.map((a) => `${base}.waveforms.${a}`),
    normalWaveforms: normalWaveforms.map((a) => `${base}.waveforms.${a}`),
    abiHigh: abi !== null && abi > abiUnreliableAbove,
    normalIndex: abiIsNormal(abi) || (tbi !== null && tbi >= tbiPadBelow) || normalWaveforms.length > 0,
  };
}

const arteryWords: Readonly<Record<string, string>> = { dorsalisPedis: 'dorsalis pedis', posteriorTibial: 'posterior tibial' };

function waveformWords(paths: readonly string[], foot: FootFindings): string {
  return paths
    .map((p) => {
      const artery = p.slice(p.lastIndexOf('.') + 1) as (typeof pedalArteries)[number];
      return `${foot.waveforms?.[artery] ?? ''} waveform at the ${arteryWords[artery] ?? artery}`;
    })
    .join(', ');
}

function notExamined(ctx: FootContext, base: string): Conclusion {
  const side = sideLabel(ctx.side);
  // Recorded critical ischaemia always counts (D8); everything else is unknown.
  if (ctx.foot.criticalIschaemia === true) {
    return { value: true, reason: `${side} foot: critical ischaemia recorded`, findings: [`${base}.criticalIschaemia`], toSettle: [], conventions: ['D8'] };
  }
  return {
    value: 'unknown',
    reason: `${ctx.notExaminedBecause ?? `${side} foot not examined`}: PAD unknown`,
    findings: [],
    toSettle: [`${base}.status`],
    conventions: ['D8'],
  };
}

export function footPad(ctx: FootContext, symptoms: Symptoms | undefined): Conclusion {
  const base = `feet.${ctx.side}`;
  if (ctx.role !== 'examined') return notExamined(ctx, base);
  const side = sideLabel(ctx.side);
  const foot = ctx.foot;
  const v = vascularReading(foot, base);
  const { dp, pt, abi, tbi } = v;
  const dpPath = `${base}.pulses.dorsalisPedis`;
  const ptPath = `${base}.pulses.posteriorTibial`;

  // 1. Any sign of PAD.
  const signs: string[] = [];
  const findings: string[] = [];
  const conventions: ConventionId[] = [];
  if (dp === 'not_palpable' && pt === 'not_palpable') {
    signs.push('both pedal pulses not palpable');
    findings.push(dpPath, ptPath);
  }
  if (abi !== null && abi < abiPadBelow) {
    signs.push(`ABI ${abi} (below ${abiPadBelow})`);
    findings.push(`${base}.abi`);
  }
  if (tbi !== null && tbi < tbiPadBelow) {
    signs.push(`TBI ${tbi} (below ${tbiPadBelow.toFixed(2)})`);
    findings.push(`${base}.tbi`);
  }
  if (v.abnormalWaveforms.length > 0) {
    signs.push(`${waveformWords(v.abnormalWaveforms, foot)} (decision 9)`);
    findings.push(...v.abnormalWaveforms);
    conventions.push('C9');
  }
  if (v.toePressure !== null && v.toePressure.value < toePressurePadBelow) {
    signs.push(`toe pressure ${v.toePressure.value} mmHg (below ${toePressurePadBelow}: urgent vascular assessment, decision 9)`);
    findings.push(v.toePressure.path);
    conventions.push('C9');
    if (v.toePressure.path.endsWith('pressures.toe')) conventions.push('D15');
  }
  if (foot.criticalIschaemia === true) {
    signs.push('critical ischaemia');
    findings.push(`${base}.criticalIschaemia`);
  }
  if (signs.length > 0) {
    if (v.abiHigh) conventions.push('C4');
    const note = v.abiHigh ? `; ABI ${abi} above ${abiUnreliableAbove} is unreliable (decision 4)` : '';
    return { value: true, reason: `${side} foot: ${signs.join('; ')}${note}`, findings, toSettle: [], conventions: unique(conventions) };
  }

  // 2. No sign: the pulses decide, a normal ABI or TBI settling a single non-palpable pulse
  // (decision 3, D7). A pulse not recorded could be either: PAD is decided only if both agree.
  const abiSettles = abiIsNormal(abi);
  const tbiSettles = tbi !== null && tbi >= tbiPadBelow;
  const options = (p: PulseResult | undefined): Pulse[] => (p === 'palpable' || p === 'not_palpable' ? [p] : ['palpable', 'not_palpable']);
  const outcomes = new Set<'false' | 'true' | 'unknown'>();
  for (const a of options(dp)) {
    for (const b of options(pt)) {
      if (a === 'palpable' && b === 'palpable') outcomes.add('false');
      else if (a === 'not_palpable' && b === 'not_palpable') outcomes.add('true');
      else outcomes.add(abiSettles || tbiSettles ? 'false' : 'unknown');
    }
  }
  const bothPalpable = dp === 'palpable' && pt === 'palpable';
  const symptom = symptoms?.restPain === true ? 'rest pain' : symptoms?.claudication === true ? 'claudication' : null;
  const symptomPath = symptoms?.restPain === true ? 'symptoms.restPain' : 'symptoms.claudication';
  const indexPaths = [`${base}.abi`, `${base}.tbi`, `${base}.waveforms`];

  if (outcomes.size === 1 && outcomes.has('false')) {
    // Decision 4: an ABI above 1.3 needs a normal TBI or waveform before PAD can be ruled out.
    if (v.abiHigh && !tbiSettles && v.normalWaveforms.length === 0) {
      return {
        value: 'unknown',
        reason: `${side} foot: PAD not decided: ABI ${abi} above ${abiUnreliableAbove} (non-compressible arteries) neither proves nor excludes PAD; record a TBI or Doppler waveforms (decision 4)`,
        findings: [],
        toSettle: [`${base}.tbi`, `${base}.waveforms`],
        conventions: ['C4'],
      };
    }
    // Decision 7: with claudication or rest pain, palpable pulses alone do not exclude PAD.
    if (symptom !== null && !v.normalIndex) {
      return {
        value: 'unknown',
        reason: `${side} foot: PAD not decided: ${symptom} with ${pulseWords(dp, pt)} and no ABI, TBI or waveform; a palpable pulse does not exclude PAD, measure ABI or TBI (decision 7)`,
        findings: [],
        toSettle: indexPaths,
        conventions: ['C7'],
      };
    }
    const why: string[] = [];
    const falseFindings = [dpPath, ptPath];
    const falseConventions: ConventionId[] = [];
    if (bothPalpable) {
      why.push('both pedal pulses palpable');
    } else {
      const index = abiSettles ? `ABI ${abi}` : `TBI ${tbi}`;
      why.push(`${pulseWords(dp, pt)}, with a normal ${index} (decision 3)`);
      falseFindings.push(abiSettles ? `${base}.abi` : `${base}.tbi`);
      falseConventions.push(abiSettles ? 'C3' : 'D7');
    }
    if (v.abiHigh) {
      why.push(`ABI ${abi} above ${abiUnreliableAbove} set aside for a normal TBI or waveform (decision 4)`);
      falseConventions.push('C4');
    }
    if (symptom !== null) {
      why.push(`${symptom} recorded, with a normal index (decision 7)`);
      falseConventions.push('C7');
      falseFindings.push(symptomPath);
    }
    const supporting = [
      ...(abiSettles ? [`${base}.abi`] : []),
      ...(tbiSettles ? [`${base}.tbi`] : []),
      ...v.normalWaveforms,
    ];
    const conclusion: Conclusion = {
      value: false,
      reason: `${side} foot: ${why.join('; ')}`,
      findings: unique([...falseFindings, ...(v.normalIndex ? supporting : [])]),
      toSettle: [],
      conventions: unique(falseConventions),
    };
    const weak = weakPadNo(side, bothPalpable, v.normalIndex, base);
    if (weak) conclusion.weak = weak;
    return conclusion;
  }

  const toSettle: string[] = [];
  if (dp !== 'palpable' && dp !== 'not_palpable') toSettle.push(dpPath);
  if (pt !== 'palpable' && pt !== 'not_palpable') toSettle.push(ptPath);
  toSettle.push(`${base}.abi`, `${base}.tbi`);
  const unknownConventions: ConventionId[] = [];
  const single = (dp === 'not_palpable') !== (pt === 'not_palpable');
  if (single) unknownConventions.push('C3');
  if (v.abiHigh) unknownConventions.push('C4');
  const why =
    single && !toSettle.includes(dpPath) && !toSettle.includes(ptPath)
      ? 'one pedal pulse not palpable and no ABI of 0.9-1.3 or TBI of 0.70 or more: measure ABI or TBI (decision 3)'
      : pulseWords(dp, pt);
  return {
    value: 'unknown',
    reason: `${side} foot: PAD not decided: ${why}${v.abiHigh ? `; ABI ${abi} above ${abiUnreliableAbove} is unreliable (decision 4)` : ''}`,
    findings: [],
    toSettle,
    conventions: unknownConventions,
  };
}

/** A "no" without both pulses palpable and a normal index is not firm (decision 5). */
function weakPadNo(side: string, bothPalpable: boolean, normalIndex: boolean, base: string): WeakNo | undefined {
  if (bothPalpable && normalIndex) return undefined;
  const missing = bothPalpable
    ? 'by the pulses alone, without a normal ABI (0.9-1.3), TBI (0.70 or more) or triphasic or biphasic waveform'
    : 'with a pedal pulse not palpable';
  return {
    reason: `${side} foot: PAD ruled out ${missing}`,
    toSettle: bothPalpable ? [`${base}.abi`, `${base}.tbi`, `${base}.waveforms`] : [`${base}.pulses`],
  };
}

function pulseWord(p: PulseResult | undefined): string {
  if (p === undefined) return 'not recorded';
  switch (p) {
    case 'palpable':
      return 'palpable';
    case 'not_palpable':
      return 'not palpable';
    case 'not_tested':
      return 'not tested';
    default:
      return assertNever(p, 'pulse');
  }
}

function pulseWords(dp: PulseResult | undefined, pt: PulseResult | undefined): string {
  return `dorsalis pedis ${pulseWord(dp)}, posterior tibial ${pulseWord(pt)}`;
}

/** Person-level PAD over the feet that exist (absent feet are left out). */
export function personPad(feet: readonly { ctx: FootContext; pad: Conclusion }[]): Conclusion {
  return combineFeet(
    'PAD',
    feet.filter((f) => f.ctx.role !== 'absent').map((f) => ({ side: f.ctx.side, conclusion: f.pad })),
  );
}
