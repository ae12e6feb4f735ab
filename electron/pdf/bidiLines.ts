import { rendererPrototype, type PdfkitDocument, type PdfkitFont, type RendererInstance } from './pdfmakeRenderer';
import type { RunMarks } from './scriptRuns';

/**
 * What pdfmake cannot do itself, done per printed line just before pdfmake draws it (an extension
 * of pdfmake 0.3.11's `Renderer.renderLine`, the one place a laid-out line passes through):
 *
 * - Visual order (Unicode bidi rules L1 and L2): pdfmake lays a line out in logical order. Runs
 *   with an odd bidi level are turned round as sequences of words, so "محمد عبد" prints
 *   right to left with its space where it belongs; fontkit (under PDFKit) already shapes each word
 *   and turns its glyphs round. Spaces that end a line take the paragraph's direction.
 * - ActualText for scripts whose glyphs are reordered against the characters (Devanagari,
 *   Bengali, Gurmukhi: a vowel sign drawn before its consonant), so copying and text extraction
 *   give the characters in their own order.
 * - Ligatures of right-to-left fonts (lam-alef, the Allah ligature) are given their characters in
 *   visual order in the font's ToUnicode map, the order text extractors expect for glyphs they
 *   read right to left.
 *
 * Lines without any of these marks (nearly all) are drawn by pdfmake unchanged.
 */

interface Inline extends RunMarks {
  text: string;
  x: number;
  width: number;
  leadingCut?: number;
  trailingCut?: number;
  justifyShift?: number;
  font: PdfkitFont;
}

interface Line {
  inlines: Inline[];
  leadingCut?: number;
  _visualOrder?: boolean;
}

const blank = /^\s*$/u;

/** Rules L1 and L2 over the line's runs: the visual order of the inlines, as indices. */
export function visualOrder(levels: readonly number[], texts: readonly string[], base: number): number[] {
  const resolved = [...levels];
  for (let k = resolved.length - 1; k >= 0 && blank.test(texts[k] ?? ''); k--) resolved[k] = base;
  const order = resolved.map((_, i) => i);
  const highest = Math.max(0, ...resolved);
  const lowestOdd = Math.min(...resolved.filter((l) => l % 2 === 1), Number.POSITIVE_INFINITY);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if ((resolved[order[i] as number] ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (resolved[order[j] as number] ?? 0) >= level) j++;
      const turned = order.slice(i, j).reverse();
      order.splice(i, j - i, ...turned);
      i = j;
    }
  }
  return order;
}

function reorder(line: Line): void {
  if (line._visualOrder) return;
  line._visualOrder = true;
  const logical = line.inlines;
  const base = logical.find((i) => i._bidiBase !== undefined)?._bidiBase ?? 0;
  const order = visualOrder(
    logical.map((i) => i._bidiLevel ?? 0),
    logical.map((i) => i.text),
    base,
  );
  if (order.every((v, i) => v === i)) return;
  const first = order[0] ?? 0;
  // Where the line starts: what pdfmake cut (leading spaces of the first word, or the trailing
  // space that now stands first in a right-to-left line) stays out of the line.
  let x = first === 0 ? -(line.leadingCut ?? 0) : first === logical.length - 1 ? -(logical[first]?.trailingCut ?? 0) : 0;
  const spread = logical[1]?.justifyShift ?? 0;
  line.inlines = order.map((index, k) => {
    const inline = logical[index] as Inline;
    inline.x = x + k * spread;
    x += inline.width;
    return inline;
  });
}

function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const visualLigatures = new WeakSet<PdfkitFont>();

/** The font's multi-character glyphs get their characters in visual (reversed) order when it is embedded. */
function storeLigaturesVisually(font: PdfkitFont): void {
  if (visualLigatures.has(font)) return;
  visualLigatures.add(font);
  const embed = font.toUnicodeCmap.bind(font);
  font.toUnicodeCmap = () => {
    font.unicode = font.unicode.map((codePoints) => (codePoints.length > 1 ? [...codePoints].reverse() : codePoints));
    return embed();
  };
}

function isLine(value: unknown): value is Line {
  return typeof value === 'object' && value !== null && Array.isArray((value as { inlines?: unknown }).inlines);
}

function marked(inline: Inline): boolean {
  return inline._bidiLevel !== undefined || inline._actualText === true || inline._rightToLeftFont === true;
}

let installed = false;

/** Extends pdfmake's line renderer once per process (pdfmake's Node entry is a singleton too). */
export function installBidiLines(): void {
  if (installed) return;
  const proto = rendererPrototype();
  const renderLine = proto.renderLine as (this: RendererInstance, line: Line, x: number, y: number) => unknown;
  proto.renderLine = function (this: RendererInstance, line: unknown, x: number, y: number): unknown {
    if (!isLine(line)) return renderLine.call(this, line as Line, x, y);
    if (!line.inlines.some(marked)) return renderLine.call(this, line, x, y);
    if (line.inlines.some((i) => i._bidiLevel !== undefined)) reorder(line);
    const doc = this.pdfDocument;
    const text = doc.text;
    const addContent = doc.addContent;
    // renderLine draws the inlines in order, one `text` call each.
    const queue = [...line.inlines];
    doc.text = function (this: PdfkitDocument, ...args: unknown[]): unknown {
      const inline = queue.shift();
      if (inline?._rightToLeftFont) storeLigaturesVisually(inline.font);
      if (!inline?._actualText) return text.apply(this, args);
      // The span goes inside the text object (BT … ET), where PDFKit has set the page transform,
      // so that readers place the ActualText where the glyphs are.
      doc.addContent = function (this: PdfkitDocument, data: string): unknown {
        if (data === 'ET') addContent.call(this, 'EMC');
        const result = addContent.call(this, data);
        if (data === 'BT') addContent.call(this, `/Span << /ActualText ${utf16Hex(inline.text)} >> BDC`);
        return result;
      };
      try {
        return text.apply(this, args);
      } finally {
        delete (doc as Partial<PdfkitDocument>).addContent;
      }
    };
    try {
      return renderLine.call(this, line, x, y);
    } finally {
      delete (doc as Partial<PdfkitDocument>).text;
    }
  };
  installed = true;
}
