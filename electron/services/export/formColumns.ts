import { scoreMnsiQuestionnaire } from '#shared/clinical/scores/mnsiQuestionnaire';
import { findingsSchema, mnsiQuestionKeys, sides, type Findings, type FootFindings } from '#shared/domain/findings';
import type { CsvValue } from '#shared/csv/csv';

/**
 * Export columns for the items the engines do not score: the rest of the paper form (nails,
 * colour, temperature, oedema, skin between the toes, ulcer description, vascular and smoking
 * history, self-care, footwear, the outcome), Doppler waveforms and toe pressure, and the extended
 * neurological exam with the MNSI questionnaire and its score. Read from the stored findings, so
 * every signed exam exports them without a table of their own. Empty = not recorded.
 */

const yesNo = (v: boolean | undefined): string => (v === undefined ? '' : v ? 'yes' : 'no');

const footFormFields = [
  'waveform_dorsalis_pedis',
  'waveform_posterior_tibial',
  'toe_pressure',
  'ankle_reflex',
  'pin_prick',
  'temperature_sense',
  'colour',
  'warmth',
  'oedema',
  'nails_thickened',
  'nails_ingrown',
  'nails_fungal',
  'nails_note',
  'interdigital_maceration',
  'pre_ulcerative_lesion',
  'ulcer_description',
] as const;

const personFormFields = [
  'previous_ulcer_side',
  'previous_ulcer_date',
  'under_vascular_clinic',
  'previous_vascular_intervention',
  'smoking',
  'self_care',
  'can_cut_own_nails',
  'impaired_vision',
  'lives_alone',
  'footwear',
  'footwear_note',
  ...mnsiQuestionKeys.map((k) => `mnsi_${k}`),
  'mnsi_questionnaire_score',
  'action_taken',
  'comment',
  'education_verbal',
  'leaflet_given',
  'emergency_contacts_given',
] as const;

export const formHeaders: readonly string[] = [...sides.flatMap((side) => footFormFields.map((f) => `${side}_${f}`)), ...personFormFields];

function footCells(foot: FootFindings): CsvValue[] {
  return [
    foot.waveforms?.dorsalisPedis ?? null,
    foot.waveforms?.posteriorTibial ?? null,
    foot.toePressure ?? null,
    foot.ankleReflex ?? null,
    foot.pinPrick ?? null,
    foot.temperature ?? null,
    foot.colour ?? null,
    foot.warmth ?? null,
    yesNo(foot.oedema),
    yesNo(foot.nails?.thickened),
    yesNo(foot.nails?.ingrown),
    yesNo(foot.nails?.fungal),
    foot.nails?.note ?? null,
    yesNo(foot.skin?.interdigitalMaceration),
    yesNo(foot.skin?.preUlcerativeLesion),
    foot.skin?.ulcerDescription ?? null,
  ];
}

function cellsOf(f: Findings): CsvValue[] {
  const h = f.history ?? {};
  const care = f.selfCare ?? {};
  const q = f.mnsiQuestionnaire;
  const o = f.outcome ?? {};
  return [
    ...sides.flatMap((side) => footCells(f.feet[side])),
    h.previousUlcerSide ?? null,
    h.previousUlcerDate ?? null,
    yesNo(h.underVascularClinic),
    yesNo(h.previousVascularIntervention),
    h.smoking ?? null,
    care.ability ?? null,
    yesNo(care.canCutOwnNails),
    yesNo(care.impairedVision),
    yesNo(care.livesAlone),
    f.footwear?.assessment ?? null,
    f.footwear?.note ?? null,
    ...mnsiQuestionKeys.map((k) => yesNo(q?.[k])),
    q === undefined ? null : scoreMnsiQuestionnaire(q).total,
    o.actionTaken ?? null,
    o.comment ?? null,
    yesNo(o.educationVerbal),
    yesNo(o.leafletGiven),
    yesNo(o.emergencyContactsGiven),
  ];
}

/** The cells for one exam's stored findings (as JSON); blanks if they cannot be read. */
export function formCells(findingsJson: string | undefined): CsvValue[] {
  if (findingsJson === undefined) return formHeaders.map(() => null);
  const parsed = findingsSchema.safeParse(JSON.parse(findingsJson));
  return parsed.success ? cellsOf(parsed.data) : formHeaders.map(() => null);
}
