import type { Assessment } from '../clinical/assessment';
import type { FactId } from '../clinical/facts';
import { sides, type Side } from '../domain/findings';
import { followUpOf } from '../clinical/followUp';
import {
  callClinic,
  emergencyHeading,
  emergencyNumberWords,
  emergencySigns,
  footCareAdvice,
  patientRisk,
  patientRiskProvisional,
  riskWords,
  urgentSigns,
  type PatientRisk,
} from './patientAdvice';
import type { PdfContent } from './pdfTypes';
import { nextReview } from './nextReview';
import { referralDecision } from './referral';
import type { ReportInput } from './reportInput';
import { boxed, colours } from './reportLayout';
import { capitalise, formatDate, naturalName } from './reportText';

/**
 * The patient copy: what was checked, what it means, the risk in words, foot care for that risk,
 * when the next check is due and when to get help urgently. With active foot disease it starts
 * with when to go to the emergency department (decision 11). Plain words and short sentences;
 * `largePrint` follows the RNIB clear print guidance (16-18 pt for large print, 12 pt minimum
 * otherwise). Phone numbers come from the clinic (`contacts`); none is left blank to fill in.
 */

interface Sizes {
  body: number;
  title: number;
  heading: number;
  gap: number;
}

// Large print at 16 pt, the lower end of the RNIB's 16-18 pt, so the risk, the next check and
// the help box stay on page 1 (and a typical copy on one page).
const standard: Sizes = { body: 12, title: 18, heading: 13.5, gap: 3.5 };
const large: Sizes = { body: 16, title: 22, heading: 17.5, gap: 4 };

function fact(a: Assessment, id: FactId): boolean | 'unknown' {
  return a.riskFactors.find((f) => f.id === id)?.value ?? 'unknown';
}

/** "your feet", "your left foot", "your feet" (both): the foot or feet a finding is about. */
function whichFeet(found: readonly Side[], examined: readonly Side[]): string {
  if (found.length === 1 && examined.length === 2) return `your ${found[0] ?? ''} foot`;
  if (examined.length === 1) return 'your foot';
  return 'your feet';
}

/** What we checked and what we found, one short sentence or two per check, naming the foot. */
function findingsInWords(input: ReportInput): string[] {
  const a = input.exam.assessment;
  const out: string[] = [];
  if (a.examStatus !== 'performed') {
    out.push(a.examStatus === 'declined' ? 'You chose not to have your feet checked today.' : 'We could not check your feet today.');
    out.push('Please ask for a foot check soon. It only takes a few minutes.');
    return out;
  }
  const examined = sides.filter((s) => a.perFoot[s].role === 'examined');
  const absent = sides.filter((s) => a.perFoot[s].role === 'absent');
  const notChecked = sides.filter((s) => a.perFoot[s].role === 'not_examined');
  const one = examined.length === 1 ? examined[0] : undefined;
  const feet = one ? `your ${one} foot` : 'your feet';
  if (one && absent.length === 1) out.push(`We checked your ${one} foot.`);
  for (const side of notChecked) out.push(`Your ${side} foot was not checked today.`);
  if (examined.length === 0) return out;
  const perFoot = (read: (side: Side) => boolean): Side[] => examined.filter(read);
  const numb = perFoot((s) => a.perFoot[s].lops?.value === true);
  if (a.lops === true) {
    out.push(`Feeling: you could not feel the touch on some parts of ${whichFeet(numb, examined)}. The nerves are damaged. You may not feel a cut, a blister or a burn.`);
  } else if (a.lops === false) {
    out.push(`Feeling: you could feel the touch on ${feet}. The feeling is good.`);
  } else {
    out.push(`Feeling: we could not finish the check of the feeling in ${feet}.`);
  }
  const poorFlow = perFoot((s) => a.perFoot[s].pad?.value === true);
  if (a.pad === true) {
    out.push(`Blood flow: the blood flow to ${whichFeet(poorFlow, examined)} is weaker than it should be. Cuts and sores may be slow to heal.`);
  } else if (a.pad === false) {
    out.push(`Blood flow: the pulses in ${feet} were good.`);
  } else {
    out.push(`Blood flow: we could not finish the check of the blood flow to ${feet}.`);
  }
  const skin = (key: 'activeUlcer' | 'infection' | 'gangrene' | 'callus') => perFoot((s) => input.exam.findings.feet[s].skin?.[key] === true);
  const where = (found: Side[]): string => (found.length === 1 && examined.length === 2 ? `your ${found[0] ?? ''} foot` : 'your foot');
  if (fact(a, 'activeUlcer') === true) out.push(`Skin: you have a sore on ${where(skin('activeUlcer'))}. It needs care now.`);
  if (fact(a, 'footInfection') === true) out.push(`Skin: there are signs of an infection in ${where(skin('infection'))}.`);
  if (fact(a, 'gangrene') === true) out.push(`Skin: some skin on ${where(skin('gangrene'))} has died. This needs care now.`);
  if (fact(a, 'callus') === true) out.push('Skin: you have some hard skin. Hard skin can press and cause a sore.');
  if (fact(a, 'deformity') === true) out.push(`Shape: the shape of ${where(perFoot((s) => input.exam.findings.feet[s].deformity?.present === true))} has changed. This can cause rubbing and sore spots.`);
  if (fact(a, 'activeCharcot') === true) out.push(`${capitalise(where(perFoot((s) => input.exam.findings.feet[s].activeCharcot === true || input.exam.findings.feet[s].hotSwollen === true)))} is hot and swollen. This must be checked now.`);
  const ulcerBefore = fact(a, 'previousUlcer') === true;
  const amputationBefore = fact(a, 'previousAmputation') === true;
  if (ulcerBefore || amputationBefore) {
    const what = ulcerBefore && amputationBefore ? 'a foot ulcer and an amputation' : ulcerBefore ? 'a foot ulcer' : 'an amputation';
    out.push(`You have had ${what} before. This makes a new problem more likely.`);
  }
  return out;
}

/** Active foot disease decided (not only possible): the patient copy starts with the emergency box. */
function activeDisease(input: ReportInput, risk: PatientRisk): boolean {
  const foot = followUpOf(input.exam.assessment).referrals.find((r) => r.kind === 'foot');
  return risk === 'active' || (foot !== undefined && !foot.provisional && (foot.level === 'active' || foot.level === 'immediate'));
}

/** One "next check" paragraph: who sees the patient next and by when, never two competing dates. */
function whenNext(input: ReportInput, risk: PatientRisk): string {
  const { exam } = input;
  const referral = referralDecision(exam.assessment, exam.examinedOn);
  const doctor = referral.medicalReview ? ' We are also asking a doctor to see you soon about the changes in the feeling or strength of your feet and legs.' : '';
  if (activeDisease(input, risk)) {
    const when =
      referral.level === 'immediate'
        ? 'You need to see the foot care team today. Your nurse is setting this up now.'
        : 'The foot care team needs to see you within 1 working day. Your nurse will tell you how this is being set up.';
    return `${when}${doctor}`;
  }
  const review = nextReview(exam.assessment, exam.examinedOn);
  if (referral.level !== null && referral.seeBy && !referral.provisional) {
    return `We are asking the foot team to see you by ${formatDate(referral.seeBy)}. They will tell you when to come back.${doctor}`;
  }
  const due = review.kind === 'date' ? `Your next foot check is due by ${formatDate(review.date)}.` : 'Your nurse will tell you when your next foot check is due.';
  if (referral.level !== null && referral.provisional) {
    const seeBy = referral.seeBy ? ` by ${formatDate(referral.seeBy)}` : ' soon';
    return `${due} Some checks are not finished. If they show a higher risk, the foot team will need to see you${seeBy}.${doctor}`;
  }
  if (referral.medicalReview) return `${due} We are asking a doctor to see you soon about the changes in the feeling or strength of your feet and legs.`;
  return due;
}

export function patientCopy(input: ReportInput, largePrint: boolean): PdfContent[] {
  const size = largePrint ? large : standard;
  const { exam, patient } = input;
  const risk = patientRisk(exam.assessment);
  const words = riskWords[risk];
  const h = (text: string): PdfContent => ({ text, fontSize: size.heading, bold: true, color: colours.heading, margin: [0, size.gap * 1.2, 0, size.gap / 2] });
  const p = (text: string): PdfContent => ({ text, margin: [0, 0, 0, size.gap] });
  const list = (items: readonly string[]): PdfContent => ({ ul: items.map((t) => ({ text: t, margin: [0, 0, 0, size.gap / 4], unbreakable: true })), margin: [0, 0, 0, size.gap] });
  const clinic = input.clinicName.trim();
  const contacts = input.contacts ?? {};
  const box = (stack: PdfContent[], fillColor?: string): PdfContent => ({
    table: { widths: ['*'], body: [[{ stack, ...(fillColor ? { fillColor } : {}) }]], dontBreakRows: true },
    layout: { ...boxed, hLineWidth: () => 2, vLineWidth: () => 2, hLineColor: () => colours.text, vLineColor: () => colours.text },
    unbreakable: true,
    margin: [0, size.gap, 0, size.gap],
  });
  const emergency = emergencyNumberWords(contacts);
  // Help matched to the urgency: with active disease the emergency box comes first (decision 11);
  // otherwise the same-day signs, who to call, and when the emergency number is the right call.
  const signsGrid = (signs: readonly string[]): PdfContent => {
    const rows: PdfContent[][] = [];
    for (let i = 0; i < signs.length; i += 2) rows.push([signs[i], signs[i + 1]].map((t): PdfContent => (t === undefined ? '' : { ul: [t] })));
    return { table: { widths: ['*', '*'], body: rows, dontBreakRows: true }, layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 6, paddingTop: () => 0, paddingBottom: () => size.gap / 2 }, margin: [0, 0, 0, size.gap / 2] };
  };
  const urgentBox = box([
    { text: 'Get help the same day if you see:', bold: true, fontSize: size.heading },
    signsGrid(urgentSigns),
    {
      text: `${callClinic(clinic, contacts)}, your GP or the foot team. If you cannot reach them, go to urgent care.${
        activeDisease(input, risk) ? '' : ` If your foot turns cold, pale or black, or you have a fever with a red, hot foot, call ${emergency} now.`
      }`,
    },
  ]);
  const emergencyBox = activeDisease(input, risk)
    ? [
        box(
          [
            { text: emergencyHeading(contacts), bold: true, fontSize: size.heading },
            signsGrid(emergencySigns),
            p(`${callClinic(clinic, contacts)} if you are not sure what to do.`),
          ],
          colours.urgentFill,
        ),
      ]
    : [];
  // Each heading stays on the page of what follows it.
  const titled = (title: string, ...rest: PdfContent[]): PdfContent[] => {
    const [first, ...others] = rest;
    return [{ stack: [h(title), ...(first === undefined ? [] : [first])], unbreakable: true }, ...others];
  };
  const advice = footCareAdvice(risk);
  // Two items a row, rows kept whole: the list fills the page and may run over between rows.
  const pairs: PdfContent[][] = [];
  for (let i = 0; i < advice.length; i += 2) {
    pairs.push([advice[i], advice[i + 1]].map((t): PdfContent => (t === undefined ? '' : { ul: [t] })));
  }
  const adviceRows = (rows: PdfContent[][]): PdfContent => ({
    table: { widths: ['*', '*'], body: rows, dontBreakRows: true },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 0, paddingBottom: () => size.gap / 2 },
  });
  const [firstPair, ...otherPairs] = pairs;
  const blocks: PdfContent[] = [
    {
      columns: [
        { text: 'Your foot check', fontSize: size.title, bold: true, color: colours.heading, width: 'auto' },
        { text: clinic, bold: true, alignment: 'right', width: '*', margin: [0, size.title - size.body - 2, 0, 0] },
      ],
      columnGap: 12,
    },
    p(`For ${naturalName(patient)}, born ${formatDate(patient.dateOfBirth)}. Checked on ${formatDate(exam.examinedOn)}.`),
    ...emergencyBox,
    {
      stack: [
        h(`Your risk: ${words.title}`),
        p(words.meaning),
        ...(risk !== 'undecided' && patientRiskProvisional(exam.assessment) ? [p('We still need to finish some checks. Your risk may be higher.')] : []),
      ],
      unbreakable: true,
    },
    ...titled('Your next check', p(whenNext(input, risk))),
    urgentBox,
    ...titled('What we found', list(findingsInWords(input))),
    ...titled('How to look after your feet', ...(firstPair ? [adviceRows([firstPair])] : []), ...(otherPairs.length > 0 ? [adviceRows(otherPairs)] : [])),
  ];
  return [{ stack: blocks, fontSize: size.body, lineHeight: 1.05 }];
}
