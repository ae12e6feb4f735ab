import type { AnkleReflex, NormalAbnormal } from '../../domain/findings';
import type { FootContext } from '../footContext';
import type { FootSensation } from '../lops';
import type { VibrationState } from '../vibrationDerivation';
import { footScore, singleItem, totalOf, type FootScore, type ScoreItem } from './scoreTypes';

/**
 * Neuropathy Disability Score (Young 1993), 0-10 (item structure from a
 * public online calculator, secondary). Each side: vibration (128 Hz), pin-prick and temperature
 * at the toe, normal 0 / abnormal 1 each; Achilles reflex normal 0, with reinforcement 1, absent 2.
 * Bands of that calculator: <=2 / 3-4 / 5-6 / >=7. "NDS >= 6 predicts ulceration" is unverified and
 * not used.
 */

export const ndsBands = ['0-2', '3-4', '5-6', '7-10'] as const;
export type NdsBand = (typeof ndsBands)[number];

export interface NdsScore {
  name: string;
  max: number;
  total: number | null;
  band: NdsBand | null;
  perFoot: FootScore[];
  missingItems: string[];
  source: string;
}

function bandOf(total: number): NdsBand {
  if (total <= 2) return '0-2';
  if (total <= 4) return '3-4';
  if (total <= 6) return '5-6';
  return '7-10';
}

/** Points per recorded value; null = not scored (not recorded or not a value of this item). */
const normalAbnormalPoints: Readonly<Record<NormalAbnormal, number | null>> = { normal: 0, abnormal: 1, not_tested: null };
const achillesPoints: Readonly<Record<AnkleReflex, number | null>> = { present: 0, reinforcement: 1, absent: 2, not_tested: null };
const vibrationPoints: Readonly<Record<VibrationState, number | null>> = {
  normal: 0,
  reduced: 1,
  absent: 1,
  abnormal: null,
  not_tested: null,
  pending: null,
};

function normalAbnormal(item: string, path: string, value: NormalAbnormal | undefined): ScoreItem {
  return singleItem(item, path, value ? normalAbnormalPoints[value] : null, value ?? 'not recorded');
}

function vibration(ctx: FootContext, sensation: FootSensation): ScoreItem {
  const item = 'Vibration (128 Hz) at the toe';
  const path = `feet.${ctx.side}.vibration`;
  const v = sensation.vibration;
  if (v.method === 'vpt') return singleItem(item, path, null, 'VPT recorded; the NDS uses the 128 Hz fork');
  if (v.method === null) return singleItem(item, path, null, 'not recorded');
  if (!v.atToe) return singleItem(item, path, null, 'recorded at a proximal site, not the toe');
  const points = vibrationPoints[v.state];
  return singleItem(item, path, points, points === null ? 'not recorded' : v.state);
}

function achilles(ctx: FootContext): ScoreItem {
  const v = ctx.foot.ankleReflex;
  return singleItem('Achilles reflex', `feet.${ctx.side}.ankleReflex`, v ? achillesPoints[v] : null, v ?? 'not recorded');
}

export function neuropathyDisabilityScore(feet: readonly { ctx: FootContext; sensation: FootSensation | null }[]): NdsScore {
  const perFoot: FootScore[] = [];
  const missingItems: string[] = [];
  for (const { ctx, sensation } of feet) {
    if (ctx.role !== 'examined' || sensation === null) {
      missingItems.push(`feet.${ctx.side} (${ctx.role === 'absent' ? 'foot absent: the NDS scores both sides' : 'not examined'})`);
      continue;
    }
    const base = `feet.${ctx.side}`;
    const score = footScore(ctx.side, [
      vibration(ctx, sensation),
      normalAbnormal('Pin-prick at the toe', `${base}.pinPrick`, ctx.foot.pinPrick),
      normalAbnormal('Temperature at the toe', `${base}.temperature`, ctx.foot.temperature),
      achilles(ctx),
    ]);
    perFoot.push(score);
    missingItems.push(...score.missingItems);
  }
  const total = totalOf(perFoot);
  return {
    name: 'Neuropathy Disability Score (NDS)',
    max: 10,
    total,
    band: total === null ? null : bandOf(total),
    perFoot,
    missingItems,
    source: 'Young 1993; item structure and bands from a public online calculator (secondary)',
  };
}
