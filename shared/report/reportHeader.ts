import { siteProtocols } from '../clinical/protocols';
import { diabetesTypeLabels, displayName, sexLabels } from '../domain/patient';
import type { PdfContent } from './pdfTypes';
import type { ReportInput } from './reportInput';
import { colours, detailsTable, notice } from './reportLayout';
import { ageAt, formatDate, formatInstant, shorten } from './reportText';

/**
 * What the top of each part and the footer of every page say: the clinic, the part's title, who
 * the patient is, and (clinician report) which examination this is and what state it is in.
 */

export function partTitle(input: ReportInput, title: string, subtitle?: string): PdfContent {
  const clinic = input.clinicName.trim();
  const under: PdfContent[] = subtitle ? [{ text: subtitle, color: colours.muted, margin: [0, 1, 0, 0] }] : [];
  return {
    stack: [
      ...(clinic ? [{ text: clinic, style: 'clinic' }] : []),
      { text: title, style: 'title', margin: [0, 1, 0, 0] },
      ...under,
      { canvas: [{ type: 'line', x1: 0, y1: 3, x2: 515, y2: 3, lineWidth: 1, lineColor: colours.heading }], margin: [0, 0, 0, 4] },
    ],
  };
}

/** Patient identification rows used by the clinician report and the referral letter. */
export function patientRows(input: ReportInput): [string, PdfContent][] {
  const { patient, exam } = input;
  const diabetes = `${diabetesTypeLabels[patient.diabetesType]}${patient.diagnosisYear ? `, diagnosed ${patient.diagnosisYear}` : ''}`;
  return [
    ['Patient', { text: displayName(patient), bold: true }],
    ['Date of birth', `${formatDate(patient.dateOfBirth)} (${ageAt(patient.dateOfBirth, exam.examinedOn)} at examination)`],
    ['Sex', sexLabels[patient.sex]],
    ['Clinic identifier', patient.clinicIdentifier],
    ['National number', patient.nationalNumber ?? 'Not recorded'],
    ['Diabetes', diabetes],
  ];
}

/** "Nina Nurse, Nurse, registration 12A3456E": the signing clinician as the staff list holds them. */
export function examinerLine(input: ReportInput): string {
  const { exam, examiner } = input;
  const name = examiner?.name ?? exam.signedByName ?? exam.signedBy ?? 'Not recorded';
  const role = examiner?.role ? `, ${examiner.role}` : '';
  const registration = examiner?.registrationNumber ? `, registration ${examiner.registrationNumber}` : '';
  return `${name}${role}${registration}`;
}

export function examRows(input: ReportInput): [string, PdfContent][] {
  const { exam } = input;
  const status = exam.assessment.examStatus;
  const examination =
    status === 'performed' ? null : `${status === 'declined' ? 'Declined by the patient' : 'Unsuitable'}${exam.assessment.examStatusReason ? `: ${exam.assessment.examStatusReason}` : ''}`;
  return [
    ['Examined on', { text: formatDate(exam.examinedOn), bold: true }],
    ['Examiner', examinerLine(input)],
    ['Sensory test', siteProtocols[exam.protocol].title],
    ...(examination ? [['Examination', { text: examination, bold: true }] as [string, PdfContent]] : []),
    ['Record', `Examination ${exam.id}, version ${exam.version}${exam.state === 'superseded' ? ' (replaced)' : ''}`],
    ['GP practice', input.patient.gpPractice ?? 'Not recorded'],
  ];
}

export function identification(input: ReportInput, withExam: boolean): PdfContent {
  const rows = withExam ? [...patientRows(input), ...examRows(input)] : patientRows(input);
  return detailsTable(rows, 2, 82, true);
}

/**
 * One-line notices near the top: a replaced version, an amendment. Kept short so page 1 still
 * holds the summary and the diagram; the amendment's reason is printed in full with the signature.
 */
export function recordNotices(input: ReportInput, reasonBelow: boolean): PdfContent[] {
  const { exam } = input;
  const reason = reasonBelow ? 'its reason is given with the signature' : `reason: ${shorten(exam.amendmentReason ?? 'not given', 160)}`;
  const amendment = exam.version > 1 ? `This is version ${exam.version}, an amendment (${reason}). ` : '';
  if (exam.state === 'superseded') {
    return [notice('Replaced', `${amendment}This version was later amended. It is kept as part of the record; use the current version for care decisions.`, 'urgent')];
  }
  return exam.version > 1 ? [notice('Amended', `${amendment.trim()}`)] : [];
}

/** The footer of every page: who, when generated, and "Page x of y" for the whole file. */
export function footerFor(input: ReportInput): (currentPage: number, pageCount: number) => PdfContent {
  const { patient } = input;
  const who = `${shorten(displayName(patient), 48)} · born ${formatDate(patient.dateOfBirth)} · ${shorten(patient.clinicIdentifier, 40)}`;
  const generated = `Generated ${formatInstant(input.generatedAt, input.timeZone ?? 'UTC')}`;
  return (currentPage, pageCount) => ({
    columns: [
      { text: who, width: '*' },
      { text: generated, width: 150, alignment: 'center' },
      { text: `Page ${currentPage} of ${pageCount}`, width: 64, alignment: 'right' },
    ],
    columnGap: 10,
    fontSize: 7.5,
    color: colours.muted,
    margin: [40, 18, 40, 0],
  });
}
