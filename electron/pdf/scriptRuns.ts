import bidiFactory from 'bidi-js';
import { defaultFontFamily, fontFamily, reportFontFamilies, type FontCoverage, type ReportFontFamily } from './reportFonts';

/**
 * Splits one paragraph (a pdfmake text node: its pieces of text, each with its own style) into
 * runs that pdfmake can print: each run gets a font that has glyphs for it (pdfmake has no
 * fallback), and when the paragraph holds right-to-left text, its Unicode bidi embedding level
 * (bidi-js implements the Unicode Bidirectional Algorithm, UAX #9). The visual reordering of the
 * runs happens per printed line (`bidiLines.ts`), after pdfmake has broken the paragraph into
 * lines, because the order depends on where the lines break.
 *
 * The paragraph direction is left to right (the reports are in English) unless the paragraph has
 * right-to-left letters and no left-to-right ones, as a free-text note written wholly in Arabic.
 * Text wrapped in the Unicode isolates FSI … PDI (U+2068, U+2069) takes its own direction from its
 * first strong letter and does not reorder what is around it; the isolate characters themselves
 * are not printed.
 */

/** One piece of a paragraph as pdfmake takes it: a string, or an object with a string `text` and its style. */
export type Piece = string | (Record<string, unknown> & { text: string });

/** Extra properties a run carries to the line reordering (pdfmake copies them onto each word it makes). */
export interface RunMarks {
  /** Bidi embedding level (odd: right to left). Only on paragraphs that hold right-to-left text. */
  _bidiLevel?: number;
  /** The paragraph's level (0 or 1): where trailing spaces of a line go (rule L1). */
  _bidiBase?: number;
  /** Print the run's characters as the span's ActualText (glyphs reordered by shaping). */
  _actualText?: boolean;
  /** Its font is a right-to-left font: ligatures' text is stored in visual order. */
  _rightToLeftFont?: boolean;
}

export type Run = Record<string, unknown> & { text: string } & RunMarks;

const bidi = bidiFactory();

/** The Unicode bidi controls (LRM, RLM, embeddings, overrides, isolates): steer the order, never printed. */
const bidiControl = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const rightToLeftLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Beyond Latin-1 and Latin Extended-A/B (all in Noto Sans): text without it needs neither another font nor bidi. */
const beyondLatin = /[\u0250-\u{10ffff}]/u;
const whitespace = /^\s$/u;
const scriptNeutral = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const hangul = /\p{Script=Hangul}/u;

/** Whether fontkit lays a run out right to left: it goes by the first letter's script, as fontkit's `Script.forString`. */
function fontkitReverses(text: string): boolean {
  for (const ch of text) {
    if (scriptNeutral.test(ch) || /\p{Script=Unknown}/u.test(ch)) continue;
    return rightToLeftLetter.test(ch);
  }
  return false;
}

function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

export interface ParagraphResult {
  /** The runs, or null when the paragraph prints as it is (the common case: nothing to change). */
  runs: Run[] | null;
  /** Characters no report font has a glyph for (they would print as an empty box). */
  missing: string[];
}

export class ScriptRunSplitter {
  constructor(private readonly coverage: FontCoverage) {}

  paragraph(pieces: readonly Piece[]): ParagraphResult {
    const texts = pieces.map((p) => (typeof p === 'string' ? p : p.text));
    const full = texts.join('');
    if (!beyondLatin.test(full)) return { runs: null, missing: [] };

    const cjkFamily = this.cjkFamilyFor(full);
    const chars: { ch: string; start: number; piece: number }[] = [];
    let offset = 0;
    texts.forEach((text, piece) => {
      for (const ch of text) {
        chars.push({ ch, start: offset, piece });
        offset += ch.length;
      }
    });

    // Bidi levels, per UTF-16 unit, only when there is something right to left or a bidi control.
    const needsBidi = rightToLeftLetter.test(full) || bidiControl.test(full) || /[\u0660-\u0669\u06f0-\u06f9]/u.test(full);
    let levels: Uint8Array | null = null;
    let base = 0;
    let mirrors = new Map<number, string>();
    if (needsBidi) {
      base = this.baseLevel(full);
      const embedding = bidi.getEmbeddingLevels(full, base === 1 ? 'rtl' : 'ltr');
      levels = embedding.levels;
      mirrors = bidi.getMirroredCharactersMap(full, levels);
    }

    const missing: string[] = [];
    const runs: Run[] = [];
    let previous: ReportFontFamily | null = null;
    let current: { family: ReportFontFamily; level: number; piece: number; space: boolean; text: string } | null = null;
    const flush = (): void => {
      if (current === null || current.text === '') return;
      runs.push(this.run(pieces[current.piece] ?? '', current.text, current.family, levels === null ? null : { level: current.level, base }));
    };

    for (const { ch, start, piece } of chars) {
      if (bidiControl.test(ch)) continue;
      const preferred = this.preferredFamily(pieces[piece]);
      const family = this.familyFor(ch, preferred, previous, cjkFamily, missing);
      previous = family;
      const level = levels?.[start] ?? 0;
      // Spaces are runs of their own in a paragraph with bidi, so that a line's trailing space can
      // return to the paragraph's direction (rule L1) instead of being drawn inside a reversed
      // word, and in scripts printed with ActualText, so that the span covers the word only (a
      // reader would take the space into the word, and a line's trailing space into the margin).
      const space = (levels !== null || family.reorders) && whitespace.test(ch);
      const printed = mirrors.get(start) ?? ch;
      if (current && current.family === family && current.level === level && current.piece === piece && current.space === space && !space) {
        current.text += printed;
      } else {
        flush();
        current = { family, level, piece, space, text: printed };
      }
    }
    flush();
    return { runs, missing };
  }

  /** 1 (right to left) when the text outside isolates has right-to-left letters and no left-to-right ones. */
  private baseLevel(text: string): number {
    let depth = 0;
    let rtl = false;
    for (const ch of text) {
      if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
      else if (ch === '\u2069') depth = Math.max(0, depth - 1);
      else if (depth === 0) {
        const type = bidi.getBidiCharTypeName(ch);
        if (type === 'L') return 0;
        if (type === 'R' || type === 'AL') rtl = true;
      }
    }
    return rtl ? 1 : 0;
  }

  private preferredFamily(piece: Piece | undefined): ReportFontFamily {
    const name = typeof piece === 'object' && typeof piece.font === 'string' ? piece.font : defaultFontFamily;
    return fontFamily(name) ?? (fontFamily(defaultFontFamily) as ReportFontFamily);
  }

  /** Han goes to the Japanese face when the text has kana, the Korean one when it has Hangul. */
  private cjkFamilyFor(text: string): ReportFontFamily | null {
    const name = kana.test(text) ? 'NotoSansCJKjp' : hangul.test(text) ? 'NotoSansCJKkr' : 'NotoSansCJKsc';
    return fontFamily(name) ?? null;
  }

  private familyFor(ch: string, preferred: ReportFontFamily, previous: ReportFontFamily | null, cjk: ReportFontFamily | null, missing: string[]): ReportFontFamily {
    const cp = ch.codePointAt(0) ?? 0;
    // Spaces, punctuation and combining marks stay in the font of what they follow, so that a word
    // is shaped whole and a run does not break at each space.
    if (previous && scriptNeutral.test(ch) && this.coverage.covers(previous, cp)) return previous;
    const byScript = reportFontFamilies.find((f) => f.script?.test(ch));
    if (byScript) {
      const family = byScript.family.startsWith('NotoSansCJK') && cjk ? cjk : byScript;
      if (this.coverage.covers(family, cp)) return family;
    }
    if (this.coverage.covers(preferred, cp)) return preferred;
    const any = reportFontFamilies.find((f) => this.coverage.covers(f, cp));
    if (any) return any;
    if (!whitespace.test(ch) && !missing.includes(ch)) missing.push(ch);
    return preferred;
  }

  private run(piece: Piece, text: string, family: ReportFontFamily, bidiLevels: { level: number; base: number } | null): Run {
    const style = typeof piece === 'string' ? {} : piece;
    const run: Run = { ...style, text };
    if (family.family !== this.preferredFamily(piece).family) run.font = family.family;
    if (family.reorders && !/^\s*$/u.test(text)) run._actualText = true;
    if (family.rightToLeft) run._rightToLeftFont = true;
    if (bidiLevels) {
      run._bidiLevel = bidiLevels.level;
      run._bidiBase = bidiLevels.base;
      // fontkit reverses a run whose first letter is right to left, whatever its level: turn the
      // text round where that disagrees with the level (right-to-left digits at an even level,
      // punctuation at an odd one), so that the glyphs come out in visual order.
      if (fontkitReverses(text) !== (bidiLevels.level % 2 === 1)) run.text = reversed(text);
    }
    return run;
  }
}
