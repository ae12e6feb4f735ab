/**
 * The part of pdfmake's document-definition vocabulary the reports use, declared here because
 * `pdfmake/interfaces` pulls the DOM and Node type libraries into whatever imports it, and shared/
 * must see neither. electron/pdf hands these objects to pdfmake, and the
 * compiler checks there that they are assignable to pdfmake's own `TDocumentDefinitions`.
 */

export type PdfMargins = number | [number, number] | [number, number, number, number];
export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';

/** Text properties a node may carry itself or take from a named style. */
export interface PdfStyle {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  background?: string;
  fillColor?: string;
  alignment?: PdfAlignment;
  lineHeight?: number;
  margin?: PdfMargins;
  characterSpacing?: number;
  decoration?: 'underline' | 'lineThrough' | 'overline';
  preserveLeadingSpaces?: boolean;
}

interface PdfNodeBase extends PdfStyle {
  style?: string | string[];
  /** Keeps a block on one page when it fits there (pdfmake moves it to the next page whole). */
  unbreakable?: boolean;
  pageBreak?: 'before' | 'after';
  width?: number | '*' | 'auto';
  id?: string;
  /** Placed at this point of the page (points from the top-left corner), outside the flow. */
  absolutePosition?: { x: number; y: number };
}

/** A run of text, or several runs with their own styles on one line. */
export interface PdfText extends PdfNodeBase {
  text: string | PdfText | (string | PdfText)[];
}

export interface PdfStack extends PdfNodeBase {
  stack: PdfContent[];
}

export interface PdfColumns extends PdfNodeBase {
  columns: PdfContent[];
  columnGap?: number;
}

export interface PdfList extends PdfNodeBase {
  ul: PdfContent[];
  markerColor?: string;
}

/** Table cell extras (pdfmake's TableCellProperties subset). */
export interface PdfCellProps {
  colSpan?: number;
  rowSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
  verticalAlignment?: 'top' | 'middle' | 'bottom';
}

/** A table cell: content, or the empty placeholder pdfmake wants under a span. */
export type PdfCell = (PdfContent & PdfCellProps) | Record<PropertyKey, never>;

/** How a table draws its lines and padding; pdfmake calls these per line or cell. */
export interface PdfTableLayout {
  hLineWidth?: (i: number, node: PdfTableNodeInfo) => number;
  vLineWidth?: (i: number, node: PdfTableNodeInfo) => number;
  hLineColor?: (i: number, node: PdfTableNodeInfo) => string;
  vLineColor?: (i: number, node: PdfTableNodeInfo) => string;
  paddingLeft?: (i: number, node: PdfTableNodeInfo) => number;
  paddingRight?: (i: number, node: PdfTableNodeInfo) => number;
  paddingTop?: (i: number, node: PdfTableNodeInfo) => number;
  paddingBottom?: (i: number, node: PdfTableNodeInfo) => number;
  fillColor?: (rowIndex: number, node: PdfTableNodeInfo, columnIndex: number) => string | null;
}

/** What pdfmake passes to a layout function about the table (the part the reports read). */
export interface PdfTableNodeInfo {
  table: { body: unknown[][]; headerRows?: number };
}

export interface PdfTable extends PdfNodeBase {
  table: {
    body: PdfCell[][];
    widths?: (number | '*' | 'auto')[];
    headerRows?: number;
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines' | PdfTableLayout;
}

/** An SVG drawing; pdfmake renders it as vectors with the document's fonts. */
export interface PdfSvg extends PdfNodeBase {
  svg: string;
  width: number;
}

export interface PdfCanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}

export interface PdfCanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  r?: number;
  lineWidth?: number;
  lineColor?: string;
  color?: string;
}

export interface PdfCanvas extends PdfNodeBase {
  canvas: (PdfCanvasLine | PdfCanvasRect)[];
}

export type PdfContent = string | PdfText | PdfStack | PdfColumns | PdfList | PdfTable | PdfSvg | PdfCanvas | PdfContent[];

/** Repeated content (the footer), given the page number and the page count of the document. */
export type PdfDynamicContent = (currentPage: number, pageCount: number) => PdfContent;

/**
 * A section of the document (top level only): it starts on a new page and has its own footer.
 * `background` is called once for each page the section gets, in order, while pages are laid out
 * (before any footer is made), so a section can learn its own pages; it draws nothing (null).
 */
export interface PdfSection {
  section: PdfContent[];
  footer?: PdfDynamicContent;
  background?: (currentPage: number) => null;
}

/** Document metadata. Dates are set from the exam so that the same input gives the same file. */
export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate: Date;
  modDate: Date;
}

export interface PdfDocument {
  info: PdfInfo;
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  language?: string;
  content: (PdfContent | PdfSection)[];
  footer?: PdfDynamicContent;
  styles?: Record<string, PdfStyle>;
  defaultStyle?: PdfStyle;
}
