import type { Assessment, IwgdfResult, NiceResult } from '../clinical/assessment';
import { underCurrentRules } from '../clinical/currentRules';
import { followUpOf } from '../clinical/followUp';
import { redFlagIds, redFlagLabels } from '../clinical/redFlags';
import type { Findings, SelfCareAbility, SmokingStatus } from '../domain/findings';
import { assertNever } from '../ipc/result';
import { clinicianDetails } from './clinicianAssessment';
import { findingsTable } from './findingsTable';
import { nextReview } from './nextReview';
import type { PdfContent, PdfTable } from './pdfTypes';
import { referralDecision, urgencyPhrase, type ReferralDecision } from './referral';
import { footDiagrams } from './reportDiagram';
import { examinerLine, identification, partTitle, recordNotices } from './reportHeader';
import type { ReportInput } from './reportInput';
import { boxed, colours, detailsTable, notice, value } from './reportLayout';
import { formatDate, formatInstant, isolate } from './reportText';

/**
 * The clinician report, laid out like a paper screening form so that a normal or typical screen
 * fits one A4 page: who and when; both feet side by side (the diagram and the findings table);
 * history and symptoms; the result of each guideline with its reason in a line; the action, next
 * review and referral; the outcome of the visit; the signature line. Optional items print only
 * when recorded, so the page has no blank lines. Rule identifiers, the neuropathy scores in full
 * and long lists go to the optional details appendix (clinicianAssessment.ts).
 */

const amputationWords = { none: 'None', minor: 'Minor', major: 'Major' } as const;

const smokingWords: Readonly<Record<SmokingStatus, string>> = { never: 'Never', former: 'Former smoker', current: 'Current smoker' };

const selfCareWords: Readonly<Record<SelfCareAbility, string>> = {
  independent: 'Independent',
  needs_help: 'Needs help',
  unable: 'Unable to care for own feet',
};

function yesNoRow(label: string, answer: boolean | undefined): [string, PdfContent] {
  return [label, answer === undefined ? { text: 'Not recorded', color: colours.muted } : value(answer ? 'Yes' : 'No', answer)];
}

/** History and symptoms as the form asks them; optional form items only when recorded. */
function historyRows(findings: Findings): [string, PdfContent][] {
  const h = findings.history ?? {};
  const s = findings.symptoms ?? {};
  const ulcerWhere = [h.previousUlcerSide, h.previousUlcerDate].filter((x): x is string => x !== undefined);
  const rows: [string, PdfContent][] = [
    [
      'Previous foot ulcer',
      h.previousUlcer === undefined ? { text: 'Not recorded', color: colours.muted } : value(`${h.previousUlcer ? 'Yes' : 'No'}${h.previousUlcer && ulcerWhere.length > 0 ? ` (${ulcerWhere.join(', ')})` : ''}`, h.previousUlcer),
    ],
    ['Previous amputation', h.previousAmputation ? value(amputationWords[h.previousAmputation], h.previousAmputation !== 'none') : { text: 'Not recorded', color: colours.muted }],
    yesNoRow('End-stage renal disease', h.endStageRenalDisease),
    yesNoRow('On dialysis', h.onDialysis),
    yesNoRow('Neuropathic symptoms', s.neuropathic),
    yesNoRow('Claudication', s.claudication),
    yesNoRow('Rest pain', s.restPain),
  ];
  if (h.kidneyTransplant === true) rows.push(['Kidney transplant', value('Yes', true)]);
  if (h.onMetformin === true) rows.push(['On metformin', 'Yes']);
  if (h.underVascularClinic !== undefined) rows.push(yesNoRow('Under a vascular clinic', h.underVascularClinic));
  if (h.previousVascularIntervention !== undefined) rows.push(yesNoRow('Vascular surgery before', h.previousVascularIntervention));
  if (h.smoking !== undefined) rows.push(['Smoking', value(smokingWords[h.smoking], h.smoking === 'current')]);
  return rows;
}

/** Red-flag answers: one line, the present ones first; nothing when none was asked. */
function redFlagLine(findings: Findings, assessment: Assessment): PdfContent[] {
  const flags = findings.redFlags ?? {};
  const asked = redFlagIds.filter((id) => flags[id] !== undefined);
  if (asked.length === 0 && flags.weightLoss === undefined) return [];
  const present = assessment.redFlags.present.map((id) => redFlagLabels[id]);
  const words = present.length > 0 ? { text: `Present: ${present.join('; ')}.`, bold: true } : { text: `None of the ${asked.length} asked.` };
  const weight = flags.weightLoss === true ? ' Weight loss recorded (not itself a red flag).' : '';
  return [{ text: [{ text: 'Red flags of an atypical neuropathy: ', style: 'label' }, words, weight], margin: [0, 2, 0, 0] }];
}

/** What the patient can do, footwear and self-care, when recorded. */
function personRows(findings: Findings): [string, PdfContent][] {
  const rows: [string, PdfContent][] = [];
  const fw = findings.footwear;
  if (fw && (fw.assessment !== undefined || fw.note)) {
    const words = `${fw.assessment === 'appropriate' ? 'Appropriate' : fw.assessment === 'inappropriate' ? 'Inappropriate' : 'Note'}${fw.note ? `: ${isolate(fw.note)}` : ''}`;
    rows.push(['Footwear', value(words, fw.assessment === 'inappropriate')]);
  }
  const sc = findings.selfCare;
  if (sc) {
    const parts = [
      sc.ability ? selfCareWords[sc.ability] : null,
      sc.canCutOwnNails === false ? 'cannot cut own nails' : sc.canCutOwnNails === true ? 'cuts own nails' : null,
      sc.impairedVision === true ? 'impaired vision' : null,
      sc.livesAlone === true ? 'lives alone' : null,
    ].filter((p): p is string => p !== null);
    if (parts.length > 0) rows.push(['Self-care', value(parts.join(', '), sc.ability === 'unable' || sc.ability === 'needs_help' || sc.impairedVision === true)]);
  }
  return rows;
}

/** "because ..." in one line: every reason the guideline gave, joined. */
function resultLine(title: string, result: IwgdfResult | NiceResult): PdfContent {
  const because = result.because.map((b) => b.reason).join(' ');
  const could = result.category === 'incomplete' ? ` Could be: ${result.possibleCategories.map(String).join(', ') || 'not known'}.` : '';
  return { text: [{ text: `${title}: `, bold: true }, { text: result.label, bold: true }, because ? ` ${because}` : '', could], margin: [0, 0, 0, 1.5] };
}

/** One action line: the referral when warranted, otherwise the screening interval. */
function actionLine(assessment: Assessment, referral: ReferralDecision): string {
  if (!referral.warranted) return assessment.iwgdf2023.action;
  const also = referral.medicalReview && referral.level !== null ? ' Also prompt medical review of a red flag (GP or physician).' : '';
  return `${referral.provisional ? 'If the result settles on it, refer' : 'Refer'}: ${referral.recipient}, ${urgencyPhrase(referral).charAt(0).toLowerCase()}${urgencyPhrase(referral).slice(1)}.${also}`;
}

function nextReviewText(assessment: Assessment, examinedOn: string): PdfContent {
  const review = nextReview(assessment, examinedOn);
  switch (review.kind) {
    case 'date':
      return { text: [{ text: `By ${formatDate(review.date)}`, bold: true }, review.provisional ? ' (the result is incomplete: until it is settled)' : '', { text: ` ${review.months} month${review.months === 1 ? '' : 's'}: the shorter interval of the two guidelines.`, color: colours.muted }] };
    case 'urgent':
    case 'not-set':
      return { text: review.text, bold: true };
    default:
      return assertNever(review, 'next review');
  }
}

function resultBox(input: ReportInput, referral: ReferralDecision): PdfTable {
  const { exam } = input;
  const a = exam.assessment;
  const comparison = underCurrentRules(a, exam.findings);
  // With a referral the action is the referral, so it is said once.
  const rows: [string, PdfContent][] = referral.warranted
    ? [
        ['Action, referral', { text: actionLine(a, referral), bold: true }],
        ['Next review', nextReviewText(a, exam.examinedOn)],
      ]
    : [
        ['Action', actionLine(a, referral)],
        ['Next review', nextReviewText(a, exam.examinedOn)],
        ['Referral', followUpOf(a).referralText],
      ];
  const warnings = a.warnings.map((w) => w.message);
  const stack: PdfContent[] = [
    { text: 'Result', style: 'h3', margin: [0, 0, 0, 2] },
    resultLine('IWGDF 2023', a.iwgdf2023),
    resultLine('NICE NG19', a.nice),
    ...(comparison.differs && comparison.text ? [{ text: comparison.text.replace(/^Under the current rules/, 'under the current rules'), italics: true, margin: [0, 0, 0, 1.5] as [number, number, number, number] }] : []),
    ...(warnings.length > 0 ? [{ text: [{ text: 'Check: ', bold: true }, warnings.join(' ')], margin: [0, 0, 0, 1.5] as [number, number, number, number] }] : []),
    detailsTable(rows, 1, 70, true),
  ];
  return { table: { widths: ['*'], body: [[{ stack, fillColor: colours.shade }]], dontBreakRows: true }, layout: boxed, margin: [0, 5, 0, 3] };
}

/** The outcome block of the form: action taken, education and comment, when recorded. */
function outcomeRows(findings: Findings): [string, PdfContent][] {
  const o = findings.outcome;
  if (!o) return [];
  const rows: [string, PdfContent][] = [];
  if (o.actionTaken) rows.push(['Action taken', isolate(o.actionTaken)]);
  const education = [
    o.educationVerbal === true ? 'foot care advice given verbally' : null,
    o.leafletGiven === true ? 'leaflet given' : null,
    o.emergencyContactsGiven === true ? 'emergency contacts given' : null,
  ].filter((x): x is string => x !== null);
  if (education.length > 0) rows.push(['Education', `${education.join('; ')}.`]);
  if (o.comment) rows.push(['Comment', isolate(o.comment)]);
  return rows;
}

function notExaminedNotice(input: ReportInput): PdfContent[] {
  const a = input.exam.assessment;
  if (a.examStatus === 'performed') return [];
  const who = a.examStatus === 'declined' ? 'The patient declined the foot examination' : 'The feet could not be examined (unsuitable)';
  const why = a.examStatusReason ? `: ${isolate(a.examStatusReason)}` : '';
  return [notice('Not examined', `${who}${why}. No foot findings were recorded; the result below rests on the history and on anything recorded without examination.`, 'urgent')];
}

/** Both feet side by side: the diagram and its key beside the findings table. */
function feetBlock(input: ReportInput): PdfContent {
  const diagram = footDiagrams(input.exam);
  if (!diagram) return { stack: [notice('Diagram', 'No foot was examined, so there is no diagram of site results.'), findingsTable(input.exam)] };
  return { columns: [diagram, { stack: [findingsTable(input.exam)], width: '*' }], columnGap: 10, margin: [0, 2, 0, 0] };
}

function signatureLine(input: ReportInput): PdfContent {
  const { exam } = input;
  const when = formatInstant(exam.signedAt, input.timeZone ?? 'UTC');
  const version = exam.version > 1 ? ` Version ${exam.version}, an amendment: ${isolate(exam.amendmentReason ?? 'reason not given')}.` : '';
  return {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.8, lineColor: colours.rule }], margin: [0, 6, 0, 3] },
      { text: [{ text: 'Signed electronically by ', style: 'label' }, { text: examinerLine(input), bold: true }, ` on ${when}.${version}`] },
    ],
    unbreakable: true,
  };
}

export function clinicianReport(input: ReportInput): PdfContent[] {
  const { exam } = input;
  const referral = referralDecision(exam.assessment, exam.examinedOn);
  const person = [...personRows(exam.findings), ...outcomeRows(exam.findings)];
  const page: PdfContent[] = [
    partTitle(input, 'Diabetic foot screening: clinician report'),
    identification(input, true),
    ...recordNotices(input, true),
    ...notExaminedNotice(input),
    feetBlock(input),
    { stack: [{ text: 'History and symptoms', style: 'h3' }, detailsTable(historyRows(exam.findings), 3, 100, true), ...redFlagLine(exam.findings, exam.assessment)], unbreakable: true },
    resultBox(input, referral),
    ...(person.length > 0 ? [{ stack: [{ text: 'Outcome of the visit', style: 'h3' }, detailsTable(person, 1, 78, true)], unbreakable: true }] : []),
    signatureLine(input),
  ];
  // 8.5 pt with tight lines: the whole form on one page, still above the 8 pt floor.
  return [{ stack: page, fontSize: 8.5, lineHeight: 1.05 }, ...(input.details ? clinicianDetails(input, referral) : [])];
}
