import { postalAddressLines, type Patient } from '../domain/patient';
import type { PdfContent, PdfDocument } from './pdfTypes';
import { colours, contentWidth, pageMargins, styles } from './reportLayout';
import { formatDate, naturalName } from './reportText';

/**
 * Invitation letters for the recall worklist: one page per patient, all in one PDF for
 * printing in a batch. Plain words at about a reading age of 11 (checked by a test, like the
 * patient copy), 12 pt type (RNIB clear print minimum), and no medical detail: the letter may be
 * opened by someone else in the household.
 *
 * The patient's name and postal address are printed where the window of a DL envelope with a
 * left window shows them once the A4 page is folded in three: 20 mm from the left edge and 50 mm
 * from the top, within 90 x 35 mm (the common UK DL window, 90 x 35 mm at 20 mm from the left
 * and 15 mm from the bottom of the envelope; DIN 5008 form B places it the same). With no
 * address recorded the name is printed there with room for a label.
 */

const mm = 72 / 25.4;
/** Where the address block goes on the page, in points from the top-left corner. */
export const addressWindow = { x: 20 * mm, y: 50 * mm, width: 90 * mm, height: 35 * mm } as const;

export interface LetterInput {
  patient: Pick<Patient, 'familyName' | 'givenNames' | 'clinicIdentifier'> & Partial<Pick<Patient, 'title' | 'addressLine1' | 'addressLine2' | 'addressLine3' | 'town' | 'postcode'>>;
  /** The last signed examination, or null: never screened here. */
  lastExaminedOn: string | null;
  /** The next due date, or null: never screened. */
  dueOn: string | null;
}

export interface LetterBatch {
  letters: readonly LetterInput[];
  clinicName: string;
  /** "Phone 01632 960000, Monday to Friday" (Settings); a general sentence when empty. */
  bookingText: string;
  /** The date printed on every letter (ISO date). */
  letterDate: string;
  /** ISO instant: the PDF's metadata dates, so the same batch gives the same file. */
  generatedAt: string;
}

function whenSentence(letter: LetterInput, letterDate: string): string {
  if (letter.lastExaminedOn === null || letter.dueOn === null) {
    return 'We would like to invite you for a diabetes foot check. We do not have a record of one with us yet.';
  }
  const last = `Your last foot check with us was on ${formatDate(letter.lastExaminedOn)}.`;
  return letter.dueOn < letterDate
    ? `${last} Your next check was due on ${formatDate(letter.dueOn)}, so it is now time to book it.`
    : `${last} Your next check is due on ${formatDate(letter.dueOn)}. Please book it now.`;
}

/** The words of one letter, paragraph by paragraph (also what the readability test reads). */
export function letterParagraphs(letter: LetterInput, batch: Pick<LetterBatch, 'bookingText' | 'letterDate'>): string[] {
  const booking = batch.bookingText.trim();
  return [
    whenSentence(letter, batch.letterDate),
    'Diabetes can take away the feeling in your feet, or slow the blood flow to them. You may not notice this yourself. A foot check finds it early, so we can help you keep your feet safe.',
    'The check takes about 15 minutes and does not hurt. We touch your feet with a soft nylon thread and a tuning fork, feel the pulses in your feet and look at your skin.',
    booking ? `To book, ${booking.charAt(0).toLowerCase()}${booking.slice(1).replace(/\.?$/, '.')}` : 'To book, please phone or visit the clinic.',
    'Please wear shoes and socks that are easy to take off. Bring your glasses if you need them to read.',
  ];
}

const urgentAdvice =
  'Do not wait for this check if you have a foot problem now, such as a wound or blister, redness, swelling, or a change in colour. Contact your GP practice or foot team today.';

function oneLetter(letter: LetterInput, batch: LetterBatch, first: boolean): PdfContent {
  const clinic = batch.clinicName.trim();
  const name = naturalName(letter.patient);
  const addressee = letter.patient.title ? `${letter.patient.title} ${name}` : name;
  return {
    stack: [
      {
        columns: [
          { stack: [...(clinic ? [{ text: clinic, bold: true, fontSize: 13 }] : []), { text: 'Diabetes foot screening', color: colours.muted }], width: '*' },
          { text: formatDate(batch.letterDate), alignment: 'right', width: 150 },
        ],
        margin: [0, 0, 0, 4],
      },
      // In the envelope's window: the name and address, outside the flow at a fixed place.
      {
        stack: [
          { text: addressee, bold: true },
          ...postalAddressLines({ addressLine1: null, addressLine2: null, addressLine3: null, town: null, postcode: null, ...letter.patient }).map((line) => ({ text: line })),
        ],
        absolutePosition: { x: addressWindow.x + 6, y: addressWindow.y + 4 },
        width: addressWindow.width - 12,
        fontSize: 11,
        lineHeight: 1.1,
      },
      // The letter itself starts under the window.
      { text: '', margin: [0, addressWindow.y + addressWindow.height - pageMargins[1] - 10 - 58, 0, 0] },
      { text: 'Time for your diabetes foot check', style: 'title', fontSize: 17, margin: [0, 0, 0, 14] },
      { text: `Dear ${name},`, margin: [0, 0, 0, 10] },
      ...letterParagraphs(letter, batch).map((text): PdfContent => ({ text, margin: [0, 0, 0, 9] })),
      {
        table: { widths: ['*'], body: [[{ text: [{ text: 'Foot problem now? ', bold: true }, urgentAdvice], fillColor: colours.noticeFill }]] },
        layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => colours.rule, vLineColor: () => colours.rule, paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 6 },
        margin: [0, 6, 0, 16],
      },
      { text: 'Yours sincerely,', margin: [0, 0, 0, 6] },
      { text: 'The diabetes foot screening team', bold: true },
      ...(clinic ? [{ text: clinic }] : []),
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth - 32, y2: 0, lineWidth: 0.5, lineColor: colours.lightRule }],
        margin: [0, 28, 0, 4],
      },
      { text: `Our reference: ${letter.patient.clinicIdentifier}. Please have it ready when you call.`, style: 'small', fontSize: 9 },
    ],
    ...(first ? {} : { pageBreak: 'before' as const }),
  };
}

/** One document with every letter, each on its own page. */
export function invitationLetters(batch: LetterBatch): PdfDocument {
  const generated = new Date(batch.generatedAt);
  return {
    info: {
      title: `Diabetes foot check invitations, ${batch.letterDate}`,
      subject: `${batch.letters.length} invitation letter${batch.letters.length === 1 ? '' : 's'}`,
      creator: 'Foot Screening',
      producer: 'Foot Screening (pdfmake)',
      creationDate: generated,
      modDate: generated,
    },
    pageSize: 'A4',
    pageMargins: [pageMargins[0] + 16, pageMargins[1] + 10, pageMargins[2] + 16, pageMargins[3]],
    language: 'en-GB',
    content: batch.letters.map((letter, i) => oneLetter(letter, batch, i === 0)),
    styles,
    defaultStyle: { fontSize: 12, color: colours.text, lineHeight: 1.2 },
  };
}

/** "Invitation letters - 2026-11-25 - 12 patients.pdf". */
export function lettersFileName(batch: Pick<LetterBatch, 'letterDate' | 'letters'>): string {
  const n = batch.letters.length;
  return `Invitation letters - ${batch.letterDate} - ${n} patient${n === 1 ? '' : 's'}.pdf`;
}
