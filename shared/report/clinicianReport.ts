import type { Assessment } from '../clinical/assessment';
import { redFlagIds, redFlagLabels } from '../clinical/redFlags';
import type { Findings } from '../domain/findings';
import { clinicianAssessment, nextReviewContent } from './clinicianAssessment';
import { findingsTable } from './findingsTable';
import type { PdfContent } from './pdfTypes';
import { followUpOf } from '../clinical/followUp';
import { nextReview } from './nextReview';
import { referralDecision, type ReferralDecision } from './referral';
import { footDiagrams } from './reportDiagram';
import { identification, partTitle, recordNotices } from './reportHeader';
import type { ReportInput } from './reportInput';
import { boxed, colours, detailsTable, notice, section, value } from './reportLayout';
import { formatInstant, yesNo } from './reportText';

/**
 * The clinician report: who and when, the summary a busy reader needs first
 * (categories, action, next review, referral), the diagram of both feet, the findings per foot,
 * history, then the assessment in full and the signature block.
 */

const amputationWords = { none: 'None', minor: 'Minor', major: 'Major' } as const;

function historyRows(findings: Findings): [string, PdfContent][] {
  const h = findings.history ?? {};
  const s = findings.symptoms ?? {};
  const flags = findings.redFlags ?? {};
  const rows: [string, PdfContent][] = [
    ['Previous foot ulcer', value(yesNo(h.previousUlcer), h.previousUlcer === true)],
    ['Previous amputation', value(h.previousAmputation ? amputationWords[h.previousAmputation] : 'Not recorded', h.previousAmputation === 'minor' || h.previousAmputation === 'major')],
    ['End-stage renal disease', value(yesNo(h.endStageRenalDisease), h.endStageRenalDisease === true)],
    ['On dialysis', value(yesNo(h.onDialysis), h.onDialysis === true)],
  ];
  if (h.kidneyTransplant === true) rows.push(['Kidney transplant', value('Yes', true)]);
  if (h.onMetformin === true) rows.push(['On metformin', 'Yes']);
  rows.push(
    ['Neuropathic symptoms', value(yesNo(s.neuropathic), s.neuropathic === true)],
    ['Claudication', value(yesNo(s.claudication), s.claudication === true)],
    ['Rest pain', value(yesNo(s.restPain), s.restPain === true)],
  );
  for (const id of redFlagIds) rows.push([redFlagLabels[id], value(yesNo(flags[id]), flags[id] === true)]);
  rows.push(['Weight loss', value(yesNo(flags.weightLoss), flags.weightLoss === true)]);
  return rows;
}

function summary(assessment: Assessment, examinedOn: string, referral: ReferralDecision): PdfContent {
  const tri = (v: boolean | 'unknown'): string => (v === 'unknown' ? 'unknown' : v ? 'YES' : 'no');
  const rows: [string, PdfContent][] = [
    ['IWGDF 2023', { text: assessment.iwgdf2023.label, bold: true }],
    ['NICE NG19', { text: assessment.nice.label, bold: true }],
    ['Findings', `LOPS ${tri(assessment.lops)} · PAD ${tri(assessment.pad)} · red flag ${assessment.redFlag ? 'YES' : 'no'}`],
    ['Next review', nextReviewContent(nextReview(assessment, examinedOn))],
    ['Referral', referral.warranted ? { text: followUpOf(assessment).referralText, bold: true } : followUpOf(assessment).referralText],
  ];
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: 'Summary', style: 'h3', margin: [0, 0, 0, 2] }, detailsTable(rows, 1, 70)], fillColor: colours.shade }]], dontBreakRows: true },
    layout: boxed,
    margin: [0, 6, 0, 4],
  };
}

function notExaminedNotice(input: ReportInput): PdfContent[] {
  const a = input.exam.assessment;
  if (a.examStatus === 'performed') return [];
  const who = a.examStatus === 'declined' ? 'The patient declined the foot examination' : 'The feet could not be examined (unsuitable)';
  const why = a.examStatusReason ? `: ${a.examStatusReason}` : '';
  return [notice('Not examined', `${who}${why}. No foot findings were recorded; the result below rests on the history and on anything recorded without examination.`, 'urgent')];
}

function diagramBlock(input: ReportInput, notices: number): PdfContent[] {
  // 310 pt wide: large enough for the legend to read in print, small enough to share page 1
  // with the details and the summary; a little smaller when a notice takes room above it.
  const diagramWidth = notices > 0 ? 265 : 310;
  const diagram = footDiagrams(input.exam, diagramWidth);
  if (!diagram) return [notice('Diagram', 'No foot was examined, so there is no diagram of site results.')];
  return section('Diagram of both feet', { columns: [{ text: '', width: '*' }, { stack: [diagram], width: diagramWidth }, { text: '', width: '*' }] });
}

function signature(input: ReportInput): PdfContent {
  const { exam } = input;
  const a = exam.assessment;
  const when = formatInstant(exam.signedAt, input.timeZone ?? 'UTC');
  const rows: [string, PdfContent][] = [
    ['Signed by', { text: `${exam.signedByName ?? 'Not recorded'}${exam.signedBy ? ` (${exam.signedBy})` : ''}`, bold: true }],
    ['Signed on', when],
    ['Version', exam.version > 1 ? `${exam.version} (amendment). Reason: ${exam.amendmentReason ?? 'not given'}` : '1 (original)'],
    ['Rule sets', `${a.iwgdf2023.ruleSet} ${a.iwgdf2023.ruleSetVersion}; ${a.nice.ruleSet} ${a.nice.ruleSetVersion}; engine ${a.engineVersion}`],
  ];
  return {
    stack: [
      { text: 'Signature', style: 'h2' },
      detailsTable(rows, 1, 70),
      {
        text: 'Signed electronically in Foot Screening. The categories and reasons are those stored at sign-off with the rule-set versions above, so this report can be reproduced exactly.',
        style: 'small',
        margin: [0, 3, 0, 0],
      },
    ],
    unbreakable: true,
  };
}

export function clinicianReport(input: ReportInput): PdfContent[] {
  const { exam } = input;
  const referral = referralDecision(exam.assessment, exam.examinedOn);
  const notices = [...recordNotices(input, true), ...notExaminedNotice(input)];
  return [
    partTitle(input, 'Diabetic foot screening: clinician report'),
    identification(input, true),
    ...notices,
    summary(exam.assessment, exam.examinedOn, referral),
    ...diagramBlock(input, notices.length),
    findingsTable(exam),
    ...section('History, symptoms and red-flag questions', detailsTable(historyRows(exam.findings), 2, 104)),
    ...clinicianAssessment(exam, referral),
    signature(input),
  ];
}
