import type { AnkleReflex } from '../../domain/findings';
import type { FootContext } from '../footContext';
import type { FootSensation } from '../lops';
import { siteProtocols } from '../protocols';
import { isAmputatedSite } from '../siteDerivation';
import type { VibrationState } from '../vibrationDerivation';
import { footScore, singleItem, totalOf, type FootScore, type ScoreItem } from './scoreTypes';

/**
 * Michigan Neuropathy Screening Instrument, physical examination
 * (clinicedc/edc-mnsi calculator.py; pubcompare.ai MNSI protocol; docsbay.net "How to use the MNSI").
 *
 * Per foot: appearance (normal 0 / abnormal 1), ulceration (0 / 1), ankle reflex (present 0,
 * with reinforcement 0.5, absent 1), vibration at the great toe with the 128 Hz fork (present 0,
 * decreased 0.5, absent 1). The original score has a maximum of 8 and is abnormal at >= 2.5.
 * The revised form adds the monofilament (normal 0, reduced 0.5, absent 1; maximum 10); its
 * cut-off and the meaning of "reduced" are unverified, so no interpretation is given for it.
 * Items not recorded are listed, never guessed.
 */

export const mnsiAbnormalAtOrAbove = 2.5;

export interface MnsiScore {
  variant: 'original' | 'with-monofilament';
  name: string;
  max: number;
  total: number | null;
  /** Original: total >= 2.5. Null when the total is missing or (with monofilament) no cut-off is verified. */
  abnormal: boolean | null;
  cutOff: number | null;
  perFoot: FootScore[];
  missingItems: string[];
  source: string;
}

const source =
  'MNSI examination: clinicedc/edc-mnsi calculator.py; pubcompare.ai MNSI protocol; docsbay.net "How to use the MNSI"';

/** Appearance: abnormal with any of deformity (amputation included), dry skin, callus, infection, fissures. */
function appearance(ctx: FootContext): ScoreItem {
  const base = `feet.${ctx.side}`;
  const f = ctx.foot;
  const listedDeformity = (f.deformity?.types?.length ?? 0) > 0;
  const parts: [string, string, boolean | undefined][] = [
    ['deformity', `${base}.deformity.present`, f.deformity?.present === true || listedDeformity ? true : f.deformity?.present],
    ['dry skin', `${base}.skin.dryness`, f.skin?.dryness],
    ['callus', `${base}.skin.callus`, f.skin?.callus],
    ['infection', `${base}.skin.infection`, f.skin?.infection],
    ['fissures', `${base}.skin.fissures`, f.skin?.fissures],
  ];
  const paths = parts.map(([, path]) => path);
  const item = 'Appearance (deformity, dry skin, callus, infection, fissures)';
  const abnormal = parts.filter(([, , v]) => v === true);
  if (abnormal.length > 0) {
    return { item, paths, points: 1, recorded: `abnormal (${abnormal.map(([name]) => name).join(', ')})`, missing: [] };
  }
  const missing = parts.filter(([, , v]) => v === undefined);
  if (missing.length > 0) {
    return {
      item,
      paths,
      points: null,
      recorded: `not recorded: ${missing.map(([name]) => name).join(', ')}`,
      missing: missing.map(([, path]) => path),
    };
  }
  return { item, paths, points: 0, recorded: 'normal', missing: [] };
}

function ulceration(ctx: FootContext): ScoreItem {
  const v = ctx.foot.skin?.activeUlcer;
  const recorded = v === undefined ? 'not recorded' : v ? 'present' : 'absent';
  return singleItem('Ulceration', `feet.${ctx.side}.skin.activeUlcer`, v === undefined ? null : v ? 1 : 0, recorded);
}

/** Points per recorded value; null = not scored (not recorded or not a value of this item). */
const ankleReflexPoints: Readonly<Record<AnkleReflex, number | null>> = { present: 0, reinforcement: 0.5, absent: 1, not_tested: null };
const vibrationPoints: Readonly<Record<VibrationState, number | null>> = {
  normal: 0,
  reduced: 0.5,
  absent: 1,
  abnormal: null,
  not_tested: null,
  pending: null,
};

function ankleReflex(ctx: FootContext): ScoreItem {
  const v = ctx.foot.ankleReflex;
  return singleItem('Ankle reflex', `feet.${ctx.side}.ankleReflex`, v ? ankleReflexPoints[v] : null, v ?? 'not recorded');
}

function vibration(ctx: FootContext, sensation: FootSensation): ScoreItem {
  const item = 'Vibration at the great toe (128 Hz)';
  const path = `feet.${ctx.side}.vibration`;
  const v = sensation.vibration;
  if (v.method !== 'tuning-fork-128') {
    return singleItem(item, path, null, v.method === 'vpt' ? 'VPT recorded; the MNSI uses the 128 Hz fork' : 'not recorded');
  }
  if (!v.atToe) return singleItem(item, path, null, 'recorded at a proximal site, not the toe');
  const points = vibrationPoints[v.state];
  return singleItem(item, path, points, points === null ? 'not recorded' : v.state);
}

/** Revised MNSI monofilament: all sites felt 0, some not felt 0.5 ("reduced", unverified), none felt 1. */
function monofilament(ctx: FootContext, sensation: FootSensation): ScoreItem {
  const item = 'Monofilament';
  const path = `feet.${ctx.side}.monofilament`;
  const protocol = ctx.foot.monofilament ? siteProtocols[ctx.foot.monofilament.protocol] : undefined;
  if (!protocol) return singleItem(item, path, null, 'not recorded');
  const sites = sensation.sites.filter((r) => !isAmputatedSite(r.site));
  const amputated = sensation.sites.length - sites.length;
  const felt = sites.filter((r) => r.site.state === 'felt').length;
  const notFelt = sites.filter((r) => r.site.state === 'not_felt').length;
  if (felt > 0 && notFelt > 0) return singleItem(item, path, 0.5, `reduced (${notFelt} of ${sites.length} sites not felt)`);
  const complete = sites.length > 0 && felt + notFelt === sites.length && sites.length >= protocol.requiredSites - amputated;
  if (!complete) return singleItem(item, path, null, 'not complete');
  return notFelt > 0 ? singleItem(item, path, 1, 'absent (no site felt)') : singleItem(item, path, 0, 'normal (all sites felt)');
}

function footItems(ctx: FootContext, sensation: FootSensation, withMonofilament: boolean): ScoreItem[] {
  const items = [appearance(ctx), ulceration(ctx), ankleReflex(ctx), vibration(ctx, sensation)];
  return withMonofilament ? [...items, monofilament(ctx, sensation)] : items;
}

export function mnsiExam(
  feet: readonly { ctx: FootContext; sensation: FootSensation | null }[],
  withMonofilament: boolean,
): MnsiScore {
  const perFoot: FootScore[] = [];
  const missingItems: string[] = [];
  for (const { ctx, sensation } of feet) {
    if (ctx.role === 'absent') {
      missingItems.push(`feet.${ctx.side} (foot absent: the MNSI examines both feet)`);
      continue;
    }
    if (ctx.role === 'not_examined' || sensation === null) {
      missingItems.push(`feet.${ctx.side} (not examined)`);
      continue;
    }
    const score = footScore(ctx.side, footItems(ctx, sensation, withMonofilament));
    perFoot.push(score);
    missingItems.push(...score.missingItems);
  }
  const total = totalOf(perFoot);
  return {
    variant: withMonofilament ? 'with-monofilament' : 'original',
    name: withMonofilament ? 'MNSI examination with monofilament (revised)' : 'MNSI examination',
    max: withMonofilament ? 10 : 8,
    total,
    abnormal: withMonofilament || total === null ? null : total >= mnsiAbnormalAtOrAbove,
    cutOff: withMonofilament ? null : mnsiAbnormalAtOrAbove,
    perFoot,
    missingItems,
    source,
  };
}
