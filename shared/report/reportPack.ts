import { displayName } from '../domain/patient';
import type { ReportFileNaming } from '../domain/settings';
import { assertNever, fail, ok, type Result } from '../ipc/result';
import { clinicianReport } from './clinicianReport';
import { patientCopy } from './patientCopy';
import type { PdfContent, PdfDocument, PdfSection } from './pdfTypes';
import { referralDecision } from './referral';
import { referralLetter } from './referralLetter';
import { footerFor } from './reportHeader';
import type { ReportInput } from './reportInput';
import { colours, pageMargins, styles } from './reportLayout';
import { orderedParts, reportPartLabels, type ReportPart } from './reportParts';

/**
 * The report pack as pdfmake document definitions: one document with the chosen parts, each
 * starting on a new page, or one document per part. Pure data built from the input only: the
 * metadata dates are the generation time the caller passes, so the same input gives the same
 * document (and, as pdfmake 0.3 writes it, the same bytes).
 *
 * "Page x of y" counts the pages of each part, also in a combined file: the patient copy is
 * "Page 1 of 1" wherever it is in the pack.
 */

export interface ReportOptions {
  parts: readonly ReportPart[];
  /** Large type for the patient copy. */
  largePrint: boolean;
}

export interface ReportFile {
  parts: ReportPart[];
  fileName: string;
  definition: PdfDocument;
}

/** The parts asked for, in print order, refusing a referral letter the exam does not warrant. */
export function checkParts(input: ReportInput, parts: readonly ReportPart[]): Result<ReportPart[]> {
  const ordered = orderedParts(parts);
  if (ordered.length === 0) return fail('bad_request', 'Choose at least one part of the report.');
  if (ordered.includes('referral') && !input.referral && !referralDecision(input.exam.assessment, input.exam.examinedOn).warranted) {
    return fail('conflict', 'The result does not call for a referral (no category requires one and there is no red flag). To refer anyway, choose the service and give the reason.');
  }
  return ok(ordered);
}

function partContent(input: ReportInput, part: ReportPart, largePrint: boolean): PdfContent[] {
  switch (part) {
    case 'clinician':
      return clinicianReport(input);
    case 'patient':
      return patientCopy(input, largePrint);
    case 'referral':
      return referralLetter(input);
    default:
      return assertNever(part, 'report part');
  }
}

/**
 * Which pages of the file each part has, learnt while pdfmake lays the pages out (each part's
 * section reports its pages as they are added, before any footer is made), so each part's footer
 * numbers its own pages: the patient copy is "Page 1 of 1" even as pages 3 of a 4-page pack.
 */
function partPages(): { recorder: (part: ReportPart) => (page: number) => null; position: (part: ReportPart, page: number) => { page: number; of: number } } {
  const pages = new Map<ReportPart, number[]>();
  return {
    recorder: (part) => (page) => {
      // pdfmake lays the document out again when a page break moves; page 1 starts a new pass.
      if (page === 1) pages.clear();
      const list = pages.get(part) ?? [];
      if (!list.includes(page)) list.push(page);
      pages.set(part, list);
      return null;
    },
    position: (part, page) => {
      const list = pages.get(part) ?? [];
      const index = list.indexOf(page);
      return index < 0 ? { page, of: page } : { page: index + 1, of: list.length };
    },
  };
}

/** One document holding `parts` in print order, each from a new page with its own page numbers. */
export function reportDocument(input: ReportInput, options: ReportOptions): PdfDocument {
  const parts = orderedParts(options.parts);
  const generated = new Date(input.generatedAt);
  const footer = footerFor(input);
  const tracker = partPages();
  const content: PdfSection[] = parts.map((part) => ({
    section: partContent(input, part, options.largePrint),
    background: tracker.recorder(part),
    footer: (currentPage) => {
      const at = tracker.position(part, currentPage);
      return footer(at.page, at.of);
    },
  }));
  const what = parts.map((p) => reportPartLabels[p]).join(', ');
  return {
    // No patient name or identifier in the metadata: print queues and file managers show it.
    info: {
      title: `Diabetic foot screening, ${input.exam.examinedOn}`,
      subject: what,
      keywords: 'diabetic foot screening, IWGDF 2023, NICE NG19',
      author: input.exam.signedByName ?? input.exam.signedBy ?? '',
      creator: 'Foot Screening',
      producer: 'Foot Screening (pdfmake)',
      creationDate: generated,
      modDate: generated,
    },
    pageSize: 'A4',
    pageMargins,
    language: 'en-GB',
    content,
    styles,
    defaultStyle: { fontSize: 9, color: colours.text, lineHeight: 1.1 },
  };
}

/** Characters file systems refuse or treat specially, replaced in file names. */
function safeForFileName(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f/\\:*?"<>|]+/g, '_').trim();
}

/**
 * "Clinician report - MRN-1001 - 2026-11-25.pdf" as the clinic's setting names it: by identifier
 * and date unless the clinic chose to include the name (file names show in download folders,
 * print queues and e-mail attachments). The pack is "Foot screening report - ...".
 */
export function reportFileName(input: ReportInput, parts: readonly ReportPart[], naming: ReportFileNaming = 'identifier-date'): string {
  const what = parts.length === 1 && parts[0] ? reportPartLabels[parts[0]] : 'Foot screening report';
  const id = input.patient.clinicIdentifier;
  const date = input.exam.examinedOn;
  const fields = ((): string[] => {
    switch (naming) {
      case 'identifier-date':
        return [id, date];
      case 'date-identifier':
        return [date, id];
      case 'name-identifier-date':
        return [displayName(input.patient), id, date];
      default:
        return assertNever(naming, 'report file naming');
    }
  })();
  return `${safeForFileName([what, ...fields].join(' - '))}.pdf`;
}

/** The files to make: one with every part (`combined`), or one per part. */
export function reportFiles(input: ReportInput, options: ReportOptions & { combined: boolean; naming?: ReportFileNaming }): ReportFile[] {
  const parts = orderedParts(options.parts);
  const groups = options.combined ? [parts] : parts.map((p) => [p]);
  return groups.map((group) => ({
    parts: group,
    fileName: reportFileName(input, group, options.naming),
    definition: reportDocument(input, { parts: group, largePrint: options.largePrint }),
  }));
}
