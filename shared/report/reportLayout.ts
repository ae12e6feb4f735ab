import type { PdfCell, PdfContent, PdfStyle, PdfTable, PdfTableLayout, PdfText } from './pdfTypes';

/**
 * The look shared by every part: A4, the same margins, styles and table lines, and the building
 * blocks (headings, label/value tables, boxed notices). Meaning never rests on colour alone:
 * abnormal values are bold, notices are boxed and start with a word ("Urgent", "Note"), so a
 * black-and-white printout reads the same.
 */

/** A4 is 595 x 842 pt; 40 pt margins leave 515 pt for text. The bottom margin holds the footer. */
export const pageMargins: [number, number, number, number] = [40, 40, 40, 52];
export const contentWidth = 595.28 - 80;

export const colours = {
  text: '#1a1a1a',
  muted: '#555555',
  heading: '#17324d',
  rule: '#9e9e9e',
  lightRule: '#d0d0d0',
  shade: '#eef1f4',
  noticeFill: '#fff6e0',
  urgentFill: '#fde8e6',
  urgentText: '#8a1410',
} as const;

export const styles: Record<string, PdfStyle> = {
  title: { fontSize: 15, bold: true, color: colours.heading },
  clinic: { fontSize: 10.5, bold: true, color: colours.text },
  h2: { fontSize: 11, bold: true, color: colours.heading, margin: [0, 10, 0, 4] },
  h3: { fontSize: 9.5, bold: true, color: colours.heading, margin: [0, 6, 0, 2] },
  label: { color: colours.muted },
  small: { fontSize: 7.5, color: colours.muted },
  tableHeader: { bold: true, fillColor: colours.shade },
  abnormal: { bold: true },
};

/** Thin grey lines between rows, none between columns, comfortable padding. */
export const rowLines: PdfTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? colours.rule : colours.lightRule),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/** rowLines, tighter: the one-page clinician report. */
export const compactRowLines: PdfTableLayout = { ...rowLines, paddingTop: () => 1.2, paddingBottom: () => 1.2, paddingLeft: () => 3, paddingRight: () => 3 };

/** A box drawn around one cell: notices and the summary. */
export const boxed: PdfTableLayout = {
  hLineWidth: () => 1,
  vLineWidth: () => 1,
  hLineColor: () => colours.rule,
  vLineColor: () => colours.rule,
  paddingLeft: () => 7,
  paddingRight: () => 7,
  paddingTop: () => 5,
  paddingBottom: () => 5,
};

export function heading(text: string, level: 'h2' | 'h3' = 'h2'): PdfContent {
  return { text, style: level };
}

/**
 * A heading kept on the same page as the start of what it introduces (pdfmake has no
 * keep-with-next; an unbreakable stack of the heading and the first block does the same).
 */
export function section(title: string, first: PdfContent, ...rest: PdfContent[]): PdfContent[] {
  return [{ stack: [heading(title), first], unbreakable: true }, ...rest];
}

/**
 * A heading and a bulleted list that may run over a page: the heading stays with the first item,
 * the rest flows (a whole list kept together would leave a gap when it does not fit).
 */
export function listSection(title: string, items: readonly PdfContent[]): PdfContent[] {
  const [first, ...rest] = items;
  if (first === undefined) return section(title, 'None.');
  return [{ stack: [heading(title), { ul: [first] }], unbreakable: true }, ...(rest.length > 0 ? [{ ul: rest, margin: [0, 0, 0, 2] as [number, number, number, number] }] : [])];
}

/** Label/value rows in `pairs` side-by-side columns (e.g. patient details in two columns). */
export function detailsTable(rows: readonly (readonly [string, PdfContent])[], pairs: 1 | 2 | 3, labelWidth = 78, compact = false): PdfTable {
  const body: PdfCell[][] = [];
  const perColumn = Math.ceil(rows.length / pairs);
  for (let r = 0; r < perColumn; r++) {
    const line: PdfCell[] = [];
    for (let c = 0; c < pairs; c++) {
      const row = rows[c * perColumn + r];
      line.push(row ? { text: row[0], style: 'label' } : '', row ? row[1] : '');
    }
    body.push(line);
  }
  const widths: (number | '*')[] = Array.from({ length: pairs }, (): (number | '*')[] => [labelWidth, '*']).flat();
  return { table: { widths, body, dontBreakRows: true }, layout: compact ? compactRowLines : rowLines };
}

/** A boxed notice that starts with a word, e.g. "Urgent:" or "Note:", then a sentence or several blocks. */
export function notice(label: string, body: string | readonly PdfContent[], tone: 'note' | 'urgent' = 'note'): PdfContent {
  const fillColor = tone === 'urgent' ? colours.urgentFill : colours.noticeFill;
  const content: PdfContent =
    typeof body === 'string' ? { text: [{ text: `${label}: `, bold: true }, body] } : { stack: [{ text: label, bold: true }, ...body] };
  return { table: { widths: ['*'], body: [[{ stack: [content], fillColor }]], dontBreakRows: true }, layout: boxed, margin: [0, 4, 0, 4] };
}

export function bullets(items: readonly PdfContent[]): PdfContent {
  return { ul: [...items], margin: [0, 0, 0, 2] };
}

/** A value printed bold when it is abnormal (bold reads in black and white; colour would not). */
export function value(text: string, abnormal: boolean): PdfText {
  return abnormal ? { text, style: 'abnormal' } : { text };
}
