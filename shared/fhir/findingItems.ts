import type { Coding } from '@medplum/fhirtypes';
import {
  amputationLevels,
  ankleReflexResults,
  examStatuses,
  footStatuses,
  normalAbnormalResults,
  footColours,
  footWarmths,
  footwearAssessments,
  pulseResults,
  selfCareAbilities,
  smokingStatuses,
  ulcerSides,
  waveformResults,
} from '../domain/findings';
import { externalSystems } from './systems';

/**
 * The findings as FHIR Observations, as a table: one row per recorded item, saying where the item
 * is in the findings, which code it gets, how its value is written and on which body site. The
 * writer (findingObservations.ts) and the reader run over the same rows, so an item added here is
 * exported, imported and documented at once. Sensory tests with sites and raw answers
 * (monofilament, Ipswich Touch Test, vibration) have their own code because they nest.
 *
 * To add a finding, add one row (see the Doppler waveform and toe pressure rows below)
 * and give the new answer list a display in codeSystems.ts. A code, once sent, never changes meaning.
 */

/** Where on the body an item was observed; with the side it makes the body site code (`right.hallux`). */
export type BodySiteKey = string;

export type ValueSpec =
  | { kind: 'boolean' }
  /** One of the app's own answer lists (`codeSystem` under the app base); the codes are the findings' own values. */
  | { kind: 'code'; codeSystem: string; values: readonly string[] }
  /** A number with a UCUM unit; `nullable`: null (measured not, recorded as such) is written as data absent. */
  | { kind: 'quantity'; unit: string; ucum: string; nullable: boolean }
  /** A list of words (lesion sites, deformity types), one component each, in order. */
  | { kind: 'textList'; componentCode: string; componentDisplay: string }
  /** Free text in the clinician's words (a description, a comment), as `valueString`. */
  | { kind: 'text' };

export interface FindingItem {
  /** The code in the app's `finding` code system. Never reused for another meaning. */
  code: string;
  display: string;
  /** `foot`: per foot, path inside `feet.<side>`; `exam`: path inside the findings. */
  scope: 'foot' | 'exam';
  path: readonly string[];
  value: ValueSpec;
  /** Body site (foot scope only); default the whole foot. */
  site?: BodySiteKey;
  /** Codes from published terminologies that mean the same test, checked in docs/interop.md. */
  codings?: readonly Coding[];
  /** How the finding was obtained, when a checked code says it. */
  method?: Coding;
  /** A free-text companion kept in `Observation.note` (a reason). */
  notePath?: readonly string[];
}

export const boolean: ValueSpec = { kind: 'boolean' };
export const text: ValueSpec = { kind: 'text' };
export function codes(codeSystem: string, values: readonly string[]): ValueSpec {
  return { kind: 'code', codeSystem, values };
}
export function mmHg(nullable: boolean): ValueSpec {
  return { kind: 'quantity', unit: 'mmHg', ucum: 'mm[Hg]', nullable };
}
const ratio: ValueSpec = { kind: 'quantity', unit: 'ratio', ucum: '1', nullable: true };

/**
 * SNOMED CT ids seen in public sources (docs/interop.md says where). Public sources label these
 * ids differently ("Monofilament foot sensation test", "Diabetic foot exam"), so no display is
 * sent: the code is asserted, its preferred term is left to the terminology server, and the
 * Observation's own text says what was done.
 */
export const snomed = {
  monofilamentTest: { system: externalSystems.snomed, code: '134388005' },
  visualFootExam: { system: externalSystems.snomed, code: '401191002' },
  pulseFootExam: { system: externalSystems.snomed, code: '91161007' },
} as const satisfies Record<string, Coding>;

/** LOINC codes checked against the FHIR R4 definitions that ship with the app (vital signs value set). */
export const loinc = {
  systolicPressure: { system: externalSystems.loinc, code: '8480-6', display: 'Systolic blood pressure' },
} as const satisfies Record<string, Coding>;

function skin(key: string, display: string): FindingItem {
  return { code: `skin-${kebab(key)}`, display, scope: 'foot', path: ['skin', key], value: boolean, method: snomed.visualFootExam };
}
function sites(key: string, display: string): FindingItem {
  return {
    code: kebab(key),
    display,
    scope: 'foot',
    path: ['skin', key],
    value: { kind: 'textList', componentCode: 'lesion-site', componentDisplay: 'Where on the foot' },
    method: snomed.visualFootExam,
  };
}
function form(path: readonly string[], code: string, display: string, value: ValueSpec): FindingItem {
  return { code, display, scope: 'exam', path, value };
}
function history(group: 'history' | 'symptoms' | 'redFlags', key: string, code: string, display: string): FindingItem {
  return { code, display, scope: 'exam', path: [group, key], value: boolean };
}

export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export const findingItems: readonly FindingItem[] = [
  {
    code: 'exam-status',
    display: 'Examination performed, declined or unsuitable',
    scope: 'exam',
    path: ['examStatus'],
    value: codes('exam-status', examStatuses),
    notePath: ['examStatusReason'],
  },
  history('history', 'previousUlcer', 'history-previous-ulcer', 'History of foot ulcer'),
  {
    code: 'history-previous-amputation',
    display: 'History of lower-limb amputation (worse side)',
    scope: 'exam',
    path: ['history', 'previousAmputation'],
    value: codes('amputation-level', amputationLevels),
  },
  history('history', 'endStageRenalDisease', 'history-end-stage-renal-disease', 'End-stage renal disease'),
  history('history', 'onDialysis', 'history-on-dialysis', 'On dialysis'),
  history('history', 'kidneyTransplant', 'history-kidney-transplant', 'Functioning kidney transplant'),
  history('history', 'onMetformin', 'history-on-metformin', 'Taking metformin'),
  history('symptoms', 'neuropathic', 'symptom-neuropathic', 'Neuropathic symptoms (burning, tingling, numbness)'),
  history('symptoms', 'claudication', 'symptom-claudication', 'Intermittent claudication'),
  history('symptoms', 'restPain', 'symptom-rest-pain', 'Ischaemic rest pain'),
  history('redFlags', 'suddenOnset', 'red-flag-sudden-onset', 'Sudden onset or rapid progression of neuropathy'),
  history('redFlags', 'rapidSpread', 'red-flag-rapid-spread', 'Rapid spread of symptoms'),
  history('redFlags', 'markedAsymmetry', 'red-flag-marked-asymmetry', 'Marked asymmetry of neuropathy'),
  history('redFlags', 'motorWeakness', 'red-flag-motor-weakness', 'Motor-predominant weakness or foot drop'),
  history('redFlags', 'weightLoss', 'red-flag-weight-loss', 'Unexplained weight loss'),

  form(['history', 'previousUlcerSide'], 'previous-ulcer-side', 'Side of the previous foot ulcer', codes('ulcer-side', ulcerSides)),
  form(['history', 'previousUlcerDate'], 'previous-ulcer-date', 'When the previous foot ulcer was (year or year-month)', text),
  history('history', 'underVascularClinic', 'under-vascular-clinic', 'Under a vascular clinic'),
  history('history', 'previousVascularIntervention', 'previous-vascular-intervention', 'Previous vascular surgery or angioplasty to the legs'),
  form(['history', 'smoking'], 'smoking', 'Smoking', codes('smoking', smokingStatuses)),
  form(['footwear', 'assessment'], 'footwear', 'Footwear', codes('footwear', footwearAssessments)),
  form(['footwear', 'note'], 'footwear-note', 'Footwear: note', text),
  form(['selfCare', 'ability'], 'self-care', 'Ability to care for own feet', codes('self-care', selfCareAbilities)),
  form(['selfCare', 'canCutOwnNails'], 'can-cut-own-nails', 'Can cut own toenails', boolean),
  form(['selfCare', 'impairedVision'], 'impaired-vision', 'Impaired vision', boolean),
  form(['selfCare', 'livesAlone'], 'lives-alone', 'Lives alone', boolean),
  form(['outcome', 'comment'], 'screening-comment', 'Comment', text),
  form(['outcome', 'actionTaken'], 'action-taken', 'Action taken and plan', text),
  form(['outcome', 'educationVerbal'], 'education-verbal', 'Foot care education given in words', boolean),
  form(['outcome', 'leafletGiven'], 'leaflet-given', 'Foot care leaflet given', boolean),
  form(['outcome', 'emergencyContactsGiven'], 'emergency-contacts-given', 'Told whom to call and when to seek emergency care', boolean),
  ...Array.from({ length: 15 }, (_, i) =>
    form(['mnsiQuestionnaire', `q${i + 1}`], `mnsi-question-${i + 1}`, `MNSI history questionnaire, question ${i + 1} answered yes`, boolean),
  ),

  { code: 'foot-status', display: 'Foot present, absent or not examined', scope: 'foot', path: ['status'], value: codes('foot-status', footStatuses), notePath: ['statusReason'] },
  {
    code: 'pedal-pulse',
    display: 'Pedal pulse on palpation',
    scope: 'foot',
    path: ['pulses', 'dorsalisPedis'],
    site: 'dorsalis-pedis',
    value: codes('pulse-result', pulseResults),
    codings: [snomed.pulseFootExam],
  },
  {
    code: 'pedal-pulse',
    display: 'Pedal pulse on palpation',
    scope: 'foot',
    path: ['pulses', 'posteriorTibial'],
    site: 'posterior-tibial',
    value: codes('pulse-result', pulseResults),
    codings: [snomed.pulseFootExam],
  },
  {
    code: 'doppler-waveform',
    display: 'Doppler waveform',
    scope: 'foot',
    path: ['waveforms', 'dorsalisPedis'],
    site: 'dorsalis-pedis',
    value: codes('doppler-waveform', waveformResults),
  },
  {
    code: 'doppler-waveform',
    display: 'Doppler waveform',
    scope: 'foot',
    path: ['waveforms', 'posteriorTibial'],
    site: 'posterior-tibial',
    value: codes('doppler-waveform', waveformResults),
  },
  { code: 'toe-pressure', display: 'Toe pressure', scope: 'foot', path: ['toePressure'], site: 'toe', value: mmHg(true), codings: [loinc.systolicPressure] },
  { code: 'ankle-brachial-index', display: 'Ankle-brachial pressure index (ABI)', scope: 'foot', path: ['abi'], value: ratio },
  { code: 'toe-brachial-index', display: 'Toe-brachial pressure index (TBI)', scope: 'foot', path: ['tbi'], value: ratio },
  {
    code: 'ankle-systolic-pressure',
    display: 'Ankle systolic pressure',
    scope: 'foot',
    path: ['pressures', 'ankle'],
    site: 'ankle',
    value: mmHg(true),
    codings: [loinc.systolicPressure],
  },
  {
    code: 'brachial-systolic-pressure',
    display: 'Brachial systolic pressure used for this side’s indices',
    scope: 'foot',
    path: ['pressures', 'brachial'],
    site: 'arm',
    value: mmHg(true),
    codings: [loinc.systolicPressure],
  },
  {
    code: 'toe-systolic-pressure',
    display: 'Toe systolic pressure',
    scope: 'foot',
    path: ['pressures', 'toe'],
    site: 'toe',
    value: mmHg(true),
    codings: [loinc.systolicPressure],
  },
  { code: 'amputation', display: 'Amputation on this side', scope: 'foot', path: ['previousAmputation'], value: codes('amputation-level', amputationLevels) },
  skin('activeUlcer', 'Active foot ulcer'),
  skin('infection', 'Foot infection'),
  skin('gangrene', 'Gangrene'),
  skin('callus', 'Callus'),
  skin('fissures', 'Fissures'),
  skin('dryness', 'Dry skin'),
  skin('interdigitalMaceration', 'Maceration between the toes'),
  skin('preUlcerativeLesion', 'Pre-ulcerative lesion'),
  { code: 'ulcer-description', display: 'Ulcer description', scope: 'foot', path: ['skin', 'ulcerDescription'], value: text, method: snomed.visualFootExam },
  { code: 'nails-thickened', display: 'Thickened toenails', scope: 'foot', path: ['nails', 'thickened'], value: boolean, method: snomed.visualFootExam },
  { code: 'nails-ingrown', display: 'Ingrown toenail', scope: 'foot', path: ['nails', 'ingrown'], value: boolean, method: snomed.visualFootExam },
  { code: 'nails-fungal', display: 'Fungal nail infection suspected', scope: 'foot', path: ['nails', 'fungal'], value: boolean, method: snomed.visualFootExam },
  { code: 'nails-note', display: 'Nails: note', scope: 'foot', path: ['nails', 'note'], value: text },
  { code: 'foot-colour', display: 'Colour of the foot', scope: 'foot', path: ['colour'], value: codes('foot-colour', footColours), method: snomed.visualFootExam },
  { code: 'foot-warmth', display: 'Temperature of the foot to touch', scope: 'foot', path: ['warmth'], value: codes('foot-warmth', footWarmths) },
  { code: 'oedema', display: 'Oedema of the foot', scope: 'foot', path: ['oedema'], value: boolean, method: snomed.visualFootExam },
  sites('callusSites', 'Callus sites'),
  sites('ulcerSites', 'Ulcer sites'),
  sites('fissureSites', 'Fissure sites'),
  { code: 'deformity', display: 'Foot deformity', scope: 'foot', path: ['deformity', 'present'], value: boolean, method: snomed.visualFootExam },
  {
    code: 'deformity-types',
    display: 'Types of foot deformity',
    scope: 'foot',
    path: ['deformity', 'types'],
    value: { kind: 'textList', componentCode: 'deformity-type', componentDisplay: 'Deformity type' },
    method: snomed.visualFootExam,
  },
  { code: 'active-charcot', display: 'Active Charcot foot', scope: 'foot', path: ['activeCharcot'], value: boolean },
  { code: 'hot-swollen-foot', display: 'Hot, swollen foot', scope: 'foot', path: ['hotSwollen'], value: boolean },
  { code: 'critical-ischaemia', display: 'Critical limb ischaemia', scope: 'foot', path: ['criticalIschaemia'], value: boolean },
  { code: 'ankle-reflex', display: 'Ankle reflex', scope: 'foot', path: ['ankleReflex'], site: 'ankle', value: codes('ankle-reflex', ankleReflexResults) },
  { code: 'pin-prick', display: 'Pin-prick sensation at the toe', scope: 'foot', path: ['pinPrick'], site: 'hallux', value: codes('normal-abnormal', normalAbnormalResults) },
  { code: 'temperature-sensation', display: 'Temperature sensation at the toe', scope: 'foot', path: ['temperature'], site: 'hallux', value: codes('normal-abnormal', normalAbnormalResults) },
];

/** The items of a scope, in table order. */
export function itemsOf(scope: FindingItem['scope']): readonly FindingItem[] {
  return findingItems.filter((i) => i.scope === scope);
}

/** What tells two rows apart in a bundle: the code and, per foot, the body site. */
export function itemKey(item: Pick<FindingItem, 'code' | 'site'>): string {
  return `${item.code}@${item.site ?? 'foot'}`;
}
