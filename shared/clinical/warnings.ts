import type { Findings, FootFindings, Side } from '../domain/findings';
import type { Facts } from './facts';
import type { FootContext } from './footContext';
import type { FootSensation } from './lops';
import {
  abiIsNormal,
  abiPadBelow,
  abiUnreliableAbove,
  tbiBorderlineBelow,
  tbiPadBelow,
  toePressurePadBelow,
  vascularReading,
} from './pad';
import { sideLabel } from './protocols';
import { redFlagLabels, type RedFlagSummary } from './redFlags';

/**
 * Consistency warnings: contradictions and gaps a careful clinician would catch, and the
 * warnings the reference's conventions ask for. Each names the finding paths involved.
 */

export const warningIds = [
  'exam-not-performed',
  'foot-not-examined',
  'results-on-not-examined-foot',
  'results-on-absent-foot',
  'no-feet-present',
  'absent-foot-without-amputation-history',
  'major-amputation-both-feet-present',
  'no-sensory-test',
  'answers-pending',
  'sham-answered-yes',
  'vibration-answers-conflict',
  'vibration-proximal-site',
  'palpable-pulses-low-abi',
  'abi-non-compressible',
  'single-non-palpable-pulse',
  'claudication-without-index',
  'rest-pain-palpable-pulses',
  'borderline-tbi',
  'toe-pressure-low',
  'toe-pressures-differ',
  'history-without-lops-or-pad',
  'esrd-not-on-renal-replacement',
  'dialysis-without-esrd',
  'listed-but-not-ticked',
  'hot-swollen-foot',
  'red-flags-not-recorded',
] as const;
export type WarningId = (typeof warningIds)[number];

export interface ClinicalWarning {
  id: WarningId;
  message: string;
  findings: string[];
}

/** What each warning is about and where it comes from (printed in docs/clinical-rules.md). */
export const warningCatalogue: Readonly<Record<WarningId, { title: string; source: string }>> = {
  'exam-not-performed': { title: 'The examination was declined or unsuitable', source: 'D8' },
  'foot-not-examined': { title: 'A foot was declined or unsuitable for examination', source: 'D8' },
  'results-on-not-examined-foot': { title: 'Results recorded on a foot marked not examined (not used)', source: 'D8' },
  'results-on-absent-foot': { title: 'Results recorded on a foot marked absent (not used)', source: 'Absent feet are not evaluated' },
  'no-feet-present': { title: 'Both feet absent: nothing to screen', source: 'D13' },
  'absent-foot-without-amputation-history': {
    title: 'A foot is recorded absent but the history says no amputation: counted as a major amputation',
    source: 'Decision 1',
  },
  'major-amputation-both-feet-present': { title: 'Major amputation recorded but both feet present', source: 'Consistency check' },
  'no-sensory-test': { title: 'No sensory test recorded on a foot, so LOPS cannot be decided', source: 'Decision 2' },
  'answers-pending': { title: 'Raw answers at a site are not complete (2 real + 1 sham needed)', source: 'IWGDF 2023 monofilament procedure; D1' },
  'sham-answered-yes': { title: 'A sham application was answered "yes"', source: 'IWGDF 2023 monofilament procedure (a sham answered "yes" is a wrong answer)' },
  'vibration-answers-conflict': { title: 'Recorded fork result contradicts its raw answers', source: 'D12' },
  'vibration-proximal-site': { title: 'Vibration recorded proximally without a toe result', source: 'D5' },
  'palpable-pulses-low-abi': {
    title: 'Palpable pedal pulses with ABI below 0.9',
    source: 'A palpable pulse does not exclude PAD; ABI below 0.9 is PAD (WOCN ABI protocol)',
  },
  'abi-non-compressible': { title: 'ABI above 1.3 (non-compressible arteries): record a TBI or Doppler waveforms', source: 'Decision 4; Suominen 2008' },
  'single-non-palpable-pulse': { title: 'One pedal pulse not palpable and no ABI/TBI: measure ABI or TBI', source: 'Decision 3' },
  'claudication-without-index': { title: 'Claudication or rest pain with palpable pulses and no ABI, TBI or waveform: measure ABI or TBI', source: 'Decision 7' },
  'rest-pain-palpable-pulses': {
    title: 'Rest pain with palpable pulses: if the pain is ischaemic, arrange an urgent vascular assessment',
    source: 'Decision 7',
  },
  'borderline-tbi': { title: 'TBI 0.70-0.74: borderline (PAD by the IWGDF 2019 cut-off of 0.75)', source: 'Decision 9; IWGDF 2023 and 2019' },
  'toe-pressure-low': {
    title: 'Toe pressure below 30 mmHg: PAD; arrange an urgent vascular assessment',
    source: 'Decision 9; IWGDF/ESVS/SVS 2023',
  },
  'toe-pressures-differ': { title: 'Two different toe pressures recorded on a foot; the lower is used', source: 'D15' },
  'history-without-lops-or-pad': {
    title: 'Ulcer/amputation history or ESRD without LOPS or PAD: IWGDF 0 only if both are ruled out firmly',
    source: 'Decision 5',
  },
  'esrd-not-on-renal-replacement': {
    title: 'ESRD without dialysis or transplant: IWGDF and NICE differ',
    source: 'NICE NG19 counts renal replacement therapy, not ESRD',
  },
  'dialysis-without-esrd': { title: 'On dialysis but ESRD recorded as no', source: 'D6' },
  'listed-but-not-ticked': { title: 'A lesion site or deformity type is listed but its yes/no item says no', source: 'D10' },
  'hot-swollen-foot': {
    title: 'Hot swollen foot: acute Charcot until proven otherwise; ischaemia can look the same',
    source: 'iatrox.com; pulsetoday.co.uk; a critically ischaemic foot can be hot, red and swollen (northeast.devonformularyguidance.nhs.uk, the hot red foot)',
  },
  'red-flags-not-recorded': { title: 'Red-flag questions not recorded', source: 'Red flags of an atypical neuropathy (medvellum.com; hospitalhandbook.ucsf.edu)' },
};

export interface FootForWarnings {
  ctx: FootContext;
  sensation: FootSensation | null;
}

export interface WarningInput {
  findings: Findings;
  feet: readonly FootForWarnings[];
  facts: Facts;
  redFlags: RedFlagSummary;
}

/** Paths of results recorded on a foot (not-tested entries are not results). */
export function recordedResults(foot: FootFindings, side: Side, includeActiveSigns: boolean): string[] {
  const base = `feet.${side}`;
  const paths: string[] = [];
  for (const [key, value] of Object.entries(foot.monofilament?.sites ?? {})) {
    if (value !== undefined && value !== 'not_tested' && !(typeof value === 'object' && 'result' in value)) {
      paths.push(`${base}.monofilament.sites.${key}`);
    }
  }
  for (const [key, value] of Object.entries(foot.touchTest?.sites ?? {})) {
    if (value === 'felt' || value === 'not_felt') paths.push(`${base}.touchTest.sites.${key}`);
  }
  const v = foot.vibration;
  if (v && ((v.result !== undefined && v.result !== 'not_tested') || (v.method === 'vpt' ? v.voltage !== null : (v.applications?.length ?? 0) > 0))) {
    paths.push(`${base}.vibration`);
  }
  if (foot.pulses?.dorsalisPedis === 'palpable' || foot.pulses?.dorsalisPedis === 'not_palpable') paths.push(`${base}.pulses.dorsalisPedis`);
  if (foot.pulses?.posteriorTibial === 'palpable' || foot.pulses?.posteriorTibial === 'not_palpable') paths.push(`${base}.pulses.posteriorTibial`);
  if (foot.abi !== undefined && foot.abi !== null) paths.push(`${base}.abi`);
  if (foot.tbi !== undefined && foot.tbi !== null) paths.push(`${base}.tbi`);
  if (foot.skin?.callus === true) paths.push(`${base}.skin.callus`);
  if (foot.skin?.fissures === true) paths.push(`${base}.skin.fissures`);
  if (foot.skin?.dryness === true) paths.push(`${base}.skin.dryness`);
  if (foot.deformity?.present === true) paths.push(`${base}.deformity.present`);
  for (const item of ['ankleReflex', 'pinPrick', 'temperature'] as const) {
    const value = foot[item];
    if (value !== undefined && value !== 'not_tested') paths.push(`${base}.${item}`);
  }
  if (includeActiveSigns) {
    for (const item of ['activeUlcer', 'infection', 'gangrene'] as const) {
      if (foot.skin?.[item] === true) paths.push(`${base}.skin.${item}`);
    }
    if (foot.activeCharcot === true) paths.push(`${base}.activeCharcot`);
    if (foot.hotSwollen === true) paths.push(`${base}.hotSwollen`);
    if (foot.criticalIschaemia === true) paths.push(`${base}.criticalIschaemia`);
  }
  return paths;
}

function footStatusWarnings(input: WarningInput): ClinicalWarning[] {
  const out: ClinicalWarning[] = [];
  const { findings } = input;
  const exam = findings.examStatus ?? 'performed';
  if (exam !== 'performed') {
    const reason = findings.examStatusReason ? ` (${findings.examStatusReason})` : '';
    out.push({
      id: 'exam-not-performed',
      message: `Examination ${exam}${reason}: the feet were not examined, so the categories rest on the history and stay incomplete until the feet are examined.`,
      findings: ['examStatus'],
    });
  }
  for (const { ctx } of input.feet) {
    const side = sideLabel(ctx.side);
    if (ctx.role === 'absent') {
      const ignored = recordedResults(ctx.foot, ctx.side, true);
      if (ignored.length > 0) {
        out.push({
          id: 'results-on-absent-foot',
          message: `${side} foot is recorded as absent but has results recorded; they are not used. Check the foot status.`,
          findings: [`feet.${ctx.side}.status`, ...ignored],
        });
      }
      if (findings.history?.previousAmputation === 'none') {
        out.push({
          id: 'absent-foot-without-amputation-history',
          message: `${side} foot is recorded as absent but the history says no amputation; it is counted as a major amputation (decision 1). Check the amputation history.`,
          findings: [`feet.${ctx.side}.status`, 'history.previousAmputation'],
        });
      }
    } else if (ctx.role === 'not_examined') {
      if (exam === 'performed') {
        out.push({
          id: 'foot-not-examined',
          message: `${ctx.notExaminedBecause ?? `${side} foot not examined`}: its LOPS and PAD are unknown.`,
          findings: [`feet.${ctx.side}.status`],
        });
      }
      const ignored = recordedResults(ctx.foot, ctx.side, false);
      if (ignored.length > 0) {
        out.push({
          id: 'results-on-not-examined-foot',
          message: `${side} foot is marked as not examined but has examination results recorded; they are not used (recorded signs of active disease still count). Check the status.`,
          findings: [exam === 'performed' ? `feet.${ctx.side}.status` : 'examStatus', ...ignored],
        });
      }
    }
  }
  if (input.feet.every((f) => f.ctx.role === 'absent')) {
    out.push({
      id: 'no-feet-present',
      message: 'Both feet are recorded as absent: there is no foot to screen. LOPS and PAD are reported as "no" because there is nothing to evaluate.',
      findings: ['feet.right.status', 'feet.left.status'],
    });
  }
  if (findings.history?.previousAmputation === 'major' && input.feet.every((f) => f.ctx.foot.status !== 'absent')) {
    out.push({
      id: 'major-amputation-both-feet-present',
      message: 'A major amputation is recorded but neither foot is recorded as absent. Check the amputation level or the foot status.',
      findings: ['history.previousAmputation', 'feet.right.status', 'feet.left.status'],
    });
  }
  return out;
}

function sensationWarnings(foot: FootForWarnings): ClinicalWarning[] {
  const { ctx, sensation } = foot;
  if (ctx.role !== 'examined' || sensation === null) return [];
  const out: ClinicalWarning[] = [];
  const side = sideLabel(ctx.side);
  const anyResult =
    sensation.sites.some((r) => r.site.state === 'felt' || r.site.state === 'not_felt') ||
    sensation.touchSites.some((r) => r.site.state === 'felt' || r.site.state === 'not_felt') ||
    ['normal', 'reduced', 'absent', 'abnormal'].includes(sensation.vibration.state);
  if (!anyResult) {
    out.push({
      id: 'no-sensory-test',
      message: `${side} foot: no sensory test result recorded (monofilament, vibration or Ipswich Touch Test), so LOPS cannot be decided.`,
      findings: [`feet.${ctx.side}.monofilament`, `feet.${ctx.side}.vibration`],
    });
  }
  for (const r of [...sensation.sites, ...sensation.touchSites]) {
    if (r.site.state === 'pending' && r.site.answers !== null) {
      out.push({ id: 'answers-pending', message: `${side} ${r.name}: ${r.site.explanation}.`, findings: [r.path] });
    }
    if (r.site.answers !== null && r.site.answers.shamAnsweredYes > 0) {
      out.push({
        id: 'sham-answered-yes',
        message: `${side} ${r.name}: a sham application was answered "yes" (the patient may be guessing); it counts as a wrong answer.`,
        findings: [r.path],
      });
    }
  }
  const v = sensation.vibration;
  const vPath = `feet.${ctx.side}.vibration`;
  if (v.answers !== null && v.state === 'pending') {
    out.push({ id: 'answers-pending', message: `${side} foot: ${v.explanation}.`, findings: [`${vPath}.applications`] });
  }
  if (v.answers !== null && v.answers.shamAnsweredYes > 0) {
    out.push({
      id: 'sham-answered-yes',
      message: `${side} foot, 128 Hz fork: a mock application was answered "yes"; it counts as a wrong answer.`,
      findings: [`${vPath}.applications`],
    });
  }
  if (v.conflict) {
    out.push({
      id: 'vibration-answers-conflict',
      message: `${side} foot: the recorded 128 Hz fork result contradicts its raw answers; the more abnormal is used (${v.state}). Check the record.`,
      findings: [`${vPath}.result`, `${vPath}.applications`],
    });
  }
  if (!v.atToe && v.state !== 'absent') {
    out.push({
      id: 'vibration-proximal-site',
      message: `${side} foot: vibration recorded at a proximal site (${v.state}); the fork starts at the hallux. Record the result at the toe.`,
      findings: [`${vPath}.site`],
    });
  }
  return out;
}

function vascularWarnings(foot: FootForWarnings, findings: Findings): ClinicalWarning[] {
  const { ctx } = foot;
  if (ctx.role !== 'examined') return [];
  const out: ClinicalWarning[] = [];
  const side = sideLabel(ctx.side);
  const base = `feet.${ctx.side}`;
  const v = vascularReading(ctx.foot, base);
  const { dp, pt, abi, tbi } = v;
  const bothPalpable = dp === 'palpable' && pt === 'palpable';
  if (bothPalpable && abi !== null && abi < abiPadBelow) {
    out.push({
      id: 'palpable-pulses-low-abi',
      message: `${side} foot: both pedal pulses palpable but ABI ${abi} is below ${abiPadBelow}. PAD is taken as present (a palpable pulse does not exclude PAD); check the measurement.`,
      findings: [`${base}.pulses.dorsalisPedis`, `${base}.pulses.posteriorTibial`, `${base}.abi`],
    });
  }
  if (v.abiHigh) {
    const settled = (tbi !== null && tbi >= tbiPadBelow) || v.normalWaveforms.length > 0;
    out.push({
      id: 'abi-non-compressible',
      message: `${side} foot: ABI ${abi} is above ${abiUnreliableAbove}, suggesting non-compressible (calcified) arteries; it neither proves nor excludes PAD (decision 4). ${
        settled ? 'The TBI or Doppler waveform recorded is used instead.' : 'Record a toe-brachial index (TBI) or Doppler waveforms.'
      }`,
      findings: [`${base}.abi`],
    });
  }
  const single = (dp === 'not_palpable' && pt === 'palpable') || (dp === 'palpable' && pt === 'not_palpable');
  const padSign = (abi !== null && abi < abiPadBelow) || (tbi !== null && tbi < tbiPadBelow) || v.abnormalWaveforms.length > 0 || (v.toePressure !== null && v.toePressure.value < toePressurePadBelow);
  const settled = abiIsNormal(abi) || (tbi !== null && tbi >= tbiPadBelow) || padSign;
  if (single && !settled && ctx.foot.criticalIschaemia !== true) {
    out.push({
      id: 'single-non-palpable-pulse',
      message: `${side} foot: one pedal pulse is not palpable and there is no usable ABI or TBI, so PAD is not decided (decision 3). Measure ABI or TBI.`,
      findings: [`${base}.pulses.${dp === 'not_palpable' ? 'dorsalisPedis' : 'posteriorTibial'}`, `${base}.abi`, `${base}.tbi`],
    });
  }
  const symptomPaths = [
    ...(findings.symptoms?.claudication === true ? ['symptoms.claudication'] : []),
    ...(findings.symptoms?.restPain === true ? ['symptoms.restPain'] : []),
  ];
  if (symptomPaths.length > 0 && bothPalpable && !v.normalIndex && !padSign && !v.abiHigh) {
    out.push({
      id: 'claudication-without-index',
      message: `${side} foot: ${findings.symptoms?.restPain === true ? 'rest pain' : 'claudication'} recorded with palpable pedal pulses and no ABI, TBI or Doppler waveform. A palpable pulse does not exclude PAD, so PAD is not decided (decision 7): measure ABI or TBI.`,
      findings: [...symptomPaths, `${base}.pulses.dorsalisPedis`, `${base}.pulses.posteriorTibial`],
    });
  }
  if (findings.symptoms?.restPain === true && bothPalpable) {
    out.push({
      id: 'rest-pain-palpable-pulses',
      message: `${side} foot: rest pain with palpable pedal pulses. If the pain is ischaemic, arrange an urgent vascular assessment (decision 7).`,
      findings: ['symptoms.restPain', `${base}.pulses.dorsalisPedis`, `${base}.pulses.posteriorTibial`],
    });
  }
  if (tbi !== null && tbi >= tbiPadBelow && tbi < tbiBorderlineBelow) {
    out.push({
      id: 'borderline-tbi',
      message: `${side} foot: TBI ${tbi} is borderline (0.70-0.74): normal by the IWGDF 2023 cut-off of 0.70, PAD by the 2019 cut-off of 0.75 (decision 9). Consider Doppler waveforms or a repeat measurement.`,
      findings: [`${base}.tbi`],
    });
  }
  if (v.toePressure !== null && v.toePressure.value < toePressurePadBelow) {
    out.push({
      id: 'toe-pressure-low',
      message: `${side} foot: toe pressure ${v.toePressure.value} mmHg is below ${toePressurePadBelow} mmHg: PAD. Arrange an urgent vascular assessment (decision 9).`,
      findings: [v.toePressure.path],
    });
  }
  const toe = ctx.foot.toePressure ?? null;
  const toeBehindTbi = ctx.foot.pressures?.toe ?? null;
  if (toe !== null && toeBehindTbi !== null && toe !== toeBehindTbi) {
    out.push({
      id: 'toe-pressures-differ',
      message: `${side} foot: two toe pressures are recorded (${toe} and ${toeBehindTbi} mmHg); the lower is used (D15). Check the record.`,
      findings: [`${base}.toePressure`, `${base}.pressures.toe`],
    });
  }
  if (ctx.foot.hotSwollen === true) {
    out.push({
      id: 'hot-swollen-foot',
      message: `${side} foot is hot and swollen: treat as acute Charcot until proven otherwise (offload, refer urgently). A critically ischaemic foot can also be hot, red and swollen and be mistaken for infection.`,
      findings: [`${base}.hotSwollen`],
    });
  }
  const listed: string[] = [];
  if ((ctx.foot.deformity?.types?.length ?? 0) > 0 && ctx.foot.deformity?.present === false) listed.push(`${base}.deformity.types`);
  if ((ctx.foot.skin?.callusSites?.length ?? 0) > 0 && ctx.foot.skin?.callus === false) listed.push(`${base}.skin.callusSites`);
  if ((ctx.foot.skin?.ulcerSites?.length ?? 0) > 0 && ctx.foot.skin?.activeUlcer === false) listed.push(`${base}.skin.ulcerSites`);
  if ((ctx.foot.skin?.fissureSites?.length ?? 0) > 0 && ctx.foot.skin?.fissures === false) listed.push(`${base}.skin.fissureSites`);
  if (listed.length > 0) {
    out.push({
      id: 'listed-but-not-ticked',
      message: `${side} foot: a site or type is listed but its yes/no item says no; it is counted as present. Correct the record.`,
      findings: listed,
    });
  }
  return out;
}

function personWarnings(input: WarningInput): ClinicalWarning[] {
  const out: ClinicalWarning[] = [];
  const { findings, facts } = input;
  const history = findings.history ?? {};
  const historyPaths = (['previousUlcer', 'previousAmputation', 'endStageRenalDisease'] as const).flatMap((id) =>
    facts[id].value === true ? facts[id].findings : [],
  );
  if (historyPaths.length > 0 && facts.lops.value === false && facts.pad.value === false) {
    const weak = [facts.lops.weak, facts.pad.weak].filter((w) => w !== undefined);
    out.push({
      id: 'history-without-lops-or-pad',
      message:
        weak.length === 0
          ? 'Ulcer or amputation history, or ESRD, without LOPS or PAD (both ruled out firmly): IWGDF category 0 as the table is written, but this history calls for closer follow-up (NICE counts ulcer and amputation history, and renal replacement therapy).'
          : `Ulcer or amputation history, or ESRD, with LOPS and PAD not both ruled out firmly: IWGDF is not decided (0 or 3) until they are (decision 5). ${weak.map((w) => w.reason).join('; ')}.`,
      findings: historyPaths,
    });
  }
  if (facts.endStageRenalDisease.value === true && facts.renalReplacementTherapy.value === false) {
    out.push({
      id: 'esrd-not-on-renal-replacement',
      message:
        'End-stage renal disease without dialysis or a kidney transplant: IWGDF counts ESRD, NICE NG19 counts renal replacement therapy only, so the two may differ.',
      findings: [...facts.endStageRenalDisease.findings, 'history.onDialysis'],
    });
  }
  if (history.onDialysis === true && history.endStageRenalDisease === false) {
    out.push({
      id: 'dialysis-without-esrd',
      message: 'On dialysis but end-stage renal disease is recorded as no: dialysis is taken as ESRD. Correct the record.',
      findings: ['history.onDialysis', 'history.endStageRenalDisease'],
    });
  }
  const missing = input.redFlags.notRecorded;
  if (missing.length > 0) {
    out.push({
      id: 'red-flags-not-recorded',
      message: `Red flags not recorded: ${missing.map((id) => redFlagLabels[id].toLowerCase()).join(', ')}.`,
      findings: missing.map((id) => `redFlags.${id}`),
    });
  }
  return out;
}

export function consistencyWarnings(input: WarningInput): ClinicalWarning[] {
  return [
    ...footStatusWarnings(input),
    ...input.feet.flatMap((f) => [...sensationWarnings(f), ...vascularWarnings(f, input.findings)]),
    ...personWarnings(input),
  ];
}
