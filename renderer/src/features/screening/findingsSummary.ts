import type { Assessment } from '#shared/clinical/assessment';
import { sideLabel } from '#shared/clinical/protocols';
import { redFlagLabels } from '#shared/clinical/redFlags';
import { mnsiExamMeaning, ndsBandMeaning, scoreMnsiQuestionnaire, mnsiQuestions } from '#shared/clinical/scores/mnsiQuestionnaire';
import type { Findings, FootFindings, Side } from '#shared/domain/findings';
import { sides } from '#shared/domain/findings';
import { amputationLabels, selfCareLabels, smokingLabels, ulcerSideLabels } from './model/carryForward';

/** One line of the review: what was recorded, in words, and where to change it. */
export interface SummaryLine {
  label: string;
  text: string;
  path: string;
}

const yes = (v: boolean | undefined): string => (v === undefined ? 'not recorded' : v ? 'yes' : 'no');
const words = (v: string): string => v.replace('_', ' ');

/** "dorsalis pedis triphasic, posterior tibial not recorded; toe pressure 45 mmHg", or null when none was recorded. */
export function vascularWords(foot: FootFindings): string | null {
  const w = foot.waveforms;
  const parts: string[] = [];
  if (w?.dorsalisPedis !== undefined || w?.posteriorTibial !== undefined) {
    parts.push(`Doppler waveform: dorsalis pedis ${w.dorsalisPedis ? words(w.dorsalisPedis) : 'not recorded'}, posterior tibial ${w.posteriorTibial ? words(w.posteriorTibial) : 'not recorded'}`);
  }
  if (foot.toePressure !== null && foot.toePressure !== undefined) parts.push(`toe pressure ${foot.toePressure} mmHg`);
  return parts.length ? parts.join('; ') : null;
}

/** Colour, temperature, oedema and nails of a foot in words, or null when none was recorded. */
export function appearanceWords(foot: FootFindings): string | null {
  const parts: string[] = [];
  if (foot.colour) parts.push(`colour ${foot.colour === 'cyanosed' ? 'blue (cyanosed)' : foot.colour}`);
  if (foot.warmth) parts.push(`temperature ${foot.warmth === 'normal' ? 'normal' : foot.warmth === 'warm' ? 'warmer than the other foot' : 'colder than the other foot'}`);
  if (foot.oedema !== undefined) parts.push(`oedema ${yes(foot.oedema)}`);
  const n = foot.nails;
  if (n) {
    const problems = (['thickened', 'ingrown', 'fungal'] as const).filter((k) => n[k] === true);
    const recorded = (['thickened', 'ingrown', 'fungal'] as const).some((k) => n[k] !== undefined);
    if (recorded) parts.push(`nails ${problems.length ? problems.map((k) => (k === 'fungal' ? 'fungal infection suspected' : k)).join(', ') : 'no problems'}`);
    if (n.note) parts.push(`nail note: ${n.note}`);
  }
  return parts.length ? parts.join('; ') : null;
}

/** Ankle reflex, pin-prick and temperature sense at the toe, or null when none was recorded. */
export function neurologyWords(foot: FootFindings): string | null {
  if (foot.ankleReflex === undefined && foot.pinPrick === undefined && foot.temperature === undefined) return null;
  const reflex = foot.ankleReflex === 'reinforcement' ? 'present with reinforcement' : foot.ankleReflex ? words(foot.ankleReflex) : 'not recorded';
  return `ankle reflex ${reflex}; pin-prick ${foot.pinPrick ? words(foot.pinPrick) : 'not recorded'}; temperature sense ${foot.temperature ? words(foot.temperature) : 'not recorded'}`;
}

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
  const skinItems = (['activeUlcer', 'infection', 'gangrene', 'callus', 'fissures', 'dryness', 'interdigitalMaceration', 'preUlcerativeLesion'] as const).filter((k) => foot.skin?.[k] === true);
  const skinRecorded = foot.skin !== undefined && Object.keys(foot.skin).length > 0;
  const skinWords: Record<(typeof skinItems)[number], string> = {
    activeUlcer: 'active ulcer',
    infection: 'infection',
    gangrene: 'gangrene',
    callus: 'callus',
    fissures: 'fissures',
    dryness: 'dry skin',
    interdigitalMaceration: 'maceration between the toes',
    preUlcerativeLesion: 'pre-ulcerative lesion',
  };
  const ulcer = foot.skin?.ulcerDescription ? ` (ulcer: ${foot.skin.ulcerDescription})` : '';
  const vascular = vascularWords(foot);
  const appearance = appearanceWords(foot);
  const neurology = neurologyWords(foot);
  return [
    { label: `${name} sensation`, text: sensation, path: `feet.${side}.monofilament` },
    { label: `${name} vibration`, text: a.vibration.explanation, path: `feet.${side}.vibration` },
    {
      label: `${name} circulation`,
      text: `dorsalis pedis ${pulses.dorsalisPedis?.replace('_', ' ') ?? 'not recorded'}, posterior tibial ${pulses.posteriorTibial?.replace('_', ' ') ?? 'not recorded'}${foot.abi !== null && foot.abi !== undefined ? `, ABI ${foot.abi}` : ''}${foot.tbi !== null && foot.tbi !== undefined ? `, TBI ${foot.tbi}` : ''}${vascular ? `; ${vascular}` : ''}`,
      path: `feet.${side}.pulses`,
    },
    ...(neurology ? [{ label: `${name} reflex and sensation`, text: neurology, path: `feet.${side}.ankleReflex` }] : []),
    {
      label: `${name} skin`,
      text: !skinRecorded ? 'not recorded' : skinItems.length === 0 ? `no problems${ulcer}` : `${skinItems.map((k) => skinWords[k]).join(', ')}${ulcer}`,
      path: `feet.${side}.skin`,
    },
    ...(appearance ? [{ label: `${name} colour, temperature, nails`, text: appearance, path: `feet.${side}.colour` }] : []),
    {
      label: `${name} deformity`,
      text: foot.deformity?.present === undefined ? 'not recorded' : foot.deformity.present ? (foot.deformity.types ?? []).join(', ') || 'yes' : 'none',
      path: `feet.${side}.deformity`,
    },
  ];
}

/** The MNSI questionnaire in words: the score against the published cut-offs and the "yes" answers. */
export function questionnaireWords(findings: Findings): string | null {
  const q = findings.mnsiQuestionnaire;
  if (q === undefined) return null;
  const score = scoreMnsiQuestionnaire(q);
  const yesTo = mnsiQuestions.filter((m) => q[m.key] === true).map((m) => m.number);
  const result = score.meaning ?? (score.answered === 0 ? 'not answered' : `incomplete (${score.points} so far; unanswered: ${score.unansweredScored.join(', ')})`);
  return `${result}${score.answered > 0 ? `; “yes” to ${yesTo.length ? yesTo.join(', ') : 'none'}` : ''}`;
}

/** The neuropathy scores with their bands in words. */
export function neuropathyScoreWords(assessment: Assessment): string {
  const { mnsiExam, nds } = assessment.scores;
  const mnsi = mnsiExam.total === null ? 'not calculated (items missing)' : mnsiExamMeaning(mnsiExam.total, mnsiExam.max, mnsiExam.cutOff);
  const ndsText = nds.total === null || nds.band === null ? 'not calculated (items missing)' : `${nds.total} of ${nds.max}, ${ndsBandMeaning[nds.band]}`;
  return `MNSI examination ${mnsi}; NDS ${ndsText}`;
}

function historyWords(findings: Findings): string {
  const h = findings.history ?? {};
  const ulcerDetail = [h.previousUlcerSide ? ulcerSideLabels[h.previousUlcerSide].toLowerCase() : null, h.previousUlcerDate ?? null].filter(Boolean).join(', ');
  const parts = [
    `previous ulcer ${yes(h.previousUlcer)}${ulcerDetail ? ` (${ulcerDetail})` : ''}`,
    `amputation ${h.previousAmputation ? amputationLabels[h.previousAmputation].toLowerCase() : 'not recorded'}`,
    `end-stage renal disease ${yes(h.endStageRenalDisease)}`,
    `dialysis ${yes(h.onDialysis)}`,
  ];
  if (h.kidneyTransplant !== undefined) parts.push(`kidney transplant ${yes(h.kidneyTransplant)}`);
  if (h.underVascularClinic !== undefined) parts.push(`under a vascular clinic ${yes(h.underVascularClinic)}`);
  if (h.previousVascularIntervention !== undefined) parts.push(`previous vascular surgery or angioplasty ${yes(h.previousVascularIntervention)}`);
  if (h.smoking) parts.push(smokingLabels[h.smoking].toLowerCase());
  return parts.join('; ');
}

function selfCareWords(findings: Findings): string | null {
  const c = findings.selfCare;
  if (!c || Object.keys(c).length === 0) return null;
  const parts: string[] = [];
  if (c.ability) parts.push(`looks after own feet: ${selfCareLabels[c.ability].toLowerCase()}`);
  if (c.canCutOwnNails !== undefined) parts.push(`cuts own toenails ${yes(c.canCutOwnNails)}`);
  if (c.impairedVision !== undefined) parts.push(`impaired vision ${yes(c.impairedVision)}`);
  if (c.livesAlone !== undefined) parts.push(`lives alone ${yes(c.livesAlone)}`);
  return parts.join('; ');
}

function outcomeLines(findings: Findings): SummaryLine[] {
  const o = findings.outcome;
  const lines: SummaryLine[] = [];
  const fw = findings.footwear;
  if (fw && (fw.assessment || fw.note)) lines.push({ label: 'Footwear', text: [fw.assessment ?? 'not assessed', fw.note].filter(Boolean).join(': '), path: 'footwear' });
  if (!o) return lines;
  if (o.actionTaken) lines.push({ label: 'Action taken', text: o.actionTaken, path: 'outcome.actionTaken' });
  if (o.comment) lines.push({ label: 'Comment', text: o.comment, path: 'outcome.comment' });
  const education = [
    o.educationVerbal !== undefined ? `advice in words ${yes(o.educationVerbal)}` : null,
    o.leafletGiven !== undefined ? `leaflet ${yes(o.leafletGiven)}` : null,
    o.emergencyContactsGiven !== undefined ? `emergency contacts ${yes(o.emergencyContactsGiven)}` : null,
  ].filter((x): x is string => x !== null);
  if (education.length) lines.push({ label: 'Education given', text: education.join('; '), path: 'outcome.educationVerbal' });
  return lines;
}

export function summariseFindings(findings: Findings, assessment: Assessment): SummaryLine[] {
  const s = findings.symptoms ?? {};
  const presentFlags = assessment.redFlags.present;
  const questionnaire = questionnaireWords(findings);
  const selfCare = selfCareWords(findings);
  const neurologyRecorded = questionnaire !== null || sides.some((side) => neurologyWords(findings.feet[side]) !== null);
  return [
    ...sides.flatMap((side) => footLines(side, findings, assessment)),
    ...(questionnaire ? [{ label: 'MNSI questionnaire', text: questionnaire, path: 'mnsiQuestionnaire' }] : []),
    ...(neurologyRecorded ? [{ label: 'Neuropathy scores', text: neuropathyScoreWords(assessment), path: 'mnsiQuestionnaire' }] : []),
    { label: 'History', text: historyWords(findings), path: 'history.previousUlcer' },
    ...(selfCare ? [{ label: 'Self-care', text: selfCare, path: 'selfCare' }] : []),
    {
      label: 'Symptoms',
      text: `neuropathic ${yes(s.neuropathic)}; claudication ${yes(s.claudication)}; rest pain ${yes(s.restPain)}; red flags: ${presentFlags.length ? presentFlags.map((id) => redFlagLabels[id].toLowerCase()).join(', ') : assessment.redFlags.notRecorded.length ? 'not all recorded' : 'none'}`,
      path: 'symptoms.neuropathic',
    },
    ...outcomeLines(findings),
  ];
}
