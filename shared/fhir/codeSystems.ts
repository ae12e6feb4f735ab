import type { CodeSystem, Coding } from '@medplum/fhirtypes';
import { siteProtocolIds } from '../clinical/protocols';
import { siteStates } from '../clinical/siteDerivation';
import { vibrationStates } from '../clinical/vibrationDerivation';
import { niceCategories } from '../clinical/niceNg19';
import {
  amputationLevels,
  ankleReflexResults,
  examStatuses,
  footStatuses,
  monofilamentProtocols,
  monofilamentSiteKeys,
  normalAbnormalResults,
  notTestableReasons,
  pulseResults,
  sides,
  siteResults,
  touchTestSiteKeys,
  tuningForkSites,
  vibrationResults,
  waveformResults,
  footColours,
  footWarmths,
  footwearAssessments,
  selfCareAbilities,
  smokingStatuses,
  ulcerSides,
} from '../domain/findings';
import { diabetesTypeLabels, diabetesTypes } from '../domain/patient';
import { roleLabels, roles } from '../domain/users';
import { findingItems, itemKey } from './findingItems';
import { appCodeSystemUrl } from './systems';

/**
 * The app's own code systems: every code the FHIR export uses that no checked published code
 * covers. Codes of answer lists are the findings' own values ("not_felt"), so a code reads back
 * to exactly what was recorded. The tables are published as FHIR CodeSystem resources
 * (`appCodeSystemResources`) and printed in docs/interop.md.
 */

export interface AppConcept {
  code: string;
  display: string;
}

export interface AppCodeSystemTable {
  name: string;
  title: string;
  description: string;
  concepts: readonly AppConcept[];
}

const words: Readonly<Record<string, string>> = {
  felt: 'Felt', not_felt: 'Not felt', not_tested: 'Not tested', pending: 'Answers incomplete',
  present: 'Present', absent: 'Absent', declined: 'Declined', unsuitable: 'Unsuitable',
  performed: 'Performed', palpable: 'Palpable', not_palpable: 'Not palpable',
  normal: 'Normal', reduced: 'Reduced', abnormal: 'Abnormal',
  none: 'None', minor: 'Minor (below the ankle)', major: 'Major (above the ankle)',
  reinforcement: 'Present with reinforcement',
  ulcer: 'Ulcer at the site', callus: 'Callus at the site', scar: 'Scar at the site', necrosis: 'Necrotic tissue at the site',
  amputation: 'Amputated', dressing: 'Dressing', other: 'Other reason',
  triphasic: 'Triphasic', biphasic: 'Biphasic', monophasic: 'Monophasic',
  red: 'Red', pale: 'Pale', cyanosed: 'Blue (cyanosed)', black: 'Black', warm: 'Warm', cold: 'Cold',
  appropriate: 'Appropriate', inappropriate: 'Inappropriate', independent: 'Independent', needs_help: 'Needs help', unable: 'Unable',
  never: 'Never smoked', former: 'Former smoker', current: 'Current smoker', right: 'Right', left: 'Left', both: 'Both feet',
};

function listOf(values: readonly string[], display: (v: string) => string = (v) => words[v] ?? v): AppConcept[] {
  return values.map((code) => ({ code, display: display(code) }));
}

const monofilamentSiteNames: Readonly<Record<string, string>> = {
  hallux: 'Hallux (plantar)', toe3: '3rd toe (plantar)', toe5: '5th toe (plantar)', mth1: '1st metatarsal head',
  mth3: '3rd metatarsal head', mth5: '5th metatarsal head', medialMidfoot: 'Medial midfoot (arch)',
  lateralMidfoot: 'Lateral midfoot', heel: 'Heel', dorsum: 'Dorsum of the foot',
};
const touchSiteNames: Readonly<Record<string, string>> = { toe1: 'Tip of the 1st toe', toe3: 'Tip of the 3rd toe', toe5: 'Tip of the 5th toe' };
const forkSiteNames: Readonly<Record<string, string>> = {
  hallux: 'Dorsal distal phalanx of the hallux', 'other-toe': 'Another toe', malleolus: 'Malleolus', 'tibial-tuberosity': 'Tibial tuberosity',
};
const otherSiteNames: Readonly<Record<string, string>> = {
  foot: 'Foot', 'dorsalis-pedis': 'Dorsalis pedis artery', 'posterior-tibial': 'Posterior tibial artery', ankle: 'Ankle',
  arm: 'Arm (brachial pressure for this side)', toe: 'Toe (pressure cuff)',
};

/** Body site keys without the side: monofilament sites, touch-test tips, fork places, and the rest. */
export const bodySiteNames: Readonly<Record<string, string>> = {
  ...Object.fromEntries(monofilamentSiteKeys.map((k) => [k, monofilamentSiteNames[k] ?? k])),
  ...Object.fromEntries(touchTestSiteKeys.map((k) => [`tip-of-${k}`, touchSiteNames[k] ?? k])),
  ...Object.fromEntries(tuningForkSites.map((k) => [k === 'hallux' ? 'hallux-dorsal' : k, forkSiteNames[k] ?? k])),
  ...otherSiteNames,
};

/** Observation codes not in the findings table: the nested sensory tests and their parts. */
const sensoryFindingConcepts: AppConcept[] = [
  { code: 'monofilament', display: '10 g monofilament test of one foot' },
  { code: 'monofilament-site', display: '10 g monofilament at one site' },
  { code: 'touch-test', display: 'Ipswich Touch Test of one foot' },
  { code: 'touch-test-site', display: 'Ipswich Touch Test at one toe' },
  { code: 'vibration', display: 'Vibration sense (128 Hz tuning fork or vibration perception threshold)' },
  { code: 'application-real', display: 'Real application: did the patient say it was felt?' },
  { code: 'application-sham', display: 'Sham application (no touch): did the patient say it was felt?' },
  { code: 'vibration-perception-threshold', display: 'Vibration perception threshold' },
];

function findingConcepts(): AppConcept[] {
  const seen = new Map<string, AppConcept>();
  for (const item of findingItems) if (!seen.has(item.code)) seen.set(item.code, { code: item.code, display: item.display });
  const components = findingItems.flatMap((i) => (i.value.kind === 'textList' ? [{ code: i.value.componentCode, display: i.value.componentDisplay }] : []));
  for (const c of [...sensoryFindingConcepts, ...components]) if (!seen.has(c.code)) seen.set(c.code, c);
  return [...seen.values()];
}

const iwgdfCategoryConcepts: AppConcept[] = [
  { code: '0', display: 'IWGDF 0: very low risk' },
  { code: '1', display: 'IWGDF 1: low risk' },
  { code: '2', display: 'IWGDF 2: moderate risk' },
  { code: '3', display: 'IWGDF 3: high risk' },
  { code: 'urgent', display: 'Active foot disease: urgent referral' },
  { code: 'incomplete', display: 'Not decided yet: findings missing' },
];
const niceCategoryConcepts: AppConcept[] = [
  ...niceCategories.map((c) => ({ code: c, display: `NICE ${c} risk`.replace('NICE active risk', 'NICE active diabetic foot problem') })),
  { code: 'incomplete', display: 'Not decided yet: findings missing' },
];

export const appCodeSystemTables: readonly AppCodeSystemTable[] = [
  { name: 'finding', title: 'Foot screening findings', description: 'What was observed: one code per recorded item of the screening.', concepts: findingConcepts() },
  {
    name: 'body-site',
    title: 'Foot screening body sites',
    description: 'Where on which foot: `<side>.<site>` (e.g. `right.mth1`).',
    concepts: sides.flatMap((side) =>
      Object.entries(bodySiteNames).map(([key, name]) => ({ code: `${side}.${key}`, display: `${side === 'right' ? 'Right' : 'Left'}: ${name}` })),
    ),
  },
  { name: 'site-result', title: 'Sensation at a site', description: 'Monofilament or touch-test result at one site.', concepts: listOf([...new Set([...siteResults, ...siteStates])]) },
  { name: 'not-testable-reason', title: 'Why a site was not tested', description: 'IWGDF 2023: never test on an ulcer, callus, scar or necrotic tissue.', concepts: listOf(notTestableReasons) },
  { name: 'monofilament-protocol', title: 'Sensory site protocol', description: 'Which set of sites was tested.', concepts: listOf([...new Set([...monofilamentProtocols, ...siteProtocolIds])]) },
  { name: 'vibration-method', title: 'Vibration test method', description: '128 Hz tuning fork or biothesiometer (VPT).', concepts: [{ code: 'tuning-fork-128', display: '128 Hz tuning fork' }, { code: 'vpt', display: 'Vibration perception threshold (biothesiometer)' }] },
  { name: 'vibration-result', title: 'Vibration sense', description: 'Recorded result, or the state derived from the answers.', concepts: listOf([...new Set([...vibrationResults, ...vibrationStates])]) },
  { name: 'foot-status', title: 'Foot status', description: 'Whether the foot was there and examined.', concepts: listOf(footStatuses) },
  { name: 'exam-status', title: 'Examination status', description: 'Whether the examination took place.', concepts: listOf(examStatuses) },
  { name: 'pulse-result', title: 'Pulse on palpation', description: 'Pedal pulse result.', concepts: listOf(pulseResults) },
  { name: 'doppler-waveform', title: 'Doppler waveform', description: 'Hand-held Doppler waveform at a pedal artery: triphasic or biphasic makes PAD less likely; monophasic or absent indicates disease.', concepts: listOf(waveformResults) },
  { name: 'ulcer-side', title: 'Side of a previous ulcer', description: 'Right, left or both feet.', concepts: listOf(ulcerSides) },
  { name: 'smoking', title: 'Smoking status', description: 'Never, former or current smoker.', concepts: listOf(smokingStatuses) },
  { name: 'footwear', title: 'Footwear', description: 'Whether the shoes worn protect the feet.', concepts: listOf(footwearAssessments) },
  { name: 'self-care', title: 'Foot self-care', description: 'Whether the patient can care for their own feet.', concepts: listOf(selfCareAbilities) },
  { name: 'foot-colour', title: 'Colour of the foot', description: 'As seen: red, pale, blue (cyanosed) or black.', concepts: listOf(footColours) },
  { name: 'foot-warmth', title: 'Temperature of the foot', description: 'To the back of the hand, compared with the other foot.', concepts: listOf(footWarmths) },
  { name: 'amputation-level', title: 'Amputation level', description: 'None, minor (below the ankle) or major (above the ankle).', concepts: listOf(amputationLevels) },
  { name: 'ankle-reflex', title: 'Ankle reflex', description: 'As scored in the MNSI and NDS.', concepts: listOf(ankleReflexResults) },
  { name: 'normal-abnormal', title: 'Normal or abnormal', description: 'Pin-prick and temperature sensation.', concepts: listOf(normalAbnormalResults) },
  { name: 'screening', title: 'Foot screening', description: 'The screening itself, its report and its risk assessments.', concepts: [
    { code: 'diabetic-foot-screening', display: 'Diabetic foot screening' },
    { code: 'foot-screening-report', display: 'Diabetic foot screening report' },
    { code: 'iwgdf-2023', display: 'IWGDF 2023 risk of foot ulceration' },
    { code: 'nice-ng19', display: 'NICE NG19 diabetic foot risk' },
    { code: 'foot-ulceration', display: 'Diabetic foot ulceration' },
    { code: 'diabetes', display: 'Diabetes mellitus' },
  ] },
  { name: 'screening-protocol', title: 'Screening protocol', description: 'The sensory protocol the screening was started with.', concepts: listOf(siteProtocolIds) },
  { name: 'rule-set', title: 'Risk rule sets', description: 'The rule tables the app applies; the version is in the method text.', concepts: [
    { code: 'IWGDF-2023', display: 'IWGDF 2023 risk stratification (Bus et al. 2023)' },
    { code: 'NICE-NG19', display: 'NICE NG19 risk classification' },
  ] },
  { name: 'iwgdf-category', title: 'IWGDF 2023 category', description: 'IWGDF risk category, or urgent / not decided.', concepts: iwgdfCategoryConcepts },
  { name: 'nice-category', title: 'NICE NG19 risk', description: 'NICE NG19 risk, or not decided.', concepts: niceCategoryConcepts },
  { name: 'diabetes-type', title: 'Diabetes type', description: 'As recorded on the patient record.', concepts: listOf(diabetesTypes, (v) => diabetesTypeLabels[v as keyof typeof diabetesTypeLabels]) },
  { name: 'user-role', title: 'Role in the app', description: 'What the signer may do in the app.', concepts: listOf(roles, (v) => roleLabels[v as keyof typeof roleLabels]) },
];

const tableByName = new Map(appCodeSystemTables.map((t) => [t.name, t]));
const conceptIndex = new Map(appCodeSystemTables.map((t) => [t.name, new Map(t.concepts.map((c) => [c.code, c]))]));

/**
 * A coding in one of the app's code systems. Throws for a code the table lacks, so a new value
 * cannot reach an export without a display and a line in the documentation.
 */
export function appCoding(system: string, code: string): Coding {
  const concept = conceptIndex.get(system)?.get(code);
  if (!concept) throw new Error(`No code "${code}" in the app code system "${system}"`);
  return { system: appCodeSystemUrl(system), code, display: concept.display };
}

/** Whether a coding belongs to an app code system table (for tests and imports). */
export function isAppCode(coding: Coding): boolean {
  for (const [name, concepts] of conceptIndex) if (coding.system === appCodeSystemUrl(name)) return coding.code !== undefined && concepts.has(coding.code);
  return false;
}

/** The code of a coding from an app code system in a CodeableConcept, if present. */
export function appCodeIn(concept: { coding?: Coding[] } | undefined, system: string): string | undefined {
  const url = appCodeSystemUrl(system);
  return concept?.coding?.find((c) => c.system === url)?.code;
}

/** The tables as FHIR CodeSystem resources, for publishing alongside the data. */
export function appCodeSystemResources(): CodeSystem[] {
  return appCodeSystemTables.map((t) => ({
    resourceType: 'CodeSystem',
    url: appCodeSystemUrl(t.name),
    name: t.name.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
    title: t.title,
    status: 'active',
    content: 'complete',
    description: t.description,
    caseSensitive: true,
    concept: t.concepts.map((c) => ({ code: c.code, display: c.display })),
  }));
}

export function appCodeSystemTable(name: string): AppCodeSystemTable | undefined {
  return tableByName.get(name);
}

/** Finding keys must be unique: two rows with the same code and site would read back into one. */
export function duplicateFindingKeys(): string[] {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const item of findingItems) {
    const key = `${item.scope}:${itemKey(item)}`;
    if (seen.has(key)) dupes.push(key);
    seen.add(key);
  }
  return dupes;
}
