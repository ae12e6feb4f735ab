import type { Assessment } from '#shared/clinical/assessment';
import { sideLabel } from '#shared/clinical/protocols';
import type { Findings, Side } from '#shared/domain/findings';
import { sides } from '#shared/domain/findings';

/** One line of the review: what was recorded, in words, and where to change it. */
export interface SummaryLine {
  label: string;
  text: string;
  path: string;
}

const yes = (v: boolean | undefined): string => (v === undefined ? 'not recorded' : v ? 'yes' : 'no');

function footLines(side: Side, findings: Findings, assessment: Assessment): SummaryLine[] {
  const foot = findings.feet[side];
  const a = assessment.perFoot[side];
  const name = sideLabel(side);
  if (a.role !== 'examined') {
    return [{ label: `${name} foot`, text: a.role === 'absent' ? `absent${foot.statusReason ? ` (${foot.statusReason})` : ''}` : (a.notExaminedBecause ?? 'not examined'), path: 'examStatus' }];
  }
  const sites = [...a.monofilament.sites, ...a.touchTest.sites];
  const felt = sites.filter((s) => s.state === 'felt').length;
  const notFelt = sites.filter((s) => s.state === 'not_felt');
  const notTested = sites.filter((s) => s.state === 'not_tested').length;
  const pending = sites.filter((s) => s.state === 'pending').length;
  const sensation = sites.length === 0 ? 'not recorded' : `${felt} felt, ${notFelt.length} not felt${notFelt.length ? ` (${notFelt.map((s) => s.name).join(', ')})` : ''}${notTested ? `, ${notTested} not tested` : ''}${pending ? `, ${pending} not finished` : ''}`;
  const pulses = foot.pulses ?? {};
  const skinItems = (['activeUlcer', 'infection', 'gangrene', 'callus', 'fissures', 'dryness'] as const).filter((k) => foot.skin?.[k] === true);
  const skinRecorded = foot.skin !== undefined && Object.keys(foot.skin).length > 0;
  const words: Record<(typeof skinItems)[number], string> = { activeUlcer: 'active ulcer', infection: 'infection', gangrene: 'gangrene', callus: 'callus', fissures: 'fissures', dryness: 'dry skin' };
  return [
    { label: `${name} sensation`, text: sensation, path: `feet.${side}.monofilament` },
    { label: `${name} vibration`, text: a.vibration.explanation, path: `feet.${side}.vibration` },
    {
      label: `${name} circulation`,
      text: `dorsalis pedis ${pulses.dorsalisPedis?.replace('_', ' ') ?? 'not recorded'}, posterior tibial ${pulses.posteriorTibial?.replace('_', ' ') ?? 'not recorded'}${foot.abi !== null && foot.abi !== undefined ? `, ABI ${foot.abi}` : ''}${foot.tbi !== null && foot.tbi !== undefined ? `, TBI ${foot.tbi}` : ''}`,
      path: `feet.${side}.pulses`,
    },
    { label: `${name} skin`, text: !skinRecorded ? 'not recorded' : skinItems.length === 0 ? 'no problems' : skinItems.map((k) => words[k]).join(', '), path: `feet.${side}.skin` },
    {
      label: `${name} deformity`,
      text: foot.deformity?.present === undefined ? 'not recorded' : foot.deformity.present ? (foot.deformity.types ?? []).join(', ') || 'yes' : 'none',
      path: `feet.${side}.deformity`,
    },
  ];
}

export function summariseFindings(findings: Findings, assessment: Assessment): SummaryLine[] {
  const h = findings.history ?? {};
  const s = findings.symptoms ?? {};
  const presentFlags = assessment.redFlags.present;
  return [
    ...sides.flatMap((side) => footLines(side, findings, assessment)),
    {
      label: 'History',
      text: `previous ulcer ${yes(h.previousUlcer)}; amputation ${h.previousAmputation ?? 'not recorded'}; end-stage renal disease ${yes(h.endStageRenalDisease)}; dialysis ${yes(h.onDialysis)}`,
      path: 'history.previousUlcer',
    },
    {
      label: 'Symptoms',
      text: `neuropathic ${yes(s.neuropathic)}; claudication ${yes(s.claudication)}; rest pain ${yes(s.restPain)}; red flags: ${presentFlags.length ? presentFlags.join(', ') : assessment.redFlags.notRecorded.length ? 'not all recorded' : 'none'}`,
      path: 'symptoms.neuropathic',
    },
  ];
}
