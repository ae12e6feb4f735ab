import type { Assessment, IwgdfResult, NiceResult } from '../clinical/assessment';
import { followUpOf } from '../clinical/followUp';
import { redFlagLabels } from '../clinical/redFlags';
import type { FactId } from '../clinical/facts';
import { assertNever } from '../ipc/result';
import type { PdfContent } from './pdfTypes';
import { nextReview, type NextReview } from './nextReview';
import type { ReferralDecision } from './referral';
import type { ReportableExam, ReportInput } from './reportInput';
import { bullets, colours, detailsTable, heading, listSection, rowLines, section, value } from './reportLayout';
import { describePaths, formatDate } from './reportText';

/**
 * The assessment half of the clinician report: categories with their reasons ("because"), LOPS
 * and PAD with theirs, neuropathy scores (and what was missing for them), warnings, red flags and
 * other causes to consider, the recommended action and the next review date. All of it is the
 * assessment stored at sign-off, so the report says what was signed even after rules change.
 */

function categoryBlock(title: string, result: IwgdfResult | NiceResult): PdfContent {
  const incomplete = result.category === 'incomplete';
  const rows: PdfContent[] = [
    { text: [{ text: `${title}: `, bold: true }, { text: result.label, bold: true }], margin: [0, 2, 0, 1] },
  ];
  if (result.because.length > 0) rows.push({ text: 'Because:', style: 'label' }, bullets(result.because.map((b) => b.reason)));
  if (incomplete) {
    rows.push({ text: `Could be: ${result.possibleCategories.map(String).join(', ') || 'not known'}.`, margin: [0, 1, 0, 0] });
    if (result.toSettle.length > 0) rows.push({ text: 'To settle:', style: 'label' }, bullets(result.toSettle.map((t) => `${t.label}: ${t.action}`)));
  }
  rows.push({ text: [{ text: 'Action: ', style: 'label' }, result.action] }, { text: [{ text: 'Interval: ', style: 'label' }, result.interval] });
  if (result.conventionsApplied.length > 0) {
    rows.push({ text: `Conventions the app applied: ${result.conventionsApplied.map((c) => `${c.id} ${c.title}`).join('; ')}.`, style: 'small', margin: [0, 1, 0, 0] });
  }
  return { stack: rows, margin: [0, 0, 0, 6] };
}

function factLine(assessment: Assessment, id: FactId, label: string): [string, PdfContent] {
  const fact = assessment.riskFactors.find((f) => f.id === id);
  const v = fact?.value ?? 'unknown';
  const word = v === 'unknown' ? 'Unknown' : v ? 'Yes' : 'No';
  const weak = fact?.weak ? ` Not ruled out firmly (decision 5): ${fact.weak.reason}.` : '';
  return [label, { text: [value(word, v === true), `. ${fact?.reason ?? ''}${weak}`] }];
}

function scoreRows(assessment: Assessment): PdfContent {
  const { mnsiExam, mnsiExamWithMonofilament: mnsiMono, nds } = assessment.scores;
  const missing = (paths: readonly string[]): string => (paths.length > 0 ? `Missing: ${describePaths(paths)}.` : 'All items recorded.');
  const mnsiResult =
    mnsiExam.total === null
      ? 'Not calculated'
      : `${mnsiExam.total} of ${mnsiExam.max}${mnsiExam.abnormal === null ? '' : mnsiExam.abnormal ? `: abnormal (${mnsiExam.cutOff} or more)` : `: below ${mnsiExam.cutOff}`}`;
  const mnsiMonoResult = mnsiMono.total === null ? 'Not calculated' : `${mnsiMono.total} of ${mnsiMono.max} (no cut-off published)`;
  const ndsResult = nds.total === null ? 'Not calculated' : `${nds.total} of ${nds.max}, band ${nds.band ?? '-'}`;
  const body = [
    [
      { text: 'Score', style: 'tableHeader' },
      { text: 'Result', style: 'tableHeader' },
      { text: 'Items', style: 'tableHeader' },
    ],
    [mnsiExam.name, value(mnsiResult, mnsiExam.abnormal === true), missing(mnsiExam.missingItems)],
    [mnsiMono.name, mnsiMonoResult, missing(mnsiMono.missingItems)],
    [nds.name, ndsResult, missing(nds.missingItems)],
  ];
  return { table: { widths: [130, 120, '*'], headerRows: 1, dontBreakRows: true, body }, layout: rowLines, fontSize: 8.5 };
}

export function nextReviewContent(review: NextReview): PdfContent {
  switch (review.kind) {
    case 'date':
      return {
        stack: [
          { text: `By ${formatDate(review.date)}${review.provisional ? ' (the result is incomplete: until it is settled)' : ''}`, bold: true },
          { text: review.basis, style: 'small' },
        ],
      };
    case 'urgent':
      return { text: review.text, bold: true };
    case 'not-set':
      return { text: review.text, bold: true };
    default:
      return assertNever(review, 'next review');
  }
}

function actions(exam: ReportableExam, referral: ReferralDecision): PdfContent[] {
  const a = exam.assessment;
  const items: PdfContent[] = [
    { text: [{ text: 'IWGDF 2023: ', bold: true }, a.iwgdf2023.action] },
    { text: [{ text: 'NICE NG19: ', bold: true }, a.nice.action] },
  ];
  if (a.nice.firstAssessmentWeeks) {
    items.push({
      text: `Foot protection service first assessment within ${a.nice.firstAssessmentWeeks.min}-${a.nice.firstAssessmentWeeks.max} weeks of ${formatDate(exam.examinedOn)}.`,
    });
  }
  for (const r of followUpOf(a).referrals) {
    const label = r.kind === 'medical-review' ? 'Medical review: ' : r.provisional ? 'Referral, if the result settles on it: ' : 'Referral warranted: ';
    items.push({ text: [{ text: label, bold: true }, `${r.recipient}. ${r.urgency} ${r.reasons.join(' ')}`] });
  }
  if (!referral.warranted) items.push({ text: [{ text: 'Referral: ', bold: true }, followUpOf(a).referralText] });
  return items;
}

/** The scores line for page 1: only the scores that could be calculated (every item recorded). */
export function calculatedScores(assessment: Assessment): string | null {
  const { mnsiExam, nds } = assessment.scores;
  const parts: string[] = [];
  if (mnsiExam.total !== null) parts.push(`${mnsiExam.name} ${mnsiExam.total} of ${mnsiExam.max}${mnsiExam.abnormal === null ? '' : mnsiExam.abnormal ? ` (abnormal, ${mnsiExam.cutOff} or more)` : ` (below ${mnsiExam.cutOff})`}`);
  if (nds.total !== null) parts.push(`${nds.name} ${nds.total} of ${nds.max}${nds.band ? `, band ${nds.band}` : ''}`);
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}

/** Whether any item of the extended neurological examination was recorded (scores otherwise say nothing). */
function scoresRecorded(assessment: Assessment): boolean {
  const { mnsiExam, mnsiExamWithMonofilament, nds } = assessment.scores;
  return [mnsiExam, mnsiExamWithMonofilament, nds].some((s) => s.total !== null);
}

/**
 * The details appendix (optional, from a new page): each guideline's result in full with the
 * action, interval and the conventions the app applied, LOPS and PAD with their reasons, the
 * neuropathy scores when recorded, red flags, other causes to consider, every recommended action
 * and the rule-set versions. All of it is the assessment stored at sign-off.
 */
export function clinicianDetails(input: ReportInput, referral: ReferralDecision): PdfContent[] {
  const exam = input.exam;
  const a = exam.assessment;
  const present = a.redFlags.present.map((id) => redFlagLabels[id]);
  const notRecorded = a.redFlags.notRecorded.map((id) => redFlagLabels[id].toLowerCase());
  const redFlagLines: PdfContent[] = [
    present.length > 0 ? { text: `Present: ${present.join('; ')}.`, bold: true } : 'None present.',
    ...(a.redFlags.weightLoss ? [{ text: 'Weight loss recorded (prompts malignancy and vasculitis; not itself a red flag).' }] : []),
    ...(notRecorded.length > 0 ? [{ text: `Not asked or not recorded: ${notRecorded.join(', ')}.`, color: colours.muted }] : []),
  ];
  return [
    { text: 'Details of the assessment', style: 'title', pageBreak: 'before' },
    { text: 'The categories, reasons and rules stored when the screening was signed.', color: colours.muted, margin: [0, 0, 0, 4] },
    ...section('Risk category and reasons', categoryBlock('IWGDF 2023', a.iwgdf2023), categoryBlock('NICE NG19', a.nice)),
    ...section(
      'Loss of protective sensation and peripheral artery disease',
      detailsTable([factLine(a, 'lops', 'LOPS'), factLine(a, 'pad', 'PAD')], 1, 40),
    ),
    ...(scoresRecorded(a)
      ? section('Neuropathy scores', scoreRows(a), {
          text: 'A score is given only when every item is recorded; otherwise the missing items are listed.',
          style: 'small',
          margin: [0, 2, 0, 0],
        })
      : []),
    ...section('Red flags of an atypical neuropathy', { stack: redFlagLines }),
    ...(a.otherCausesToConsider.length > 0
      ? listSection(
          'Other causes to consider (prompts, not diagnoses)',
          a.otherCausesToConsider.map((c) => ({ text: [{ text: `${c.cause}: `, bold: true }, c.why] })),
        )
      : []),
    ...listSection('Recommended action', actions(exam, referral)),
    { stack: [heading('Next review', 'h3'), nextReviewContent(nextReview(a, exam.examinedOn))], unbreakable: true },
    {
      text: `Rule sets: ${a.iwgdf2023.ruleSet} ${a.iwgdf2023.ruleSetVersion}; ${a.nice.ruleSet} ${a.nice.ruleSetVersion}; engine ${a.engineVersion}. Signed electronically; the categories and reasons are those stored at sign-off, so this report can be reproduced exactly.`,
      style: 'small',
      margin: [0, 8, 0, 0],
    },
  ];
}
