import { monofilamentSiteKeys, touchTestSiteKeys } from '../domain/findings';
import { combineFeet, type Conclusion, type WeakNo } from './conclusion';
import type { ConventionId } from './conventions';
import type { FootContext } from './footContext';
import { monofilamentSites, sideLabel, siteProtocols, touchTestSites } from './protocols';
import { unique } from './sets';
import {
  deriveMonofilamentSite,
  deriveTouchTestSite,
  isAmputatedSite,
  type DerivedSite,
} from './siteDerivation';
import { deriveVibration, vptAbnormalVolts, type DerivedVibration } from './vibrationDerivation';

/**
 * Loss of protective sensation (LOPS) per foot and per person: the IWGDF 2023 monofilament and
 * tuning-fork procedures, the Ipswich Touch Test, decision 2 of the app conventions (any abnormal
 * test establishes LOPS; exactly 1 of 6 Ipswich toes leaves it undecided) and D1-D5 where the
 * conventions are silent. A "no" is firm (decision 5) only with every monofilament site felt and
 * a normal fork at the toe or a VPT below 25 V.
 */

export interface SiteReading {
  key: string;
  /** Finding path of the site, e.g. `feet.left.monofilament.sites.hallux`. */
  path: string;
  /** "hallux (big toe)" */
  name: string;
  site: DerivedSite;
}

export type TouchTestOutcome = 'abnormal' | 'normal' | 'undecided';

/** The Ipswich Touch Test counted over the 6 toes of both feet (D4). */
export interface IpswichSummary {
  done: boolean;
  insensate: number;
  undetermined: number;
  insensatePaths: string[];
  outcome: TouchTestOutcome;
}

export interface FootSensation {
  sites: SiteReading[];
  touchSites: SiteReading[];
  vibration: DerivedVibration;
  touchTest: TouchTestOutcome | 'not_done';
  lops: Conclusion;
}

/** Ipswich: abnormal with 2 or more of the 6 toes insensate (Rayman 2011). */
export const ipswichAbnormalToes = 2;

export function monofilamentReadings(ctx: FootContext): SiteReading[] {
  const mono = ctx.foot.monofilament;
  if (!mono) return [];
  return monofilamentSiteKeys
    .filter((key) => mono.sites[key] !== undefined)
    .map((key) => ({
      key,
      path: `feet.${ctx.side}.monofilament.sites.${key}`,
      name: monofilamentSites[key].name,
      site: deriveMonofilamentSite(mono.sites[key]),
    }));
}

export function touchTestReadings(ctx: FootContext): SiteReading[] {
  const touch = ctx.foot.touchTest;
  if (!touch) return [];
  return touchTestSiteKeys
    .filter((key) => touch.sites[key] !== undefined)
    .map((key) => ({
      key,
      path: `feet.${ctx.side}.touchTest.sites.${key}`,
      name: touchTestSites[key].name,
      site: deriveTouchTestSite(touch.sites[key]),
    }));
}

export function ipswichSummary(contexts: readonly FootContext[]): IpswichSummary {
  let insensate = 0;
  let undetermined = 0;
  const insensatePaths: string[] = [];
  let done = false;
  for (const ctx of contexts) {
    if (ctx.role === 'absent') continue;
    if (ctx.role === 'not_examined' || !ctx.foot.touchTest) {
      undetermined += touchTestSiteKeys.length;
      continue;
    }
    done = true;
    const readings = touchTestReadings(ctx);
    undetermined += touchTestSiteKeys.length - readings.length;
    for (const r of readings) {
      if (r.site.state === 'not_felt') {
        insensate += 1;
        insensatePaths.push(r.path);
      } else if (r.site.state !== 'felt' && !isAmputatedSite(r.site)) {
        undetermined += 1;
      }
    }
  }
  // Decision 2: exactly 1 insensate toe (or a toe not tested that could be one) is undecided, so
  // recording a toe as not felt can never turn the test from undecided to normal.
  const outcome: TouchTestOutcome = insensate >= ipswichAbnormalToes ? 'abnormal' : insensate + undetermined === 0 ? 'normal' : 'undecided';
  return { done, insensate, undetermined, insensatePaths, outcome };
}

function footTouchTest(ctx: FootContext, readings: readonly SiteReading[], ipswich: IpswichSummary): TouchTestOutcome | 'not_done' {
  if (!ctx.foot.touchTest) return 'not_done';
  // A foot with an insensate toe shares the outcome of the 6 toes; a foot without one is normal
  // when its own toes are all felt (LOPS is only ever recorded on a foot with an insensate toe).
  if (readings.some((r) => r.site.state === 'not_felt')) return ipswich.outcome;
  const considered = readings.filter((r) => !isAmputatedSite(r.site));
  const allRecorded = readings.length === touchTestSiteKeys.length;
  return allRecorded && considered.length > 0 && considered.every((r) => r.site.state === 'felt') ? 'normal' : 'undecided';
}

function names(readings: readonly SiteReading[]): string {
  return readings.map((r) => r.name).join(', ');
}

function notExamined(ctx: FootContext): FootSensation {
  return {
    sites: [],
    touchSites: [],
    vibration: deriveVibration(undefined, ctx.side),
    touchTest: 'undecided',
    lops: {
      value: 'unknown',
      reason: `${ctx.notExaminedBecause ?? `${sideLabel(ctx.side)} foot not examined`}: sensation unknown`,
      findings: [],
      toSettle: [`feet.${ctx.side}.status`],
      conventions: ['D8'],
    },
  };
}

/** LOPS of one foot that exists (examined or not). */
export function footSensation(ctx: FootContext, ipswich: IpswichSummary): FootSensation {
  if (ctx.role !== 'examined') return notExamined(ctx);
  const side = sideLabel(ctx.side);
  const sites = monofilamentReadings(ctx);
  const touchSites = touchTestReadings(ctx);
  const vibration = deriveVibration(ctx.foot.vibration, ctx.side);
  const touchTest = footTouchTest(ctx, touchSites, ipswich);
  const fromAnswers = sites.some((r) => r.site.answers !== null);
  const amputated = sites.filter((r) => isAmputatedSite(r.site));

  // 1. Any abnormal sensory test establishes LOPS (decision 2).
  const notFelt = sites.filter((r) => r.site.state === 'not_felt');
  const abnormal: string[] = [];
  const findings: string[] = [];
  const conventions: ConventionId[] = ['C2'];
  if (fromAnswers) conventions.push('D1');
  if (notFelt.length > 0) {
    abnormal.push(`monofilament not felt at ${names(notFelt)}`);
    findings.push(...notFelt.map((r) => r.path));
  }
  if (vibration.establishesLops) {
    abnormal.push(vibration.explanation);
    findings.push(...vibration.findings);
    conventions.push(...vibration.conventions);
  }
  if (touchTest === 'abnormal') {
    abnormal.push(`Ipswich Touch Test ${ipswich.insensate} of 6 toes insensate`);
    findings.push(...ipswich.insensatePaths);
    conventions.push('D4');
  }
  if (abnormal.length > 0) {
    return {
      sites,
      touchSites,
      vibration,
      touchTest,
      lops: { value: true, reason: `${side} foot: ${abnormal.join('; ')}`, findings: unique(findings), toSettle: [], conventions: unique(conventions) },
    };
  }

  // 2. A complete normal monofilament or Ipswich test rules LOPS out (D3); firmly only with a
  // normal fork or VPT as well (decision 5).
  const protocol = ctx.foot.monofilament ? siteProtocols[ctx.foot.monofilament.protocol] : undefined;
  const considered = sites.filter((r) => !isAmputatedSite(r.site));
  const needed = protocol ? Math.max(1, protocol.requiredSites - amputated.length) : Infinity;
  const monofilamentNormal = considered.length >= needed && considered.every((r) => r.site.state === 'felt');
  if (monofilamentNormal || touchTest === 'normal') {
    const why: string[] = [];
    const normalFindings: string[] = [];
    const normalConventions: ConventionId[] = ['D3'];
    if (monofilamentNormal) {
      why.push(`all ${considered.length} monofilament sites felt${amputated.length > 0 ? ` (amputated ${names(amputated)} left out)` : ''}`);
      normalFindings.push(...considered.map((r) => r.path));
      if (amputated.length > 0) normalConventions.push('D2');
      if (fromAnswers) normalConventions.push('D1');
    } else {
      why.push('Ipswich Touch Test normal on this foot');
      normalFindings.push(...touchSites.map((r) => r.path));
      normalConventions.push('D4');
    }
    const lops: Conclusion = { value: false, reason: `${side} foot: ${why.join('; ')}`, findings: unique(normalFindings), toSettle: [], conventions: unique(normalConventions) };
    const weak = weakLopsNo(ctx, monofilamentNormal, vibration);
    if (weak) lops.weak = weak;
    return { sites, touchSites, vibration, touchTest, lops };
  }

  // 3. Otherwise unknown: say what is missing.
  const open = considered.filter((r) => r.site.state !== 'felt');
  const missing: string[] = [];
  const unknownConventionsExtra: ConventionId[] = [];
  const toSettle: string[] = [];
  if (!protocol) {
    missing.push('no monofilament recorded');
    toSettle.push(`feet.${ctx.side}.monofilament`);
  } else {
    if (open.length > 0) {
      missing.push(`monofilament not decided at ${open.map((r) => `${r.name} (${r.site.explanation.toLowerCase()})`).join(', ')}`);
      toSettle.push(...open.map((r) => r.path));
    }
    if (considered.length < needed) {
      missing.push(`${considered.length} of the ${needed} sites of the ${protocol.title} recorded`);
      toSettle.push(`feet.${ctx.side}.monofilament.sites`);
    }
  }
  if (touchTest === 'undecided') {
    const oneToe = touchSites.some((r) => r.site.state === 'not_felt');
    missing.push(
      oneToe
        ? `Ipswich Touch Test: ${ipswich.insensate} of 6 toes insensate, not decided; confirm with the monofilament on this foot (decision 2)`
        : 'Ipswich Touch Test not decided',
    );
    if (oneToe) toSettle.push(`feet.${ctx.side}.monofilament`);
    toSettle.push(...touchSites.filter((r) => r.site.state !== 'felt' && !isAmputatedSite(r.site)).map((r) => r.path));
    if (oneToe) unknownConventionsExtra.push('C2', 'D4');
  }
  const unknownConventions: ConventionId[] = ['D3', ...unknownConventionsExtra];
  if (amputated.length > 0) unknownConventions.push('D2');
  if (sites.some((r) => r.site.state === 'pending' && r.site.answers !== null)) unknownConventions.push('D1');
  return {
    sites,
    touchSites,
    vibration,
    touchTest,
    lops: {
      value: 'unknown',
      reason: `${side} foot: LOPS not decided: ${missing.join('; ')}; no sensory test abnormal`,
      findings: [],
      toSettle: unique(toSettle),
      conventions: unique(unknownConventions),
    },
  };
}

/** A normal fork at the toe or a VPT below 25 V: the second normal modality of decision 5. */
function vibrationFirmlyNormal(ctx: FootContext, vibration: DerivedVibration): boolean {
  const recorded = ctx.foot.vibration;
  if (recorded?.method === 'vpt') return recorded.voltage !== null && recorded.voltage < vptAbnormalVolts;
  return vibration.method === 'tuning-fork-128' && vibration.state === 'normal' && vibration.atToe;
}

/** Decision 5: LOPS is ruled out firmly by every monofilament site felt and a normal fork or VPT. */
function weakLopsNo(ctx: FootContext, monofilamentNormal: boolean, vibration: DerivedVibration): WeakNo | undefined {
  const vibrationNormal = vibrationFirmlyNormal(ctx, vibration);
  if (monofilamentNormal && vibrationNormal) return undefined;
  const side = sideLabel(ctx.side);
  const lacking = [
    ...(monofilamentNormal ? [] : ['the monofilament at every site']),
    ...(vibrationNormal ? [] : ['a normal 128 Hz fork at the toe or a VPT below 25 V']),
  ];
  return {
    reason: `${side} foot: LOPS ruled out without ${lacking.join(' and ')}`,
    toSettle: [...(monofilamentNormal ? [] : [`feet.${ctx.side}.monofilament`]), ...(vibrationNormal ? [] : [`feet.${ctx.side}.vibration`])],
  };
}

/** Person-level LOPS over the feet that exist. */
export function personLops(feet: readonly { ctx: FootContext; sensation: FootSensation }[]): Conclusion {
  return combineFeet(
    'LOPS',
    feet.filter((f) => f.ctx.role !== 'absent').map((f) => ({ side: f.ctx.side, conclusion: f.sensation.lops })),
  );
}
