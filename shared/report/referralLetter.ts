import type { Assessment } from '../clinical/assessment';
import { sideLabel } from '../clinical/protocols';
import { unique } from '../clinical/sets';
import { sides, type Findings } from '../domain/findings';
import { insensateSites } from './findingsTable';
import { abiReading, tbiReading, toePressureReading, waveformReading } from './findingsWords';
import type { PdfContent } from './pdfTypes';
import { referralDecision } from './referral';
import { footDiagrams } from './reportDiagram';
import { partTitle, patientRows, recordNotices } from './reportHeader';
import type { ReportInput } from './reportInput';
import { boxed, colours, detailsTable, listSection, notice, section } from './reportLayout';
import { formatDate, formatInstant, isoDateIn, naturalName } from './reportText';

/**
 * The referral letter: to the foot protection service, podiatry or the multidisciplinary foot
 * team (or, for a red flag alone, a GP or physician for medical review), with the urgency the
 * follow-up calls for (referral.ts), the reason, the key findings and the diagram. Dated with the
 * exam's sign-off, never the clock.
 */

/** The findings a foot team wants first: what is abnormal, per foot, in a line each. */
export function keyFindings(assessment: Assessment, findings: Findings): string[] {
  const out: string[] = [];
  const fact = (id: string) => assessment.riskFactors.find((f) => f.id === id);
  for (const side of sides) {
    const foot = assessment.perFoot[side];
    const recorded = findings.feet[side];
    const label = `${sideLabel(side)} foot`;
    if (foot.role === 'absent') {
      out.push(`${label}: absent${foot.statusReason ? ` (${foot.statusReason})` : ''}.`);
      continue;
    }
    if (foot.role === 'not_examined') {
      out.push(`${foot.notExaminedBecause ?? `${label}: not examined`}.`);
      continue;
    }
    const items: string[] = [];
    const insensate = insensateSites(foot);
    if (insensate.length > 0) items.push(`not felt at ${insensate.join(', ')}`);
    if (foot.vibration.state === 'absent' || foot.vibration.state === 'abnormal' || foot.vibration.state === 'reduced') items.push(foot.vibration.explanation);
    const pulses = recorded.pulses;
    const notPalpable = [pulses?.dorsalisPedis === 'not_palpable' ? 'dorsalis pedis' : null, pulses?.posteriorTibial === 'not_palpable' ? 'posterior tibial' : null].filter(
      (p): p is string => p !== null,
    );
    if (notPalpable.length > 0) items.push(`${notPalpable.join(' and ')} pulse not palpable`);
    if (recorded.abi !== null && recorded.abi !== undefined) items.push(`ABI ${abiReading(recorded.abi).text}`);
    if (recorded.tbi !== null && recorded.tbi !== undefined) items.push(`TBI ${tbiReading(recorded.tbi).text}`);
    for (const [artery, name] of [['dorsalisPedis', 'dorsalis pedis'], ['posteriorTibial', 'posterior tibial']] as const) {
      const reading = waveformReading(recorded.waveforms?.[artery]);
      if (reading.abnormal) items.push(`${name} Doppler waveform ${reading.text.charAt(0).toLowerCase()}${reading.text.slice(1)}`);
    }
    if (recorded.toePressure !== null && recorded.toePressure !== undefined) items.push(`toe pressure ${toePressureReading(recorded.toePressure).text}`);
    const skin = recorded.skin;
    if (skin?.activeUlcer) items.push(`active ulcer${skin.ulcerSites?.length ? ` at ${skin.ulcerSites.join(', ')}` : ''}`);
    if (skin?.infection) items.push('infection');
    if (skin?.gangrene) items.push('gangrene');
    if (skin?.callus) items.push(`callus${skin.callusSites?.length ? ` at ${skin.callusSites.join(', ')}` : ''}`);
    if (skin?.fissures) items.push('fissures');
    if (recorded.deformity?.present) items.push(`deformity${recorded.deformity.types?.length ? `: ${recorded.deformity.types.join(', ')}` : ''}`);
    if (recorded.activeCharcot) items.push('active Charcot foot');
    if (recorded.hotSwollen) items.push('hot, swollen foot');
    if (recorded.criticalIschaemia) items.push('critical ischaemia');
    out.push(`${label}: ${items.length > 0 ? items.join('; ') : 'no abnormal finding recorded'}.`);
  }
  const history: string[] = [];
  if (fact('previousUlcer')?.value === true) history.push('previous foot ulcer');
  if (fact('previousAmputation')?.value === true) history.push(`previous amputation (${findings.history?.previousAmputation ?? 'recorded'})`);
  if (fact('endStageRenalDisease')?.value === true) history.push('end-stage renal disease');
  if (fact('renalReplacementTherapy')?.value === true) history.push('on renal replacement therapy');
  if (fact('restPain')?.value === true) history.push('ischaemic rest pain');
  if (findings.symptoms?.claudication) history.push('claudication');
  if (history.length > 0) out.push(`History: ${history.join('; ')}.`);
  const word = (v: boolean | 'unknown' | undefined): string => (v === undefined || v === 'unknown' ? 'unknown' : v ? 'yes' : 'no');
  out.push(`Conclusions: LOPS ${word(assessment.lops)}; PAD ${word(assessment.pad)}; red flag ${assessment.redFlag ? 'yes' : 'no'}.`);
  return out;
}

export function referralLetter(input: ReportInput): PdfContent[] {
  const { exam, patient } = input;
  const a = exam.assessment;
  const decision = referralDecision(a, exam.examinedOn);
  const examiner = exam.signedByName ?? exam.signedBy ?? 'the examining clinician';
  const clinic = input.clinicName.trim();
  const seeBy = decision.seeBy ? ` (by ${formatDate(decision.seeBy)})` : '';
  const urgent = decision.level === 'immediate' || decision.level === 'active';
  const diagram = footDiagrams(exam, 280);
  return [
    partTitle(input, 'Referral: diabetic foot', `Date: ${formatDate(isoDateIn(exam.signedAt, input.timeZone ?? 'UTC'))}`),
    detailsTable(
      [
        ['To', { text: decision.recipient, bold: true }],
        ['From', `${examiner}${clinic ? `, ${clinic}` : ''}`],
      ],
      1,
      72,
    ),
    {
      table: {
        widths: ['*'],
        body: [[{ text: [{ text: 'Urgency: ', bold: true }, { text: `${decision.urgencyHeadline}${seeBy}`, bold: true, fontSize: 12 }], fillColor: urgent ? colours.urgentFill : colours.noticeFill }]],
      },
      layout: { ...boxed, hLineWidth: () => 1.5, vLineWidth: () => 1.5, hLineColor: () => colours.text, vLineColor: () => colours.text },
      margin: [0, 6, 0, 2],
    },
    { text: decision.urgency, margin: [0, 0, 0, 6] },
    ...(decision.provisional
      ? [notice('Not decided yet', 'the screening is incomplete, and one of the categories it could be calls for this referral; please assess, or return it once the missing findings settle it.', 'note')]
      : []),
    ...(decision.medicalReview && decision.level !== null
      ? [notice('Red flag', 'an atypical neuropathy also needs prompt medical review; please copy this letter to the GP or diabetes team, or arrange the review.', 'urgent')]
      : []),
    detailsTable(patientRows(input), 2, 72),
    ...recordNotices(input, false),
    { text: 'Dear colleague,', margin: [0, 8, 0, 4] },
    {
      text: `I screened the feet of ${naturalName(patient)} on ${formatDate(exam.examinedOn)} and would be grateful if you would see them ${urgent ? 'urgently' : 'for assessment'}: ${decision.urgencyHeadline.toLowerCase()}${seeBy}.`,
      margin: [0, 0, 0, 4],
    },
    ...listSection('Reason for referral', [...decision.reasons, ...unique([...a.iwgdf2023.because, ...a.nice.because].map((b) => b.reason))]),
    ...listSection('Key findings', keyFindings(a, exam.findings)),
    ...(a.warnings.length > 0 ? listSection('Warnings from the assessment', a.warnings.map((w) => w.message)) : []),
    {
      stack: [
        { text: 'Yours sincerely,', margin: [0, 10, 0, 18] },
        { text: examiner, bold: true },
        ...(clinic ? [{ text: clinic }] : []),
        { text: `Screening signed ${formatInstant(exam.signedAt, input.timeZone ?? 'UTC')}. Categories: IWGDF 2023 ${a.iwgdf2023.label}; NICE NG19 ${a.nice.label}.`, style: 'small', margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
    },
    ...(diagram ? section('Enclosed: diagram of both feet', { columns: [{ text: '', width: '*' }, { stack: [diagram], width: 280 }, { text: '', width: '*' }] }) : []),
  ];
}
