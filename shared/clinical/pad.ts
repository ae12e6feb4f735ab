import type { PulseResult, Symptoms } from '../domain/findings';
import { assertNever } from '../ipc/result';
import { combineFeet, type Conclusion } from './conclusion';
import type { ConventionId } from './conventions';
import type { FootContext } from './footContext';
import { sideLabel } from './protocols';

/**
 * Peripheral artery disease (PAD) in screening, per foot and per person: reference section d
 * ("Engine PAD convention") and decisions C3, C4, C7; D7 where the reference is silent.
 *
 * PAD if both pedal pulses are not palpable, or ABI < 0.9, or TBI < 0.7, or critical ischaemia.
 * PAD false only if all pedal pulses are palpable and no abnormal index is recorded, or (C3) a
 * single non-palpable pulse with an ABI of 0.9-1.3 (or, D7, a TBI of 0.7 or more).
 * An ABI above 1.3 (non-compressible arteries) is ignored as evidence of no PAD (C4).
 */

/** ABI < 0.9 = PAD (WOCN ABI protocol; reference section d). */
export const abiPadBelow = 0.9;
/** ABI > 1.3 is falsely elevated by calcified arteries (Suominen 2008). */
export const abiUnreliableAbove = 1.3;
/** TBI < 0.7 = PAD (threshold unverified; reference section d). */
export const tbiPadBelow = 0.7;

type Pulse = 'palpable' | 'not_palpable';

export function abiIsNormal(abi: number | null): boolean {
  return abi !== null && abi >= abiPadBelow && abi <= abiUnreliableAbove;
}

export function footPad(ctx: FootContext, symptoms: Symptoms | undefined): Conclusion {
  const side = sideLabel(ctx.side);
  const base = `feet.${ctx.side}`;
  const foot = ctx.foot;
  if (ctx.role !== 'examined') {
    // Recorded critical ischaemia always counts (D8); everything else is unknown.
    if (foot.criticalIschaemia === true) {
      return {
        value: true,
        reason: `${side} foot: critical ischaemia recorded`,
        findings: [`${base}.criticalIschaemia`],
        toSettle: [],
        conventions: ['D8'],
      };
    }
    return {
      value: 'unknown',
      reason: `${ctx.notExaminedBecause ?? `${side} foot not examined`}: PAD unknown`,
      findings: [],
      toSettle: [`${base}.status`],
      conventions: ['D8'],
    };
  }

  const dpPath = `${base}.pulses.dorsalisPedis`;
  const ptPath = `${base}.pulses.posteriorTibial`;
  const dp = foot.pulses?.dorsalisPedis;
  const pt = foot.pulses?.posteriorTibial;
  const abi = foot.abi ?? null;
  const tbi = foot.tbi ?? null;
  const abiHigh = abi !== null && abi > abiUnreliableAbove;
  const conventions: ConventionId[] = abiHigh ? ['C4'] : [];

  // 1. Any sign of PAD.
  const signs: string[] = [];
  const findings: string[] = [];
  if (dp === 'not_palpable' && pt === 'not_palpable') {
    signs.push('both pedal pulses not palpable');
    findings.push(dpPath, ptPath);
  }
  if (abi !== null && abi < abiPadBelow) {
    signs.push(`ABI ${abi} (below ${abiPadBelow})`);
    findings.push(`${base}.abi`);
  }
  if (tbi !== null && tbi < tbiPadBelow) {
    signs.push(`TBI ${tbi} (below ${tbiPadBelow})`);
    findings.push(`${base}.tbi`);
  }
  if (foot.criticalIschaemia === true) {
    signs.push('critical ischaemia');
    findings.push(`${base}.criticalIschaemia`);
  }
  if (signs.length > 0) {
    const note = abiHigh ? `; ABI ${abi} above ${abiUnreliableAbove} is unreliable and ignored` : '';
    return { value: true, reason: `${side} foot: ${signs.join('; ')}${note}`, findings, toSettle: [], conventions };
  }

  // 2. No sign: the pulses decide, a normal index settling a single non-palpable pulse (C3, D7).
  // A pulse not recorded could be either; PAD is decided only if both possibilities agree.
  const abiSettles = abiIsNormal(abi);
  const tbiSettles = tbi !== null && tbi >= tbiPadBelow;
  const options = (p: typeof dp): Pulse[] =>
    p === 'palpable' || p === 'not_palpable' ? [p] : ['palpable', 'not_palpable'];
  const outcomes = new Set<'false' | 'true' | 'unknown'>();
  for (const a of options(dp)) {
    for (const b of options(pt)) {
      if (a === 'palpable' && b === 'palpable') outcomes.add('false');
      else if (a === 'not_palpable' && b === 'not_palpable') outcomes.add('true');
      else outcomes.add(abiSettles || tbiSettles ? 'false' : 'unknown');
    }
  }
  const bothPalpable = dp === 'palpable' && pt === 'palpable';
  const claudicationOrRestPain = symptoms?.claudication === true || symptoms?.restPain === true;
  if (outcomes.size === 1 && outcomes.has('false')) {
    const why: string[] = [];
    const falseFindings = [dpPath, ptPath];
    if (bothPalpable) {
      why.push('both pedal pulses palpable');
    } else {
      const index = abiSettles ? `ABI ${abi}` : `TBI ${tbi}`;
      why.push(`${pulseWords(dp, pt)}, with a normal ${index}`);
      falseFindings.push(abiSettles ? `${base}.abi` : `${base}.tbi`);
      conventions.push(abiSettles ? 'C3' : 'D7');
    }
    if (abiHigh) why.push(`ABI ${abi} above ${abiUnreliableAbove} ignored (non-compressible)`);
    if (claudicationOrRestPain && abi === null && tbi === null) {
      why.push('claudication or rest pain recorded with no ABI/TBI');
      conventions.push('C7');
    }
    return { value: false, reason: `${side} foot: ${why.join('; ')}`, findings: falseFindings, toSettle: [], conventions };
  }

  const toSettle: string[] = [];
  if (dp !== 'palpable' && dp !== 'not_palpable') toSettle.push(dpPath);
  if (pt !== 'palpable' && pt !== 'not_palpable') toSettle.push(ptPath);
  toSettle.push(`${base}.abi`, `${base}.tbi`);
  const single = (dp === 'not_palpable') !== (pt === 'not_palpable');
  if (single) conventions.push('C3');
  const why = single && !toSettle.includes(dpPath) && !toSettle.includes(ptPath)
    ? 'one pedal pulse not palpable and no ABI of 0.9-1.3 or TBI of 0.7 or more: measure ABI or TBI'
    : `${pulseWords(dp, pt)}`;
  return {
    value: 'unknown',
    reason: `${side} foot: PAD not decided: ${why}${abiHigh ? `; ABI ${abi} above ${abiUnreliableAbove} is unreliable` : ''}`,
    findings: [],
    toSettle,
    conventions,
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
