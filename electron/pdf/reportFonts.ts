import fs from 'node:fs';
import path from 'node:path';
import type * as Fontkit from 'fontkit';

/**
 * The fonts the reports are printed with, all Noto (SIL Open Font License, resources/fonts/
 * LICENSE.txt), shipped in resources/fonts. Noto Sans prints Latin, Greek, Cyrillic and
 * Vietnamese; one family per other script prints names and free text in that script. pdfmake has
 * no font fallback, so `printableDocument` gives each run of text the first family here that has
 * a glyph for it. PDFKit embeds only the glyphs used (a subset) of each family that is used.
 *
 * The scripts other than Latin have no italic; their italic is their upright face. CJK has one
 * weight (Regular) because each weight of Noto Sans CJK is about 19 MB: CJK text set in bold
 * prints in the regular weight.
 */

export interface FontFace {
  file: string;
  /** The face inside a collection (.ttc), by PostScript name. */
  face?: string;
}

export interface ReportFontFamily {
  /** The pdfmake family name a text run is given. */
  family: string;
  regular: FontFace;
  bold: FontFace;
  italics: FontFace;
  boldItalics: FontFace;
  /** Characters this family is chosen for first, before Noto Sans and the others are tried. */
  script: RegExp | null;
  /** Drawn right to left and shaped by fontkit, so its runs need visual reordering. */
  rightToLeft: boolean;
  /**
   * Glyphs are reordered against the characters (Indic vowel signs drawn before their consonant,
   * reph), so the text layer carries the characters as an ActualText span.
   */
  reorders: boolean;
}

export const defaultFontFamily = 'NotoSans';

function upright(family: string, regular: string, bold: string, script: RegExp | null, options: { rightToLeft?: boolean; reorders?: boolean } = {}): ReportFontFamily {
  return {
    family,
    regular: { file: regular },
    bold: { file: bold },
    italics: { file: regular },
    boldItalics: { file: bold },
    script,
    rightToLeft: options.rightToLeft ?? false,
    reorders: options.reorders ?? false,
  };
}

function cjk(family: string, face: string, script: RegExp | null): ReportFontFamily {
  const regular = { file: 'NotoSansCJK-Regular.ttc', face };
  return { family, regular, bold: regular, italics: regular, boldItalics: regular, script, rightToLeft: false, reorders: false };
}

/**
 * In the order they are tried for a character no family claims by its script. Han characters go
 * to the Simplified Chinese face unless the same text holds kana (Japanese) or Hangul (Korean):
 * the faces differ only in the regional shapes of some Han characters.
 */
export const reportFontFamilies: readonly ReportFontFamily[] = [
  {
    family: defaultFontFamily,
    regular: { file: 'NotoSans-Regular.ttf' },
    bold: { file: 'NotoSans-Bold.ttf' },
    italics: { file: 'NotoSans-Italic.ttf' },
    boldItalics: { file: 'NotoSans-BoldItalic.ttf' },
    script: null,
    rightToLeft: false,
    reorders: false,
  },
  upright('NotoNaskhArabic', 'NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf', /\p{Script=Arabic}/u, { rightToLeft: true }),
  upright('NotoSansHebrew', 'NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf', /\p{Script=Hebrew}/u, { rightToLeft: true }),
  upright('NotoSansDevanagari', 'NotoSansDevanagari-Regular.ttf', 'NotoSansDevanagari-Bold.ttf', /\p{Script=Devanagari}/u, { reorders: true }),
  upright('NotoSansBengali', 'NotoSansBengali-Regular.ttf', 'NotoSansBengali-Bold.ttf', /\p{Script=Bengali}/u, { reorders: true }),
  upright('NotoSansGurmukhi', 'NotoSansGurmukhi-Regular.ttf', 'NotoSansGurmukhi-Bold.ttf', /\p{Script=Gurmukhi}/u, { reorders: true }),
  cjk('NotoSansCJKsc', 'NotoSansCJKsc-Regular', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u),
  cjk('NotoSansCJKjp', 'NotoSansCJKjp-Regular', null),
  cjk('NotoSansCJKkr', 'NotoSansCJKkr-Regular', null),
];

const familiesByName = new Map(reportFontFamilies.map((f) => [f.family, f]));

export function fontFamily(name: string): ReportFontFamily | undefined {
  return familiesByName.get(name);
}

/** resources/fonts, found from the source tree, the bundle (out/…) or a packaged app. */
export function findFontDir(): string {
  const candidates: string[] = [];
  if (process.env.FOOT_SCREENING_FONTS) candidates.push(process.env.FOOT_SCREENING_FONTS);
  // Walk up from this file (CommonJS bundles: the Electron main) and from the entry script (the
  // ESM harness bundle, tsx CLIs). No import.meta: the CommonJS main bundle cannot carry it.
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : null];
  for (const start of starts) {
    if (start === null) continue;
    for (let dir = start, i = 0; i < 6; i++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'resources', 'fonts'));
  }
  candidates.push(path.resolve('resources', 'fonts'));
  const found = candidates.find((dir) => reportFontFamilies.every((f) => fs.existsSync(path.join(dir, f.regular.file))));
  if (!found) throw new Error(`The report fonts (${reportFontFamilies.map((f) => f.regular.file).join(', ')}) were not found in resources/fonts.`);
  return found;
}

/** The `pdfmake.setFonts` argument: every family's four faces, each by the name pdfmake is to open. */
export function pdfmakeFonts(source: (face: FontFace) => string): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  return Object.fromEntries(
    reportFontFamilies.map((f) => [f.family, { normal: source(f.regular), bold: source(f.bold), italics: source(f.italics), bolditalics: source(f.boldItalics) }]),
  );
}

/**
 * Whether a family has a glyph for a character, from the font's own character map (its regular
 * face; the other faces of each family cover the same characters). Answers are remembered per
 * character; fonts are decoded on first use, so a document without CJK never reads the CJK
 * collection.
 */
export class FontCoverage {
  private readonly answers = new Map<string, Map<number, boolean>>();

  constructor(private readonly font: (face: FontFace) => Pick<Fontkit.Font, 'hasGlyphForCodePoint'>) {}

  covers(family: ReportFontFamily, codePoint: number): boolean {
    let known = this.answers.get(family.family);
    if (!known) {
      known = new Map();
      this.answers.set(family.family, known);
    }
    const cached = known.get(codePoint);
    if (cached !== undefined) return cached;
    const answer = this.font(family.regular).hasGlyphForCodePoint(codePoint);
    known.set(codePoint, answer);
    return answer;
  }
}
