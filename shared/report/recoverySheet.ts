import type { PdfContent, PdfDocument } from './pdfTypes';
import { colours, notice, pageMargins, styles } from './reportLayout';
import { formatDate } from './reportText';

/**
 * The recovery sheet: the clinic key written as a code, with what it is for and where to keep
 * it. Without the key an encrypted database or backup cannot be read by anyone, the clinic
 * included, so this page is how a backup is restored on a new computer (or after the computer's
 * credential store is lost). It is as sensitive as the records themselves.
 */
export interface RecoverySheetInput {
  clinicName: string;
  /** 16 groups of 4 hexadecimal digits. */
  recoveryCode: string;
  /** The key's public fingerprint, also shown by a refused restore ("made with another key (key …)"). */
  keyId: string;
  /** ISO date printed on the sheet. */
  madeOn: string;
  /** Who made it (username). */
  madeBy: string;
  /** ISO instant: the PDF's metadata dates. */
  generatedAt: string;
}

export function recoverySheet(input: RecoverySheetInput): PdfDocument {
  const generated = new Date(input.generatedAt);
  const clinic = input.clinicName.trim() || 'This clinic';
  const groups = input.recoveryCode.split('-');
  // Two lines of eight groups: easy to read aloud and to type back group by group.
  const codeLines = [groups.slice(0, 8).join('  '), groups.slice(8).join('  ')];
  const content: PdfContent[] = [
    { text: clinic, bold: true, fontSize: 13 },
    { text: 'Foot Screening — database recovery sheet', style: 'title', fontSize: 18, margin: [0, 2, 0, 4] },
    { text: `Made on ${formatDate(input.madeOn)} by ${input.madeBy}. Key ${input.keyId}.`, color: colours.muted, margin: [0, 0, 0, 14] },
    { text: 'Recovery code', bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
    {
      table: { widths: ['*'], body: [[{ stack: codeLines.map((line) => ({ text: line, bold: true, fontSize: 15, characterSpacing: 0.5 })), fillColor: colours.noticeFill }]] },
      layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => colours.rule, vLineColor: () => colours.rule, paddingLeft: () => 10, paddingRight: () => 10, paddingTop: () => 8, paddingBottom: () => 8 },
      margin: [0, 0, 0, 14],
    },
    { text: 'What it is for', bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
    {
      text:
        "The clinic's records and every backup of them are encrypted with this key. The app keeps the key on this computer, so day to day nobody needs this sheet. You need it to restore a backup on a new or repaired computer, or when the app says the database key is missing: type the code when the restore or the recovery screen asks for it (spaces and dashes do not matter).",
      margin: [0, 0, 0, 10],
    },
    { text: 'Where to keep it', bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
    {
      ul: [
        'In a locked place away from the computer and away from the backups, such as the practice safe. Anyone with this code and a backup can read every patient record.',
        'Not in a photo, an e-mail, or a file on the same computer or backup drive.',
        'Destroy spare copies securely (shredding). The code stays the same for every backup made with this key: if someone else may have seen it, report it as a data-protection incident.',
      ],
      margin: [0, 0, 0, 12],
    },
    notice('If this sheet is lost', 'Backups made with this key cannot be read without it, by the clinic or by anyone else. While this computer still opens the app, an administrator can print a new sheet.', 'urgent'),
  ];
  return {
    info: {
      title: `Recovery sheet, ${clinic}, ${input.madeOn}`,
      subject: 'Database recovery code',
      creator: 'Foot Screening',
      producer: 'Foot Screening (pdfmake)',
      creationDate: generated,
      modDate: generated,
    },
    pageSize: 'A4',
    pageMargins: [pageMargins[0] + 16, pageMargins[1] + 10, pageMargins[2] + 16, pageMargins[3]],
    language: 'en-GB',
    content,
    styles,
    defaultStyle: { fontSize: 11, color: colours.text, lineHeight: 1.2 },
  };
}

/** "Recovery sheet - 2026-11-25.pdf". */
export function recoverySheetFileName(madeOn: string): string {
  return `Recovery sheet - ${madeOn}.pdf`;
}
