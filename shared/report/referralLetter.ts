import type { Assessment } from '../clinical/assessment';
import { sideLabel } from '../clinical/protocols';
import { unique } from '../clinical/sets';
import { sides, type Findings } from '../domain/findings';
import { postalAddressLines } from '../domain/patient';
import { referralServiceLabels } from '../domain/settings';
import { insensateSites } from './findingsTable';
import { abiReading, tbiReading, toePressureReading, waveformReading } from './findingsWords';
import type { PdfContent } from './pdfTypes';
import { referralDecision, urgencyPhrase, type ReferralDecision } from './referral';
import { footDiagrams } from './reportDiagram';
import { examinerLine, partTitle, patientRows, recordNotices } from './reportHeader';
import type { ReportInput } from './reportInput';
import { boxed, colours, detailsTable, listSection, notice, section } from './reportLayout';
import { formatDate, formatInstant, isolate, isoDateIn, naturalName } from './reportText';

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

/** Reasons in order, each once (ignoring case and the closing full stop). */
function withoutRepeats(reasons: readonly string[]): string[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = r.trim().replace(/\.$/, '').toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lines(text: string): string[] {
  return text.split(/\r?\n|,\s*(?=\S)/).map((l) => l.trim()).filter((l) => l !== '');
}

function addressee(input: ReportInput, decision: ReferralDecision): PdfContent {
  const destination = input.referral?.destination ?? null;
  if (!destination) return { text: decision.recipient || 'The foot care team', bold: true };
  const contact = [destination.phone ? `Phone ${destination.phone}` : null, destination.email ? destination.email : null].filter((x): x is string => x !== null);
  return {
    stack: [
      { text: isolate(destination.name), bold: true },
      ...lines(destination.address).map((l) => ({ text: isolate(l) })),
      ...(contact.length > 0 ? [{ text: contact.join(' · ') }] : []),
    ],
  };
}

function referrer(input: ReportInput): PdfContent {
  const clinic = input.clinicName.trim();
  const phone = input.contacts?.clinicPhone?.trim();
  return {
    stack: [
      { text: examinerLine(input), bold: true },
      ...(clinic ? [{ text: isolate(clinic) }] : []),
      ...lines(input.clinicAddress ?? '').map((l) => ({ text: isolate(l) })),
      ...(phone ? [{ text: `Phone ${phone}` }] : []),
    ],
  };
}

/** What the foot team needs to contact and see the patient: phone, address, language, GP, conditions, medicines. */
function patientContactRows(input: ReportInput): [string, PdfContent][] {
  const p = input.patient;
  const phones = [p.mobilePhone, p.phone].filter((x): x is string => x !== null && x !== '');
  const address = postalAddressLines(p);
  const rows: [string, PdfContent][] = [
    ['Phone', phones.length > 0 ? unique(phones).join(' · ') : 'Not recorded'],
    ['Address', address.length > 0 ? { stack: address.map((l) => ({ text: isolate(l) })) } : 'Not recorded'],
    ['Preferred language', p.preferredLanguage ? isolate(p.preferredLanguage) : 'Not recorded'],
    ['Interpreter', p.interpreterNeeded ? { text: 'Needed', bold: true } : 'Not needed'],
    ['GP practice', p.gpPractice ? `${isolate(p.gpPractice)}${p.gpPracticeCode ? ` (${p.gpPracticeCode})` : ''}` : 'Not recorded'],
  ];
  return rows;
}

/** The nurse's words for each ulcer, per foot. */
function ulcerDescriptions(input: ReportInput): string[] {
  return sides.flatMap((side) => {
    const description = input.exam.findings.feet[side].skin?.ulcerDescription;
    return description ? [`${sideLabel(side)} foot: ${isolate(description)}`] : [];
  });
}

export function referralLetter(input: ReportInput): PdfContent[] {
  const { exam, patient } = input;
  const a = exam.assessment;
  const decision = referralDecision(a, exam.examinedOn);
  const chosen = input.referral;
  const urgent = decision.level === 'immediate' || decision.level === 'active';
  const diagram = footDiagrams(exam);
  const urgency = decision.warranted ? urgencyPhrase(decision) : 'Routine: at your earliest convenience';
  const service = chosen?.destination ? referralServiceLabels[chosen.destination.service] : null;
  const reasons = withoutRepeats([...(chosen?.reason.trim() ? [chosen.reason.trim()] : []), ...decision.reasons, ...a.iwgdf2023.because.map((b) => b.reason), ...a.nice.because.map((b) => b.reason)]);
  const conditions: [string, PdfContent][] = [
    ...(patient.relevantConditions ? [['Relevant conditions', isolate(patient.relevantConditions)] as [string, PdfContent]] : []),
    ...(patient.medicines ? [['Medicines', isolate(patient.medicines)] as [string, PdfContent]] : []),
  ];
  const ulcers = ulcerDescriptions(input);
  return [
    partTitle(input, 'Referral: diabetic foot', `Date: ${formatDate(isoDateIn(exam.signedAt, input.timeZone ?? 'UTC'))}`),
    {
      columns: [
        { stack: [{ text: `To${service ? ` (${service})` : ''}`, style: 'label' }, addressee(input, decision)], width: '*' },
        { stack: [{ text: 'From', style: 'label' }, referrer(input)], width: '*' },
      ],
      columnGap: 16,
      margin: [0, 0, 0, 4],
    },
    {
      table: {
        widths: ['*'],
        body: [[{ text: [{ text: 'Urgency: ', bold: true }, { text: urgency, bold: true, fontSize: 12 }], fillColor: urgent ? colours.urgentFill : colours.noticeFill }]],
      },
      layout: { ...boxed, hLineWidth: () => 1.5, vLineWidth: () => 1.5, hLineColor: () => colours.text, vLineColor: () => colours.text },
      margin: [0, 4, 0, 2],
    },
    ...(decision.warranted ? [{ text: decision.urgency, margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
    ...(decision.provisional
      ? [notice('Not decided yet', 'the screening is incomplete, and one of the categories it could be calls for this referral; please assess, or return it once the missing findings settle it.', 'note')]
      : []),
    ...(decision.medicalReview && decision.level !== null
      ? [notice('Red flag', 'an atypical neuropathy also needs prompt medical review; please copy this letter to the GP or diabetes team, or arrange the review.', 'urgent')]
      : []),
    detailsTable([...patientRows(input), ...patientContactRows(input)], 2, 72),
    ...(conditions.length > 0 ? [detailsTable(conditions, 1, 100)] : []),
    ...recordNotices(input, false),
    { text: 'Dear colleague,', margin: [0, 8, 0, 4] },
    {
      text: `I screened the feet of ${naturalName(patient)} on ${formatDate(exam.examinedOn)} and would be grateful if you would see them${urgent ? ' urgently' : ''}. Urgency: ${urgency.charAt(0).toLowerCase()}${urgency.slice(1)}.`,
      margin: [0, 0, 0, 4],
    },
    ...listSection('Reason for referral', reasons),
    ...(ulcers.length > 0 ? listSection('Ulcer, as described at the screening', ulcers) : []),
    ...listSection('Key findings', keyFindings(a, exam.findings)),
    ...(a.warnings.length > 0 ? listSection('Warnings from the assessment', a.warnings.map((w) => w.message)) : []),
    {
      stack: [
        { text: 'Yours sincerely,', margin: [0, 10, 0, 6] },
        referrer(input),
        { text: `Screening signed ${formatInstant(exam.signedAt, input.timeZone ?? 'UTC')}. Categories: IWGDF 2023 ${a.iwgdf2023.label}; NICE NG19 ${a.nice.label}.`, style: 'small', margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
    },
    ...(diagram ? section('Enclosed: diagram of both feet', { columns: [{ text: '', width: '*' }, diagram, { text: '', width: '*' }] }) : []),
  ];
}
