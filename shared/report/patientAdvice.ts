import type { Assessment } from '../clinical/assessment';
import { assertNever } from '../ipc/result';

/**
 * The patient copy's words: risk in everyday language and foot-care advice matched to it. Short
 * sentences and common words, aimed at a reading age of about 11 (checked with the
 * Flesch-Kincaid grade in patientCopy.test.ts).
 *
 * Advice themes, by source:
 * - IWGDF 2023 prevention guideline (Bus et al., Diabetes Metab Res Rev 2024;40:e3651), advice to
 *   people at risk: look at the feet and inside the shoes every day; wash the feet daily and dry
 *   well between the toes; use an emollient on dry skin; cut nails straight across; do not remove
 *   corns or callus with chemicals or plasters; do not walk barefoot, in socks only or in thin
 *   slippers; wear shoes that fit; check the water temperature; seek help at once for a blister,
 *   cut, scratch or sore. People at moderate or high risk wear the footwear prescribed for them.
 * - NICE NG19 1.3 (foot care information for each risk group, and where to get help urgently);
 *   Diabetes UK "Taking care of your feet" (same themes, everyday words).
 * - Active disease: keep weight off the foot and follow the foot team (IWGDF 2023 offloading;
 *   NICE NG19 active problems are treated by the foot team, not at home).
 */

/** The patient's risk in one scale: the higher of the two guidelines, so the message is never too mild. */
export type PatientRisk = 'low' | 'moderate' | 'high' | 'active' | 'undecided';

const order: Readonly<Record<Exclude<PatientRisk, 'undecided'>, number>> = { low: 0, moderate: 1, high: 2, active: 3 };

function fromIwgdf(category: Assessment['iwgdf2023']['category']): PatientRisk {
  switch (category) {
    case 0:
    case 1:
      return 'low';
    case 2:
      return 'moderate';
    case 3:
      return 'high';
    case 'urgent':
      return 'active';
    case 'incomplete':
      return 'undecided';
    default:
      return assertNever(category, 'IWGDF category');
  }
}

function fromNice(category: Assessment['nice']['category']): PatientRisk {
  return category === 'incomplete' ? 'undecided' : category;
}

type Decided = Exclude<PatientRisk, 'undecided'>;

function lowest(risks: readonly PatientRisk[]): PatientRisk {
  const decided = risks.filter((r): r is Decided => r !== 'undecided');
  return decided.length === 0 ? 'undecided' : decided.reduce((a, b) => (order[b] < order[a] ? b : a));
}

/**
 * What a guideline's result says for certain: its category, or, while incomplete, the lowest
 * category still possible when that is above low ("at least moderate"). An incomplete result that
 * could still be low says nothing yet.
 */
function certain(result: PatientRisk, possible: readonly PatientRisk[]): PatientRisk {
  if (result !== 'undecided') return result;
  const floor = lowest(possible);
  return floor === 'low' ? 'undecided' : floor;
}

export function patientRisk(assessment: Assessment): PatientRisk {
  const iwgdf = certain(fromIwgdf(assessment.iwgdf2023.category), assessment.iwgdf2023.possibleCategories.map(fromIwgdf));
  const nice = certain(fromNice(assessment.nice.category), assessment.nice.possibleCategories.map(fromNice));
  const decided = [iwgdf, nice].filter((r): r is Decided => r !== 'undecided');
  if (decided.length === 0) return 'undecided';
  return decided.reduce((a, b) => (order[b] > order[a] ? b : a));
}

/** Some checks are still missing, so the risk may turn out higher than the one printed. */
export function patientRiskProvisional(assessment: Assessment): boolean {
  return assessment.iwgdf2023.category === 'incomplete' || assessment.nice.category === 'incomplete';
}

export const riskWords: Readonly<Record<PatientRisk, { title: string; meaning: string }>> = {
  low: { title: 'Low risk', meaning: 'Your risk of a foot ulcer is low at the moment. An ulcer is a sore that is slow to heal.' },
  moderate: { title: 'Moderate risk', meaning: 'Your risk of a foot ulcer is higher than normal. An ulcer is a sore that is slow to heal.' },
  high: { title: 'High risk', meaning: 'Your risk of a foot ulcer is high. An ulcer is a sore that is slow to heal. Your feet need extra care.' },
  active: { title: 'You have a foot problem that needs care now', meaning: 'The foot care team needs to see you soon. Read the box at the top of this page.' },
  undecided: { title: 'Not known yet', meaning: 'We could not do all of the checks, so we cannot tell your risk yet.' },
};

const everyone = [
  'Look at your feet every day for cuts, blisters, redness and swelling. Use a mirror.',
  'Wash your feet every day. Dry them well between the toes.',
  'Put cream on dry skin, but not between your toes.',
  'Cut your toenails straight across.',
  'Wear shoes that fit well, and socks with no tight tops.',
  'If you smoke, ask us for help to stop.',
];

const atRisk = [
  'Do not walk barefoot, even at home. Do not walk in socks or thin slippers.',
  'Feel inside your shoes for stones before you put them on.',
  'Do not use corn plasters or blades on hard skin.',
  'Test bath water with your elbow. Keep hot water bottles off your feet.',
  'Go to all of your foot care visits.',
];

const highRisk = ['Wear the shoes or insoles the foot team gives you, at home and when you go out.'];

const active = [
  'Keep weight off the bad foot as much as you can.',
  'Do not try to treat a sore yourself. Keep any dressing clean and dry.',
  'Do what the foot team tells you, and go to every visit.',
];

/** Foot-care advice for the patient's risk. */
export function footCareAdvice(risk: PatientRisk): string[] {
  switch (risk) {
    case 'low':
    case 'undecided':
      return everyone;
    case 'moderate':
      return [...everyone, ...atRisk];
    case 'high':
      return [...everyone, ...atRisk, ...highRisk];
    case 'active':
      // Footwear advice stays: shoes that rub are how many sores start.
      return [...active, ...everyone.slice(0, 3), ...(everyone[4] ? [everyone[4]] : [])];
    default:
      return assertNever(risk, 'patient risk');
  }
}

/** When to get help the same day (NICE NG19 and IWGDF 2023: new lesions, colour, heat, swelling). */
export const urgentSigns = [
  'a new sore, cut or blister, or any break in the skin',
  'a change of colour: red, blue, grey, pale or black',
  'swelling or heat in your foot',
  'sudden numbness or weakness in your foot or leg',
];

/**
 * The phone numbers the patient is told to call: the clinic's own and the local emergency number,
 * from the clinic's settings. When one is not given, the text names who to call in words; it never
 * prints a blank line to fill in by hand (decision 11).
 */
export interface PatientContacts {
  clinicPhone?: string;
  emergencyNumber?: string;
}

function given(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Decision 11: with limb- or life-threatening disease the patient is told first, in plain words,
 * when to go to the emergency department or call the emergency number (signs of spreading
 * infection or of a limb losing its blood supply; gpnotebook.com, NICE NG19).
 */
export const emergencySigns = [
  'you have a fever or feel unwell',
  'redness or swelling spreads',
  'you see pus',
  'your foot turns cold, pale or black',
];

/** "999", or "the emergency number" when the clinic has not given it. */
export function emergencyNumberWords(contacts: PatientContacts): string {
  return given(contacts.emergencyNumber) ?? 'the emergency number';
}

/** "Go to the emergency department now, or call 999, if:" */
export function emergencyHeading(contacts: PatientContacts): string {
  const number = given(contacts.emergencyNumber);
  return `Go to the emergency department now, or call ${number ?? 'the emergency number'}, if:`;
}

/** "Call Riverside Diabetes Centre on 01632 960000" / "Call your clinic": who to call, with the number when known. */
export function callClinic(clinicName: string, contacts: PatientContacts): string {
  const who = given(clinicName) ?? 'your clinic';
  const phone = given(contacts.clinicPhone);
  return phone ? `Call ${who} on ${phone}` : `Call ${who}`;
}
