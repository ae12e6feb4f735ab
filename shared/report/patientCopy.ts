import type { Assessment } from '../clinical/assessment';
import type { FactId } from '../clinical/facts';
import { sides } from '../domain/findings';
import { followUpOf } from '../clinical/followUp';
import {
  callClinic,
  emergencyHeading,
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
import { formatDate, naturalName } from './reportText';

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

const standard: Sizes = { body: 12, title: 20, heading: 14, gap: 5 };
const large: Sizes = { body: 18, title: 28, heading: 21, gap: 8 };

function fact(a: Assessment, id: FactId): boolean | 'unknown' {
  return a.riskFactors.find((f) => f.id === id)?.value ?? 'unknown';
}

/** What we checked and what we found, one short paragraph per check. */
function findingsInWords(input: ReportInput): string[] {
  const a = input.exam.assessment;
  const out: string[] = [];
  const absent = sides.filter((s) => a.perFoot[s].role === 'absent');
  if (absent.length === 1) out.push(`We checked your ${absent[0] === 'right' ? 'left' : 'right'} foot.`);
  if (a.examStatus !== 'performed') {
    out.push(a.examStatus === 'declined' ? 'You chose not to have your feet checked today.' : 'We could not check your feet today.');
    out.push('Please ask for a foot check soon. It only takes a few minutes.');
    return out;
  }
  if (a.lops === true) {
    out.push('Feeling: you could not feel the touch on some parts of your feet. This means the nerves in your feet are damaged. You may not feel a cut, a blister or a burn.');
  } else if (a.lops === false) {
    out.push('Feeling: you could feel the touch on your feet. The feeling in your feet is good.');
  } else {
    out.push('Feeling: we could not finish the check of the feeling in your feet.');
  }
  if (a.pad === true) {
    out.push('Blood flow: the blood flow to your feet is weaker than it should be. Cuts and sores may be slow to heal.');
  } else if (a.pad === false) {
    out.push('Blood flow: the pulses in your feet were good.');
  } else {
    out.push('Blood flow: we could not finish the check of the blood flow to your feet.');
  }
  if (fact(a, 'activeUlcer') === true) out.push('Skin: you have a sore on your foot. It needs care now.');
  if (fact(a, 'footInfection') === true) out.push('Skin: there are signs of an infection in your foot.');
  if (fact(a, 'gangrene') === true) out.push('Skin: some skin on your foot has died. This needs care now.');
  if (fact(a, 'callus') === true) out.push('Skin: you have some hard skin. Hard skin can press and cause a sore.');
  if (fact(a, 'deformity') === true) out.push('Shape: the shape of your foot has changed. This can cause rubbing and sore spots.');
  if (fact(a, 'activeCharcot') === true) out.push('Your foot is hot and swollen. This must be checked now.');
  if (fact(a, 'previousUlcer') === true || fact(a, 'previousAmputation') === true) {
    out.push('You have had a foot ulcer or an operation on your foot before. This makes a new problem more likely.');
  }
  return out;
}

/** Active foot disease decided (not only possible): the patient copy starts with the emergency box. */
function activeDisease(input: ReportInput, risk: PatientRisk): boolean {
  const foot = followUpOf(input.exam.assessment).referrals.find((r) => r.kind === 'foot');
  return risk === 'active' || (foot !== undefined && !foot.provisional && (foot.level === 'active' || foot.level === 'immediate'));
}

function whenNext(input: ReportInput, risk: PatientRisk): string[] {
  const { exam } = input;
  const out: string[] = [];
  const referral = referralDecision(exam.assessment, exam.examinedOn);
  if (activeDisease(input, risk)) {
    out.push(
      referral.level === 'immediate'
        ? 'You need to see the foot care team today. Your nurse is setting this up now.'
        : 'The foot care team needs to see you within 1 working day. Your nurse will tell you how this is being set up.',
    );
    if (referral.medicalReview) out.push('We are also asking a doctor to see you soon about the changes in the feeling or strength of your feet and legs.');
    return out;
  }
  if (referral.level !== null && referral.seeBy) {
    out.push(
      referral.provisional
        ? `Some checks are not finished. If they show a higher risk, the foot team will need to see you by ${formatDate(referral.seeBy)}.`
        : `We are asking the foot team to see you by ${formatDate(referral.seeBy)}.`,
    );
  } else if (referral.level !== null && referral.provisional) {
    out.push('Some checks are not finished. If they show a problem, the foot team will need to see you soon. Your nurse will tell you what happens next.');
  }
  if (referral.medicalReview) out.push('We are asking a doctor to see you soon about the changes in the feeling or strength of your feet and legs.');
  const review = nextReview(exam.assessment, exam.examinedOn);
  if (review.kind === 'date') out.push(`Your next foot check is due by ${formatDate(review.date)}.`);
  else out.push('Your nurse will tell you when your next foot check is due.');
  return out;
}

export function patientCopy(input: ReportInput, largePrint: boolean): PdfContent[] {
  const size = largePrint ? large : standard;
  const { exam, patient } = input;
  const risk = patientRisk(exam.assessment);
  const words = riskWords[risk];
  const h = (text: string): PdfContent => ({ text, fontSize: size.heading, bold: true, color: colours.heading, margin: [0, size.gap * 1.4, 0, size.gap / 2] });
  const p = (text: string): PdfContent => ({ text, margin: [0, 0, 0, size.gap] });
  const list = (items: readonly string[]): PdfContent => ({ ul: items.map((t) => ({ text: t, margin: [0, 0, 0, size.gap / 3], unbreakable: true })), margin: [0, 0, 0, size.gap] });
  const clinic = input.clinicName.trim();
  const contacts = input.contacts ?? {};
  const box = (stack: PdfContent[], fillColor?: string): PdfContent => ({
    table: { widths: ['*'], body: [[{ stack, ...(fillColor ? { fillColor } : {}) }]], dontBreakRows: true },
    layout: { ...boxed, hLineWidth: () => 2, vLineWidth: () => 2, hLineColor: () => colours.text, vLineColor: () => colours.text },
    unbreakable: true,
    margin: [0, size.gap, 0, size.gap],
  });
  const urgentBox = box([
    { text: 'Get help the same day if you see:', bold: true, fontSize: size.heading },
    list(urgentSigns),
    p(`${callClinic(clinic, contacts)}, your GP or the foot team. If you cannot reach them, go to urgent care.`),
  ]);
  // Decision 11: with active disease the copy starts with when to go to the emergency department.
  const emergencyBox = activeDisease(input, risk)
    ? [
        box(
          [
            { text: emergencyHeading(contacts), bold: true, fontSize: size.heading },
            list(emergencySigns),
            p(`${callClinic(clinic, contacts)} if you are not sure what to do.`),
          ],
          colours.urgentFill,
        ),
      ]
    : [];
  // Each heading stays on the page of what follows it (with a list, its first item).
  const titled = (title: string, ...rest: PdfContent[]): PdfContent[] => {
    const [first, ...others] = rest;
    return [{ stack: [h(title), ...(first === undefined ? [] : [first])], unbreakable: true }, ...others];
  };
  const items = (texts: readonly string[]): PdfContent[] =>
    texts.map((t, i) => ({ ul: [{ text: t, unbreakable: true }], margin: [0, 0, 0, i === texts.length - 1 ? size.gap : size.gap / 3] }));
  const blocks: PdfContent[] = [
    ...(clinic ? [{ text: clinic, bold: true }] : []),
    { text: 'Your foot check', fontSize: size.title, bold: true, color: colours.heading },
    p(`For ${naturalName(patient)}, born ${formatDate(patient.dateOfBirth)}. Checked on ${formatDate(exam.examinedOn)}.`),
    ...emergencyBox,
    ...titled(
      'What we checked',
      p(
        exam.assessment.examStatus === 'performed'
          ? 'We checked the feeling in your feet, the blood flow to your feet, your skin and the shape of your feet. We also asked about past foot problems.'
          : 'We did not check your feet today. We asked about your health and any past foot problems.',
      ),
    ),
    ...titled('What we found', ...items(findingsInWords(input))),
    ...titled('Your risk', {
      stack: [
        { text: words.title, bold: true, fontSize: size.heading, margin: [0, 0, 0, size.gap / 2] },
        p(words.meaning),
        ...(risk !== 'undecided' && patientRiskProvisional(exam.assessment) ? [p('We still need to finish some checks. Your risk may be higher.')] : []),
      ],
    }),
    // What to do comes before the general advice: when to come back, and when to get help at once.
    ...titled('Your next check', ...whenNext(input, risk).map(p)),
    urgentBox,
    ...titled('How to look after your feet', ...items(footCareAdvice(risk))),
  ];
  return [{ stack: blocks, fontSize: size.body, lineHeight: 1.1 }];
}
