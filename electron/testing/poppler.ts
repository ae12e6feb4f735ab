import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import bidiFactory from 'bidi-js';

/**
 * Reads PDFs back with poppler-utils (installed by .ci/run), the way a person would see them:
 * the text (`pdftotext`), the page count (`pdfinfo`), the embedded fonts (`pdffonts`), each page
 * as an image (`pdftoppm`), and the words with their boxes (`pdftotext -bbox`) to check a layout
 * mechanically. Test support only.
 */

export function pdfText(file: string, options: { layout?: boolean; first?: number; last?: number } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), ...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : [])];
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    // name, type (may hold spaces), encoding, then emb sub uni yes/no columns and the object id.
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
    return m
      ? { name: m[1] ?? '', type: m[2] ?? '', embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' }
      : { name: line.trim(), type: '', embedded: false, subset: false, unicode: false };
  });
}

/** Renders every page to PNG with `pdftoppm -r <dpi>` and returns the image files, in page order. */
export function pdfPagesToPng(file: string, outPrefix: string, dpi = 60): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, outPrefix]);
  const dir = path.dirname(outPrefix);
  const base = path.basename(outPrefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => path.join(dir, f));
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function pdfWords(file: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: { width: number; height: number }[] = [];
  const words: Word[] = [];
  const token = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    if (m[1] !== undefined) {
      pages.push({ width: Number(m[1]), height: Number(m[2]) });
    } else {
      words.push({ page: pages.length, text: m[7] ?? '', xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
    }
  }
  return { pages, words };
}

export interface LayoutBox {
  left: number;
  right: number;
  /** Body text ends here; the footer band starts below it. */
  bodyBottom: number;
  /** Footer words start at or below this. */
  footerTop: number;
}

/** Problems with the words' placement, in words a person can act on ("page 3: 'Heel' runs off the right edge"). */
export function layoutProblems(words: readonly Word[], pageHeight: number, box: LayoutBox): string[] {
  const problems: string[] = [];
  const tolerance = 0.5;
  for (const w of words) {
    const where = `page ${w.page}: "${w.text}"`;
    if (w.xMin < box.left - tolerance) problems.push(`${where} starts left of the margin (${w.xMin.toFixed(1)})`);
    if (w.xMax > box.right + tolerance) problems.push(`${where} runs past the right margin (${w.xMax.toFixed(1)})`);
    if (w.yMax > pageHeight) problems.push(`${where} runs off the bottom of the page`);
    const inFooter = w.yMin >= box.footerTop - tolerance;
    if (!inFooter && w.yMax > box.bodyBottom + tolerance) problems.push(`${where} runs into the footer band (${w.yMax.toFixed(1)})`);
  }
  const byPage = new Map<number, Word[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    const sorted = [...list].sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i] as Word;
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j] as Word;
        if (b.yMin >= a.yMax) break;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        // Glyph boxes of neighbouring lines touch by design (line height); a real collision
        // covers a good part of the smaller word both ways.
        const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        if (dx > 1 && dy > h * 0.5) problems.push(`page ${a.page}: "${a.text}" and "${b.text}" overlap`);
      }
    }
  }
  return problems;
}

const bidi = bidiFactory();
const rle = '\u202b';
const pdf = '\u202c';
/** Joiners change the shapes drawn but have no glyph of their own, so no text layer carries them. */
const joiners = /[\u200c\u200d]/gu;

/**
 * The text layer as it is drawn: `pdftotext -raw` gives each line's words in the order they are
 * drawn, left to right, and the letters of a right-to-left word in reading order between the
 * embedding marks RLE and PDF; those letters are turned round here, so that each line reads as
 * it looks on the page. Compared with `asDrawn(text)`, this checks the glyphs and their order
 * without depending on how pdftotext guesses a mixed line's reading order.
 */
export function pdfTextAsDrawn(file: string): string {
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const turned = raw.replace(new RegExp(`${rle}([^${pdf}]*)${pdf}`, 'gu'), (_, word: string) => Array.from(word).reverse().join(''));
  return turned.replace(joiners, '').replace(/[\u202a-\u202e]/gu, '').replace(/[ \t]+/gu, ' ');
}

/**
 * How a line of text looks when laid out by the Unicode Bidirectional Algorithm (bidi-js), left
 * to right: right-to-left runs turned round. The direction is left to right unless the text has
 * right-to-left letters and no left-to-right ones, as the reports lay out a paragraph.
 */
export function asDrawn(text: string): string {
  const plain = text.replace(joiners, '');
  const types = Array.from(plain, (ch) => bidi.getBidiCharTypeName(ch));
  const base = types.includes('L') || !types.some((t) => t === 'R' || t === 'AL') ? 'ltr' : 'rtl';
  return bidi.getReorderedString(plain, bidi.getEmbeddingLevels(plain, base)).replace(/[ \t]+/gu, ' ');
}

/**
 * The text as pdftotext gives it, made comparable with the text that was printed: poppler wraps
 * right-to-left words in bidi embedding marks (U+202A–U+202E); joiners (ZWJ, ZWNJ) change the
 * shapes drawn but have no glyph of their own, so no text layer can carry them; runs of
 * whitespace (line ends included) become one space.
 */
export function readBack(text: string, options: { keepJoiners?: boolean } = {}): string {
  const marks = options.keepJoiners ? /[\u202a-\u202e\u200e\u200f]/gu : /[\u202a-\u202e\u200e\u200f\u200c\u200d]/gu;
  return text.replace(marks, '').replace(/\s+/gu, ' ').trim();
}
